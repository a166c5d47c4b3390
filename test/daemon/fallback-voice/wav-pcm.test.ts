import { describe, expect, it } from "vitest";
import { readWavPcm } from "../../../daemon/src/fallback-voice/wav-pcm.js";
import { protocolCodeOf } from "../../helpers/errors.js";

interface WavParts {
  sampleRateHz?: number;
  channels?: number;
  bitsPerSample?: number;
  samples?: number[];
  /** Chunks placed between `fmt ` and `data`. */
  extraChunks?: { id: string; body: Buffer }[];
  /** Overrides the size the data chunk declares. */
  declaredDataBytes?: number;
}

function chunk(id: string, body: Buffer, declaredBytes = body.length): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, "ascii");
  header.writeUInt32LE(declaredBytes, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

function wav(parts: WavParts = {}): Buffer {
  const channels = parts.channels ?? 1;
  const bitsPerSample = parts.bitsPerSample ?? 16;
  const sampleRateHz = parts.sampleRateHz ?? 22_050;
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRateHz, 4);
  fmt.writeUInt32LE((sampleRateHz * channels * bitsPerSample) / 8, 8);
  fmt.writeUInt16LE((channels * bitsPerSample) / 8, 12);
  fmt.writeUInt16LE(bitsPerSample, 14);
  const samples = parts.samples ?? [0, 1, -1, 32_767, -32_768];
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) => data.writeInt16LE(sample, 2 * i));
  const body = Buffer.concat([
    Buffer.from("WAVE", "ascii"),
    chunk("fmt ", fmt),
    ...(parts.extraChunks ?? []).map(({ id, body }) => chunk(id, body)),
    chunk("data", data, parts.declaredDataBytes),
  ]);
  return Buffer.concat([Buffer.from("RIFF", "ascii"), Buffer.from(new Uint32Array([body.length]).buffer), body]);
}

describe("readWavPcm", () => {
  it.each([8_000, 22_050, 24_000])("reads the rate (%i Hz) and the samples from the header", (sampleRateHz) => {
    const samples = [0, 100, -100, 32_767, -32_768, 7];
    expect(readWavPcm(wav({ sampleRateHz, samples }))).toEqual({ sampleRateHz, samples: Int16Array.from(samples) });
  });

  it("skips chunks it does not know, odd-sized ones included", () => {
    const extraChunks = [
      { id: "LIST", body: Buffer.from("abc") },
      { id: "fact", body: Buffer.alloc(4) },
    ];
    expect(readWavPcm(wav({ samples: [5, -5], extraChunks })).samples).toEqual(Int16Array.from([5, -5]));
  });

  it("reads the bytes present when the header declares more data than there is", () => {
    const pcm = readWavPcm(wav({ samples: [1, 2, 3], declaredDataBytes: 0x7fff_ffff }));
    expect(pcm.samples).toEqual(Int16Array.from([1, 2, 3]));
  });

  it("reads a WAV that sits at an offset inside a larger buffer", () => {
    const bytes = wav({ samples: [9, -9] });
    const padded = Buffer.concat([Buffer.alloc(3), bytes]).subarray(3);
    expect(readWavPcm(padded).samples).toEqual(Int16Array.from([9, -9]));
  });

  it.each([
    ["stereo", wav({ channels: 2 })],
    ["8-bit", wav({ bitsPerSample: 8 })],
    ["not RIFF", Buffer.from("this is not a wav file at all")],
    ["no data chunk", wav().subarray(0, 36)],
    ["empty", Buffer.alloc(0)],
  ])("refuses %s input with synthesis_failed", (_name, bytes) => {
    expect(protocolCodeOf(() => readWavPcm(bytes))).toBe("synthesis_failed");
  });
});
