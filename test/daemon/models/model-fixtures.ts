/**
 * Generated stand-ins for the published files, with the catalogue entries that describe them: an ONNX-shaped
 * protobuf (valid top-level `ModelProto` framing around random graph bytes), a real ZIP for the voices archive, and
 * small voice packs. Hashes are computed here, never hard-coded.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { zipSync } from "fflate";
import { expect } from "vitest";
import type { CatalogFile, ModelCatalog, ModelDtype } from "../../../daemon/src/models/catalog.js";
import { isModelError, type ModelErrorCode } from "../../../daemon/src/models/errors.js";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function lengthDelimited(fieldNumber: number, payload: Buffer): Buffer {
  return Buffer.concat([varint((fieldNumber << 3) | 2), varint(payload.length), payload]);
}

/** `ir_version` 7, `producer_name`, a `graph` of random bytes and an `opset_import`: the framing of a real model. */
export function onnxShapedBytes(graphBytes: number): Buffer {
  return Buffer.concat([
    Buffer.from([0x08, 0x07]),
    lengthDelimited(2, Buffer.from("kokoro-speech-test")),
    lengthDelimited(7, randomBytes(graphBytes)),
    lengthDelimited(8, Buffer.from([0x10, 0x0d])),
  ]);
}

/** A real, uncompressed ZIP with one `.npy`-named entry, like `np.savez` writes. */
export function zipArchiveBytes(entryBytes: number): Buffer {
  return Buffer.from(zipSync({ "af_test.npy": randomBytes(entryBytes) }, { level: 0 }));
}

export function catalogFile(fileName: string, bytes: Buffer, signature: CatalogFile["signature"]): CatalogFile {
  return { fileName, bytes: bytes.length, sha256: sha256Hex(bytes), licence: "test", signature };
}

export interface TestCatalog {
  readonly catalog: ModelCatalog;
  readonly models: Readonly<Record<ModelDtype, Buffer>>;
  readonly voicesArchive: Buffer;
  readonly voicePacks: ReadonlyMap<string, Buffer>;
  /** A directory laid out like the `kokoro-js` package, for `npm pack <dir>`. */
  readonly voicesPackageDir: string;
}

/** Builds files of a few hundred kB each and a catalogue listing them; the npm package directory goes in `dir`. */
export async function buildTestCatalog(dir: string): Promise<TestCatalog> {
  const models = { int8: onnxShapedBytes(300_000), fp16: onnxShapedBytes(400_000), fp32: onnxShapedBytes(500_000) };
  const voicesArchive = zipArchiveBytes(100_000);
  const voicePacks = new Map([
    ["af_test", randomBytes(4096)],
    ["bm_test", randomBytes(4096)],
  ]);
  const voicesPackageDir = join(dir, "kokoro-js-package");
  await mkdir(join(voicesPackageDir, "voices"), { recursive: true });
  await writeFile(join(voicesPackageDir, "package.json"), JSON.stringify({ name: "kokoro-js", version: "1.2.1" }));
  for (const [name, bytes] of voicePacks) await writeFile(join(voicesPackageDir, "voices", `${name}.bin`), bytes);
  const modelFiles = {
    int8: { ...catalogFile("kokoro-v1.0.int8.onnx", models.int8, "onnx"), dtype: "int8" },
    fp16: { ...catalogFile("kokoro-v1.0.fp16.onnx", models.fp16, "onnx"), dtype: "fp16" },
    fp32: { ...catalogFile("kokoro-v1.0.onnx", models.fp32, "onnx"), dtype: "fp32" },
  } satisfies ModelCatalog["models"];
  const catalog: ModelCatalog = {
    models: modelFiles,
    voicesArchive: catalogFile("voices-v1.0.bin", voicesArchive, "zip"),
    voicePacks: [...voicePacks].map(([name, bytes]) => catalogFile(`${name}.bin`, bytes, "none")),
    knownModels: Object.values(modelFiles),
    voicesPackage: voicesPackageDir,
  };
  return { catalog, models, voicesArchive, voicePacks, voicesPackageDir };
}

/** Expects `promise` to reject with a model-manager error of `code`. */
export async function expectModelErrorCode(promise: Promise<unknown>, code: ModelErrorCode): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(isModelError(error) ? error.code : error).toBe(code);
}
