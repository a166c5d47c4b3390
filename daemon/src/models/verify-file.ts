/** Checks a file on disk against what is known about it: size, format signature, then sha256 (the costly step last). */
import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import type { FileSignature } from "./catalog.js";
import { fileSystemError, ModelError } from "./errors.js";
import { sha256OfFile } from "./hash-file.js";
import { checkSignature } from "./signature.js";
import type { VerifiedFiles } from "./verified-files.js";

export interface FileExpectation {
  readonly bytes?: number | undefined;
  /** Lower-case hex; omitted when no trusted hash exists for this file. */
  readonly sha256?: string | undefined;
  readonly signature: FileSignature;
}

/**
 * Throws a `ModelError` (`not_found`, `size_mismatch`, `bad_signature`, `checksum_mismatch`) unless the file passes.
 * With `verified`, a file it knows unchanged since it hashed to the expected sha256 is not hashed again, and a file
 * that hashes right is remembered.
 */
export async function verifyFile(
  path: string,
  expected: FileExpectation,
  signal?: AbortSignal,
  verified?: VerifiedFiles,
): Promise<void> {
  const sizeBytes = await fileSizeBytes(path);
  if (expected.bytes !== undefined && sizeBytes !== expected.bytes) {
    throw new ModelError("size_mismatch", `${path} has ${sizeBytes} bytes, expected ${expected.bytes}`);
  }
  await checkSignature(path, expected.signature);
  if (expected.sha256 === undefined) return;
  if (await verified?.knows(path, expected.sha256)) return;
  const before = await statOfFile(path);
  const actual = await sha256OfFile(path, signal);
  if (actual !== expected.sha256) {
    verified?.forget(path);
    throw new ModelError("checksum_mismatch", `${path} has sha256 ${actual}, expected ${expected.sha256}`);
  }
  await verified?.remember(path, before, actual);
}

/** The size of a regular file; `not_found` for a missing path or a directory. */
export async function fileSizeBytes(path: string): Promise<number> {
  return (await statOfFile(path)).size;
}

/** The stats of a regular file; `not_found` for a missing path or a directory. */
export async function statOfFile(path: string): Promise<Stats> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new ModelError("not_found", `${path} is not a file`);
    return stats;
  } catch (error) {
    throw fileSystemError(error, path);
  }
}
