/**
 * Keeps one daemon running for the extension: connects to the running one or starts it detached and waits for its
 * handshake; restarts it after verifying that the recorded pid really is our daemon (pids get reused).
 */
import { delimiter, join } from "node:path";
import { isProtocolError, readDiscovery, resolveStateDir, STATE_FILES } from "@kokoro-speech/protocol";
import { connectToDaemon, waitForDaemon, type Connected } from "./connection.js";
import { buildDaemonLaunch } from "./daemon-launch.js";
import { locateDaemonScript, locateNodeBinary } from "./daemon-location.js";
import { findInstalledEngine, type EngineSearch, type FoundEngine } from "./engine-discovery.js";
import { installEngine, type EngineInstallProgress } from "./engine-install.js";
import { isProcessAlive, processCommandLine, waitForExit } from "./process-info.js";
import { spawnDetached } from "./spawn-detached.js";
import { isSupervisorError, SupervisorError } from "./supervisor-error.js";

/** Covers loading the engine at start-up on a slow machine; a healthy start takes well under a second. */
export const DAEMON_START_TIMEOUT_MS = 20_000;
/** The daemon cancels its streams and closes its connections on SIGTERM; this is plenty for that. */
export const DAEMON_STOP_TIMEOUT_MS = 5_000;

export interface SupervisorOptions {
  /** From the "Daemon Script" preference; the build's recorded location otherwise. */
  daemonScript?: string | undefined;
  /** From the "Daemon Port" preference. */
  port?: number | undefined;
  /** From the "Stop Daemon When Idle" preference: the started daemon's `--exit-when-idle` (0 or unset = never). */
  exitWhenIdleSeconds?: number | undefined;
  /** Passed to the daemon as `--state-dir` when set; both sides use `resolveStateDir()` otherwise. */
  stateDir?: string | undefined;
  /** The extension's assets folder (`environment.assetsPath`), where the build records the daemon's location. */
  assetsPath: string;
  /**
   * `environment.supportPath`: where the extension installs its engine when it finds none. Without it, finding no
   * daemon is an error (`daemon_script_missing`).
   */
  supportPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  execPath?: string;
  startTimeoutMs?: number;
  /** Called once, before a daemon is spawned, so a command can say "Starting…" instead of waiting in silence. */
  onStarting?: () => Promise<void>;
  /** Called as the engine installs (first use): downloads, the add-on being built, the time so far. */
  onInstalling?: (progress: EngineInstallProgress) => void;
}

export function stateDirOf(options: Pick<SupervisorOptions, "stateDir" | "env">): string {
  return options.stateDir ?? resolveStateDir({ env: options.env ?? process.env });
}

export function logPathOf(options: Pick<SupervisorOptions, "stateDir" | "env">): string {
  return join(stateDirOf(options), STATE_FILES.log);
}

export interface Ensured extends Connected {
  /** Whether this call started the daemon. */
  readonly spawned: boolean;
}

function engineSearch(options: SupervisorOptions, env: NodeJS.ProcessEnv, nodeBinary: string): EngineSearch {
  return {
    supportPath: options.supportPath,
    nodeBinary,
    home: env.HOME ?? "",
    pathDirs: (env.PATH ?? "").split(delimiter).filter(Boolean),
  };
}

/**
 * The daemon to start, in this order: the one the preference or a checkout's build names; the engine this release
 * installed in supportPath; a `kokoro-speech` the user installed; else the pinned engine, installed now.
 */
async function engineToStart(options: SupervisorOptions, env: NodeJS.ProcessEnv): Promise<FoundEngine> {
  const nodeBinary = locateNodeBinary({ execPath: options.execPath ?? process.execPath, home: env.HOME ?? "" });
  const chosen = locateDaemonScript(options.daemonScript, options.assetsPath);
  if (chosen !== undefined) return { script: chosen, nodeBinary, source: "global" };
  const installed = findInstalledEngine(engineSearch(options, env, nodeBinary));
  if (installed) return installed;
  if (options.supportPath === undefined) throw new SupervisorError("daemon_script_missing");
  return installEngine({
    supportPath: options.supportPath,
    nodeBinary,
    parentEnv: env,
    ...(options.onInstalling ? { onProgress: options.onInstalling } : {}),
  });
}

/** The script a daemon of ours runs, for the identity check; nothing is installed for it. */
function knownDaemonScript(options: SupervisorOptions): string {
  const env = options.env ?? process.env;
  const chosen = locateDaemonScript(options.daemonScript, options.assetsPath);
  if (chosen !== undefined) return chosen;
  let nodeBinary: string;
  try {
    nodeBinary = locateNodeBinary({ execPath: options.execPath ?? process.execPath, home: env.HOME ?? "" });
  } catch {
    return "";
  }
  return findInstalledEngine(engineSearch(options, env, nodeBinary))?.script ?? "";
}

async function startDaemon(options: SupervisorOptions, excludePid?: number): Promise<Connected> {
  const env = options.env ?? process.env;
  const engine = await engineToStart(options, env);
  const script = engine.script;
  const launch = buildDaemonLaunch({
    nodeBinary: engine.nodeBinary,
    script,
    port: options.port,
    stateDir: options.stateDir,
    exitWhenIdleSeconds: options.exitWhenIdleSeconds,
    parentEnv: env,
  });
  await options.onStarting?.();
  const spawnedPid = await spawnDetached(launch, logPathOf(options));
  try {
    return await waitForDaemon({
      stateDir: stateDirOf(options),
      timeoutMs: options.startTimeoutMs ?? DAEMON_START_TIMEOUT_MS,
      spawnedPid,
      excludePid,
    });
  } catch (error) {
    // A daemon that never answered would otherwise be left running (and holding its lock) behind the next start.
    if (isSupervisorError(error) && error.code === "start_timeout") await stopIfOurs(spawnedPid, script);
    throw error;
  }
}

/** Stops `pid` only while its command line still shows the daemon we started: pids are reused. */
async function stopIfOurs(pid: number, script: string): Promise<void> {
  const commandLine = await processCommandLine(pid);
  if (commandLine !== null && isDaemonCommandLine(commandLine, script)) await stopProcess(pid);
}

/** An open, verified connection to the daemon, starting it first when none answers. */
export async function ensureDaemon(options: SupervisorOptions): Promise<Ensured> {
  const connected = await connectToDaemon(stateDirOf(options));
  if (connected) return { ...connected, spawned: false };
  return { ...(await startDaemon(options)), spawned: true };
}

/**
 * The pid of our running daemon, or `null` when none runs. The handshake proves identity (the daemon reports its
 * own pid after accepting our token); without one, the recorded pid counts only if its command line runs a daemon
 * `serve`. Anything else is another program that inherited the pid: never signal it.
 */
async function findOurDaemonPid(options: SupervisorOptions): Promise<number | null> {
  const stateDir = stateDirOf(options);
  const connected = await connectToDaemon(stateDir).catch((error: unknown) => {
    // A daemon that refuses the handshake (another token, an older protocol left running after an update) cannot
    // prove who it is over the socket: fall through to the discovery file's pid and the process's command line.
    if (isRefusal(error)) return null;
    throw error;
  });
  if (connected) {
    await connected.client.close();
    return connected.client.welcome.daemon.pid;
  }
  const discovery = await readDiscovery(stateDir);
  if (!discovery || !(await isProcessAlive(discovery.pid))) return null;
  const commandLine = await processCommandLine(discovery.pid);
  if (commandLine === null) return null;
  if (isDaemonCommandLine(commandLine, knownDaemonScript(options))) return discovery.pid;
  throw new SupervisorError(
    "not_our_process",
    `Pid ${discovery.pid} is not the speech daemon (${commandLine.slice(0, 80)}); it was left alone.`,
  );
}

/** The handshake answers a restart can fix: the daemon runs but will not talk to us. */
const REFUSAL_CODES: readonly string[] = ["unauthorized", "protocol_mismatch"];

export function isRefusal(error: unknown): boolean {
  return isProtocolError(error) && REFUSAL_CODES.includes(error.code);
}

/**
 * `<script> serve …` as we start it, or another daemon: a checkout's `daemon/dist/cli.js serve`, an installed
 * package's `kokoro-speech/dist/cli.js serve`, or its command (`kokoro-speech serve`, `bin/kokoro-speech.js serve`).
 */
export function isDaemonCommandLine(commandLine: string, script: string): boolean {
  return (
    (script !== "" && commandLine.includes(`${script} serve`)) ||
    /(?:^|[\s/])(?:(?:daemon|kokoro-speech)\/dist\/cli\.js|kokoro-speech(?:\.js)?)\s+serve(?:\s|$)/.test(commandLine)
  );
}

async function stopProcess(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  if (await waitForExit(pid, DAEMON_STOP_TIMEOUT_MS)) return;
  signal("SIGKILL");
  if (!(await waitForExit(pid, DAEMON_STOP_TIMEOUT_MS))) throw new SupervisorError("stop_failed");
}

export interface Restarted extends Connected {
  readonly previousPid: number | null;
}

/** Stops our daemon if one runs (SIGTERM, then SIGKILL), starts a new one and waits for its handshake. */
export async function restartDaemon(options: SupervisorOptions): Promise<Restarted> {
  const previousPid = await findOurDaemonPid(options);
  if (previousPid !== null) await stopProcess(previousPid);
  const connected = await startDaemon(options, previousPid ?? undefined);
  return { ...connected, previousPid };
}
