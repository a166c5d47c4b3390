import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { msToBytes, type ProtocolError } from "@kokoro-speech/protocol";
import { WavSink } from "../../../daemon/src/audio/wav-sink.js";
import { WAV_HEADER_BYTES } from "../../../daemon/src/audio/wav-header.js";

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "kokoro-wav-sink-"));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function makeChunks(count: number, durationMs: number): Buffer[] {
  return Array.from({ length: count }, (_, chunkIndex) => {
    const chunk = Buffer.alloc(msToBytes(durationMs));
    for (let offset = 0; offset < chunk.length; offset += 2) {
      chunk.writeInt16LE(((chunkIndex * 4099 + offset * 13) % 65_536) - 32_768, offset);
    }
    return chunk;
  });
}

describe("WavSink", () => {
  it("writes a WAV file whose header sizes match the PCM that follows it", async () => {
    const path = join(directory, "out.wav");
    const sink = new WavSink(path);
    const chunks = makeChunks(5, 30);
    await sink.open();
    for (const chunk of chunks) await sink.write(chunk);
    await sink.close();

    const file = await readFile(path);
    const pcm = Buffer.concat(chunks);
    expect(file.toString("ascii", 0, 4)).toBe("RIFF");
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    expect(file.toString("ascii", 36, 40)).toBe("data");
    expect(file.readUInt32LE(40)).toBe(pcm.length);
    expect(file.subarray(WAV_HEADER_BYTES).equals(pcm)).toBe(true);
    expect(sink.bytesAccepted).toBe(pcm.length);
  });

  it("keeps call order for writes that were not awaited one by one", async () => {
    const path = join(directory, "concurrent.wav");
    const sink = new WavSink(path);
    const chunks = makeChunks(16, 10);
    await sink.open();
    await Promise.all(chunks.map((chunk) => sink.write(chunk)));
    await sink.close();

    expect((await readFile(path)).subarray(WAV_HEADER_BYTES).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("leaves a valid empty WAV when nothing was written", async () => {
    const path = join(directory, "empty.wav");
    const sink = new WavSink(path);
    await sink.open();
    await sink.close();

    const file = await readFile(path);
    expect(file.length).toBe(WAV_HEADER_BYTES);
    expect(file.readUInt32LE(4)).toBe(36);
    expect(file.readUInt32LE(40)).toBe(0);
  });

  it("closes idempotently and refuses writes afterwards with audio_unavailable", async () => {
    const path = join(directory, "closed.wav");
    const sink = new WavSink(path);
    await sink.open();
    await sink.write(makeChunks(1, 10)[0]!);
    await Promise.all([sink.close(), sink.close()]);
    await sink.close();

    await expect(sink.write(makeChunks(1, 10)[0]!)).rejects.toMatchObject({ code: "audio_unavailable" });
    expect((await readFile(path)).readUInt32LE(40)).toBe(msToBytes(10));
  });

  it("rejects open() with audio_unavailable when the file cannot be created", async () => {
    const sink = new WavSink(join(directory, "missing-folder", "out.wav"));

    const error = await sink.open().then(
      () => undefined,
      (openError: unknown) => openError,
    );
    expect((error as ProtocolError).code).toBe("audio_unavailable");
  });

  it("refuses a partial frame with a RangeError", async () => {
    const sink = new WavSink(join(directory, "odd.wav"));
    await sink.open();

    await expect(sink.write(Buffer.alloc(3))).rejects.toThrow(RangeError);
    await sink.close();
  });
});
