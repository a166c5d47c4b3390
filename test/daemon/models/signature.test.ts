import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileSignature } from "../../../daemon/src/models/catalog.js";
import { isModelError } from "../../../daemon/src/models/errors.js";
import { checkSignature } from "../../../daemon/src/models/signature.js";
import { encodeNpz, encodeStandInModel } from "../../fixtures/stand-in-model.js";
import { onnxShapedBytes, zipArchiveBytes } from "./model-fixtures.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kokoro-signature-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function signatureOutcome(bytes: Uint8Array, signature: FileSignature): Promise<string> {
  const path = join(dir, `file-${randomBytes(4).toString("hex")}`);
  await writeFile(path, bytes);
  return checkSignature(path, signature).then(
    () => "ok",
    (error: unknown) => (isModelError(error) ? error.code : String(error)),
  );
}

const onnx = onnxShapedBytes(10_000);
const standIn = encodeStandInModel("kokoro-onnx");
const npz = encodeNpz([{ name: "af_test.npy", data: randomBytes(2048) }]);

const cases: Array<{ name: string; bytes: Uint8Array; signature: FileSignature; outcome: string }> = [
  { name: "ONNX model framing", bytes: onnx, signature: "onnx", outcome: "ok" },
  { name: "the engine's stand-in model, encoded by protobufjs", bytes: standIn, signature: "onnx", outcome: "ok" },
  {
    name: "an ONNX model missing its last byte",
    bytes: onnx.subarray(0, -1),
    signature: "onnx",
    outcome: "bad_signature",
  },
  {
    name: "the stand-in model cut in half",
    bytes: standIn.subarray(0, standIn.length >> 1),
    signature: "onnx",
    outcome: "bad_signature",
  },
  {
    name: "an HTML error page",
    bytes: Buffer.from("<!DOCTYPE html><p>rate limited</p>"),
    signature: "onnx",
    outcome: "bad_signature",
  },
  { name: "random bytes", bytes: randomBytes(4096), signature: "onnx", outcome: "bad_signature" },
  { name: "an empty file", bytes: Buffer.alloc(0), signature: "onnx", outcome: "bad_signature" },
  { name: "a ZIP written by fflate", bytes: zipArchiveBytes(5000), signature: "zip", outcome: "ok" },
  { name: "an npz laid out as np.savez writes it", bytes: npz, signature: "zip", outcome: "ok" },
  {
    name: "a ZIP missing its end record",
    bytes: npz.subarray(0, npz.length - 30),
    signature: "zip",
    outcome: "bad_signature",
  },
  { name: "an ONNX model where a ZIP is expected", bytes: onnx, signature: "zip", outcome: "bad_signature" },
  { name: "anything when no signature is expected", bytes: randomBytes(100), signature: "none", outcome: "ok" },
];

describe("checkSignature", () => {
  for (const { name, bytes, signature, outcome } of cases) {
    it(`gives ${outcome} for ${name} checked as ${signature}`, async () => {
      expect(await signatureOutcome(bytes, signature)).toBe(outcome);
    });
  }

  it("reports not_found for a missing file", async () => {
    const error = await checkSignature(join(dir, "missing.onnx"), "onnx").catch((rejection: unknown) => rejection);
    expect(isModelError(error) && error.code).toBe("not_found");
  });
});
