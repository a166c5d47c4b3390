/**
 * Where the real-model test fixture lives: a cache outside the repository (weights are never committed), by default
 * `~/.cache/kokoro-speech-test/`, or `KOKORO_SPEECH_TEST_CACHE`. `fetch-model.ts` fills it; the real-model suite, the
 * parity script, the real benchmarks and the listening proxy read it.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { MODEL_FILES, VOICES_DIR_NAME } from "../../daemon/src/models/index.js";

export const TEST_CACHE_ENV = "KOKORO_SPEECH_TEST_CACHE";

/** The int8 export: the file the four PyPI parts reassemble into (docs/models.md). */
export const REAL_MODEL_FILE = MODEL_FILES.int8;

export function testCacheDir(): string {
  return process.env[TEST_CACHE_ENV] || join(homedir(), ".cache", "kokoro-speech-test");
}

export function realModelPath(): string {
  return join(testCacheDir(), REAL_MODEL_FILE.fileName);
}

export function realVoicesDir(): string {
  return join(testCacheDir(), VOICES_DIR_NAME);
}

/** The Python venv with kokoro-onnx (parity and peer benchmarks); absent unless `fetch-model.ts --venv` made it. */
export function referenceVenvPython(): string {
  return join(testCacheDir(), "venv", "bin", "python");
}

/** kokoro-js@1.2.1 and transformers.js for the peer benchmark (`fetch-model.ts --peers`), outside the repository. */
export function kokoroJsPeerDir(): string {
  return join(testCacheDir(), "kokoro-js");
}

/** transformers.js's `localModelPath` for the peer: `onnx-community/Kokoro-82M-v1.0-ONNX/` made from the int8 file. */
export function kokoroJsModelsDir(): string {
  return join(kokoroJsPeerDir(), "models");
}

export const KOKORO_JS_MODEL_ID = "onnx-community/Kokoro-82M-v1.0-ONNX";

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export type FixtureState =
  | { readonly state: "absent" }
  | { readonly state: "present"; readonly modelPath: string; readonly voicesDir: string }
  | { readonly state: "corrupt"; readonly reason: string };

/**
 * Looks for the fixture: absent (the suite says so in one line), present and verified (size, sha256, voices), or
 * corrupt (a clear failure naming the file, never a skip).
 */
export async function locateFixture(): Promise<FixtureState> {
  const modelPath = realModelPath();
  const voicesDir = realVoicesDir();
  if (!(await exists(modelPath))) return { state: "absent" };
  const { size } = await stat(modelPath);
  if (size !== REAL_MODEL_FILE.bytes) {
    return { state: "corrupt", reason: `${modelPath} has ${size} bytes, expected ${REAL_MODEL_FILE.bytes}` };
  }
  const digest = await sha256OfFile(modelPath);
  if (digest !== REAL_MODEL_FILE.sha256) {
    return { state: "corrupt", reason: `${modelPath} has sha256 ${digest}, expected ${REAL_MODEL_FILE.sha256}` };
  }
  if (!(await exists(voicesDir))) {
    return { state: "corrupt", reason: `${voicesDir} is missing: run npm run fetch:real-model` };
  }
  return { state: "present", modelPath, voicesDir };
}
