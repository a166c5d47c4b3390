import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  fileSystemError,
  MODEL_ERROR_CODES,
  ModelError,
  type ModelErrorCode,
} from "../../../daemon/src/models/errors.js";

function errnoError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const cases: Array<{ name: string; error: unknown; code: ModelErrorCode }> = [
  { name: "ENOSPC (disk full)", error: errnoError("ENOSPC"), code: "disk_full" },
  { name: "EDQUOT (quota full)", error: errnoError("EDQUOT"), code: "disk_full" },
  { name: "ENOENT", error: errnoError("ENOENT"), code: "not_found" },
  { name: "EACCES", error: errnoError("EACCES"), code: "io_error" },
  { name: "an AbortError", error: Object.assign(new Error("aborted"), { name: "AbortError" }), code: "aborted" },
  { name: "a ModelError, kept as it is", error: new ModelError("checksum_mismatch"), code: "checksum_mismatch" },
];

describe("fileSystemError", () => {
  for (const { name, error, code } of cases) {
    it(`classifies ${name} as ${code}`, () => {
      const classified = fileSystemError(error, "/data/model.onnx");
      expect(classified.code).toBe(code);
      expect(classified.message).not.toContain("\n");
    });
  }
});

describe("MODEL_ERROR_CODES", () => {
  it("documents every code in docs/models.md", () => {
    const doc = readFileSync(new URL("../../../docs/models.md", import.meta.url), "utf8");
    for (const code of Object.keys(MODEL_ERROR_CODES)) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
