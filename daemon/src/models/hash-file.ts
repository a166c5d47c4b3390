/** sha256 of files on disk, streamed so hashing a 300 MB model never holds the event loop for more than one chunk. */
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { fileSystemError } from "./errors.js";

/** Read size per chunk: large enough to hash at disk speed, small enough to keep the event loop responsive. */
const HASH_CHUNK_BYTES = 1024 * 1024;

/** Feeds the whole file into `hash` and returns the number of bytes read. */
export async function updateHashFromFile(hash: Hash, path: string, signal?: AbortSignal): Promise<number> {
  let byteCount = 0;
  try {
    const stream = createReadStream(path, { highWaterMark: HASH_CHUNK_BYTES, signal });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      byteCount += chunk.length;
    }
  } catch (error) {
    throw fileSystemError(error, path);
  }
  return byteCount;
}

/** The file's sha256 as lower-case hex. */
export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash("sha256");
  await updateHashFromFile(hash, path, signal);
  return hash.digest("hex");
}
