/** Checks a file on disk against what is known about it: size, format signature, then sha256 (the costly step last). */
import { stat } from "node:fs/promises";
import type { FileSignature } from "./catalog.js";
import { fileSystemError, ModelError } from "./errors.js";
import { sha256OfFile } from "./hash-file.js";
import { checkSignature } from "./signature.js";

export interface FileExpectation {
  readonly bytes?: number | undefined;
  /** Lower-case hex; omitted when no trusted hash exists for this file. */
  readonly sha256?: string | undefined;
  readonly signature: FileSignature;
}

/** Throws a `ModelError` (`not_found`, `size_mismatch`, `bad_signature`, `checksum_mismatch`) unless the file passes. */
export async function verifyFile(path: string, expected: FileExpectation, signal?: AbortSignal): Promise<void> {
  const sizeBytes = await fileSizeBytes(path);
  if (expected.bytes !== undefined && sizeBytes !== expected.bytes) {
    throw new ModelError("size_mismatch", `${path} has ${sizeBytes} bytes, expected ${expected.bytes}`);
  }
  await checkSignature(path, expected.signature);
  if (expected.sha256 !== undefined) {
    const actual = await sha256OfFile(path, signal);
    if (actual !== expected.sha256) {
      throw new ModelError("checksum_mismatch", `${path} has sha256 ${actual}, expected ${expected.sha256}`);
    }
  }
}

/** The size of a regular file; `not_found` for a missing path or a directory. */
export async function fileSizeBytes(path: string): Promise<number> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new ModelError("not_found", `${path} is not a file`);
    return stats.size;
  } catch (error) {
    throw fileSystemError(error, path);
  }
}
