/**
 * Installs the pinned speech engine into `<supportPath>/engine/<version>/` with npm, which checks every tarball
 * against the registry's integrity hashes and compiles the `speaker` add-on for the Node that will run the daemon.
 * The install goes to a `.install-*` folder that is renamed into place only once npm succeeded and the installed
 * command answers `--version`: a failed, interrupted or corrupt install leaves no engine folder behind, and the next
 * command removes its leftovers. Older versions go once the new one is in place. docs/raycast.md, "Provisioning",
 * says why npm and not a bundled engine.
 */
import { execFile, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { EXTRA_PATH_DIRS } from "./daemon-launch.js";
import { supportEngine, type FoundEngine } from "./engine-discovery.js";
import {
  ENGINE_RECORD_FILE,
  engineDir,
  engineRoot,
  engineScript,
  INSTALL_PREFIX,
  installLockPath,
  installLogPath,
  type EngineRecord,
} from "./engine-paths.js";
import { ENGINE_PACKAGE, ENGINE_VERSION } from "./engine-pin.js";
import { findNpmCli } from "./find-npm.js";
import { isProcessAlive } from "./process-info.js";
import { SupervisorError } from "./supervisor-error.js";

const run = promisify(execFile);

/** npm, a compile of `speaker` and a large onnxruntime-node tarball on a slow connection. */
export const ENGINE_INSTALL_TIMEOUT_MS = 15 * 60_000;
/** How long a command waits for another command's install before giving up. */
const LOCK_WAIT_MS = ENGINE_INSTALL_TIMEOUT_MS + 60_000;
const LOCK_POLL_MS = 250;
/** The command a terminal user runs instead: a global install, which the extension finds on its next start. */
export const GLOBAL_INSTALL_COMMAND = `npm install --global ${ENGINE_PACKAGE}@${ENGINE_VERSION}`;
export const INSTALL_NODE_COMMAND = "brew install node";
export const INSTALL_COMPILER_COMMAND = "xcode-select --install";

export interface EngineInstallProgress {
  readonly version: string;
  /** Package tarballs downloaded so far. */
  readonly downloaded: number;
  /** The install script running, e.g. "speaker" while its add-on compiles. */
  readonly building: string | undefined;
  readonly elapsedMs: number;
}

export interface EngineInstallOptions {
  readonly supportPath: string;
  /** The Node that runs npm now and the daemon later. */
  readonly nodeBinary: string;
  readonly parentEnv: NodeJS.ProcessEnv;
  readonly onProgress?: (progress: EngineInstallProgress) => void;
  readonly timeoutMs?: number;
  /** npm-cli.js; found beside the Node or on PATH when absent, `null` to act as if there were none. */
  readonly npmCli?: string | null;
  /** Another version than the pin: for tests of the failure paths only. */
  readonly version?: string;
}

/**
 * npm's environment: what a login shell would give it (HOME, so the user's ~/.npmrc applies, the locale, TMPDIR),
 * with the Node that runs it first on PATH so that install scripts and node-gyp build for that Node. The engine runs
 * on the CPU and CoreML providers inside onnxruntime-node's package, so its optional CUDA download is skipped.
 */
export function npmEnvironment(parentEnv: NodeJS.ProcessEnv, nodeBinary: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ["HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TMPDIR", "SHELL"]) {
    if (parentEnv[name] !== undefined) env[name] = parentEnv[name];
  }
  const pathDirs = [
    dirname(nodeBinary),
    ...(parentEnv.PATH ?? "").split(delimiter).filter(Boolean),
    ...EXTRA_PATH_DIRS,
  ];
  env.PATH = [...new Set(pathDirs)].join(delimiter);
  env.ONNXRUNTIME_NODE_INSTALL = "skip";
  return env;
}

function failure(message: string, supportPath: string, copyCommand = GLOBAL_INSTALL_COMMAND): SupervisorError {
  return new SupervisorError("engine_install_failed", message, { logPath: installLogPath(supportPath), copyCommand });
}

/** What node-gyp and the shell print on a Mac without the Command Line Tools (or a system without a compiler). */
const COMPILER_MISSING =
  /xcrun: error|xcode-select|CommandLineTools|No Xcode or CLT|(?:make|cc|c\+\+|g\+\+|clang\+*): (?:command )?not found/;

/** What went wrong, in one sentence, from npm's output: the four failures a user can meet and act on. */
export function explainNpmFailure(
  output: string,
  exitCode: number | null,
  spec: string,
): { message: string; copyCommand?: string } {
  const kept = " Nothing was installed; the next Speak tries again.";
  if (/EINTEGRITY|integrity checksum failed/i.test(output)) {
    return {
      message: `A downloaded package did not match its published checksum (EINTEGRITY).${kept}`,
    };
  }
  const network = /\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b/.exec(output);
  if (network) {
    return { message: `The npm registry could not be reached (${network[1]}); check the connection.${kept}` };
  }
  if (/\bE404\b|404 Not Found/.test(output)) {
    return { message: `${spec} was not found on the npm registry.${kept}` };
  }
  const scriptPath = /npm error path (\S+)/.exec(output)?.[1];
  if (/npm error command failed/i.test(output) && scriptPath !== undefined) {
    const failedPackage = scriptPath.split(/node_modules[\\/]/).pop() ?? scriptPath;
    if (failedPackage === "speaker" && COMPILER_MISSING.test(output)) {
      return {
        message: `The audio add-on (speaker) could not be compiled: install the Xcode Command Line Tools.${kept}`,
        copyCommand: INSTALL_COMPILER_COMMAND,
      };
    }
    if (failedPackage === "speaker" && /network connectivity|headers\.tar\.gz/.test(output)) {
      return {
        message: `The audio add-on (speaker) could not download Node's headers to compile against; check the connection.${kept}`,
      };
    }
    return { message: `The install script of ${failedPackage} failed.${kept}` };
  }
  return { message: `npm exited with ${exitCode === null ? "a signal" : `code ${exitCode}`}.${kept}` };
}

interface NpmRun {
  readonly exitCode: number | null;
  readonly output: string;
}

/** Runs npm, copying its output to the log and turning it into progress. */
async function runNpm(
  args: readonly string[],
  options: EngineInstallOptions,
  log: WriteStream,
  started: number,
  version: string,
): Promise<NpmRun> {
  let downloaded = 0;
  let building: string | undefined;
  let output = "";
  let pending = "";
  const report = (): void => options.onProgress?.({ version, downloaded, building, elapsedMs: Date.now() - started });
  const child = spawn(options.nodeBinary, args, {
    cwd: engineRoot(options.supportPath),
    env: npmEnvironment(options.parentEnv, options.nodeBinary),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const onData = (data: Buffer): void => {
    const text = data.toString();
    log.write(text);
    output = (output + text).slice(-256 * 1024);
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    let changed = false;
    for (const line of lines) {
      if (/http fetch GET 200 \S+\.tgz/.test(line)) {
        downloaded++;
        changed = true;
      }
      const script = /\binfo run (\S+?)@\S+ (?:preinstall|install|postinstall)\b/.exec(line);
      if (script) {
        building = script[1];
        changed = true;
      }
    }
    if (changed) report();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const ticker = setInterval(report, 1_000);
  const timeout = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs ?? ENGINE_INSTALL_TIMEOUT_MS);
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code));
    });
    return { exitCode, output };
  } finally {
    clearInterval(ticker);
    clearTimeout(timeout);
  }
}

/** One install at a time per supportPath: a lock folder holding the installer's pid; a dead holder's lock is taken. */
async function acquireLock(supportPath: string): Promise<() => Promise<void>> {
  const lock = installLockPath(supportPath);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, "pid"), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(await readFile(join(lock, "pid"), "utf8").catch(() => ""));
    if (Number.isInteger(holder) && holder > 0 && !(await isProcessAlive(holder))) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw failure("Another command has been installing the speech engine for too long.", supportPath);
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/** Folders in the engine root that `select` picks: leftovers of interrupted installs, or replaced versions. */
async function removeFolders(supportPath: string, select: (name: string) => boolean): Promise<void> {
  const root = engineRoot(supportPath);
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && select(entry.name)) await rm(join(root, entry.name), { recursive: true, force: true });
  }
}

const isInstallLeftover = (name: string): boolean => name.startsWith(INSTALL_PREFIX);
const isVersionFolder = (name: string): boolean => /^\d+\.\d+\.\d+/.test(name);

/** The installed command must load and name the version asked for. */
async function verifyInstalled(
  prefix: string,
  options: EngineInstallOptions,
  version: string,
): Promise<string | undefined> {
  const { nodeBinary } = options;
  const script = engineScript(prefix);
  try {
    const manifest = JSON.parse(
      await readFile(join(prefix, "node_modules", ENGINE_PACKAGE, "package.json"), "utf8"),
    ) as { version?: unknown };
    if (manifest.version !== version) return `npm installed version ${String(manifest.version)}, not ${version}.`;
    const { stdout } = await run(nodeBinary, [script, "--version"], {
      timeout: 30_000,
      env: npmEnvironment(options.parentEnv, nodeBinary),
    });
    if (stdout.trim() !== version) return `The installed command reported version "${stdout.trim()}".`;
    return undefined;
  } catch (error) {
    return `The installed engine does not run: ${(error as Error).message.split("\n")[0]}`;
  }
}

async function installUnderLock(options: EngineInstallOptions, version: string): Promise<FoundEngine> {
  const { supportPath, nodeBinary } = options;
  const spec = `${ENGINE_PACKAGE}@${version}`;
  const npmCli =
    options.npmCli === undefined
      ? findNpmCli({ nodeBinary, pathDirs: (options.parentEnv.PATH ?? "").split(delimiter).filter(Boolean) })
      : (options.npmCli ?? undefined);
  if (npmCli === undefined) {
    throw new SupervisorError(
      "npm_missing",
      `No npm was found to install the speech engine (${spec}) with. Install Node.js, which includes npm, e.g. with ` +
        `Homebrew: ${INSTALL_NODE_COMMAND}.`,
      { logPath: installLogPath(supportPath), copyCommand: INSTALL_NODE_COMMAND },
    );
  }
  await removeFolders(supportPath, isInstallLeftover);
  const prefix = await mkdtemp(join(engineRoot(supportPath), `${INSTALL_PREFIX}${version}-`));
  const log = createWriteStream(installLogPath(supportPath), { flags: "a" });
  const started = Date.now();
  try {
    const args = [
      npmCli,
      "install",
      "--prefix",
      prefix,
      "--no-audit",
      "--no-fund",
      "--no-update-notifier",
      "--omit=dev",
      "--loglevel=info",
      "--no-progress",
      spec,
    ];
    log.write(`\n=== ${new Date().toISOString()} ${nodeBinary} ${args.join(" ")}\n`);
    const npm = await runNpm(args, options, log, started, version);
    if (npm.exitCode !== 0) {
      const { message, copyCommand } = explainNpmFailure(npm.output, npm.exitCode, spec);
      log.write(`=== failed: ${message}\n`);
      throw failure(message, supportPath, copyCommand);
    }
    const problem = await verifyInstalled(prefix, options, version);
    if (problem !== undefined) {
      log.write(`=== failed: ${problem}\n`);
      throw failure(`${problem} Nothing was installed; the next Speak tries again.`, supportPath);
    }
    const record: EngineRecord = {
      package: ENGINE_PACKAGE,
      version,
      nodeBinary,
      installedAt: new Date().toISOString(),
    };
    await writeFile(join(prefix, ENGINE_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
    const dir = engineDir(supportPath, version);
    // A folder of this version that is not usable (built for another Node) is replaced as a whole.
    await rm(dir, { recursive: true, force: true });
    await rename(prefix, dir);
    // No daemon runs from an older version now: the supervisor installs only when none answered.
    await removeFolders(supportPath, (name) => isVersionFolder(name) && name !== version);
    log.write(`=== installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s\n`);
    return { script: engineScript(dir), nodeBinary, source: "support" };
  } finally {
    await rm(prefix, { recursive: true, force: true });
    await new Promise((resolve) => log.end(resolve));
  }
}

/** The pinned engine in supportPath: the one already there, another command's install awaited, or a new install. */
export async function installEngine(options: EngineInstallOptions): Promise<FoundEngine> {
  const version = options.version ?? ENGINE_VERSION;
  await mkdir(engineRoot(options.supportPath), { recursive: true, mode: 0o700 });
  const release = await acquireLock(options.supportPath);
  try {
    if (version === ENGINE_VERSION) {
      const present = supportEngine({ ...options, home: "", pathDirs: [] });
      if (present) return present;
    }
    return await installUnderLock(options, version);
  } finally {
    await release();
  }
}
