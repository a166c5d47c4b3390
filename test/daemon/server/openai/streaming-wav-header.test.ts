import { describe, expect, it } from "vitest";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { encodeWavHeader, WAV_HEADER_BYTES } from "../../../../daemon/src/audio/wav-header.js";
import {
  encodeStreamingWavHeader,
  UNKNOWN_WAV_SIZE,
} from "../../../../daemon/src/server/openai/streaming-wav-header.js";

describe("encodeStreamingWavHeader", () => {
  const header = encodeStreamingWavHeader();

  it("is a canonical 44-byte RIFF/WAVE header with a fmt chunk and a data chunk", () => {
    expect(header.byteLength).toBe(WAV_HEADER_BYTES);
    expect(header.toString("ascii", 0, 4)).toBe("RIFF");
    expect(header.toString("ascii", 8, 12)).toBe("WAVE");
    expect(header.toString("ascii", 12, 16)).toBe("fmt ");
    expect(header.toString("ascii", 36, 40)).toBe("data");
  });

  it("describes 24 kHz mono 16-bit PCM", () => {
    expect(header.readUInt16LE(20)).toBe(1);
    expect(header.readUInt16LE(22)).toBe(1);
    expect(header.readUInt32LE(24)).toBe(SAMPLE_RATE_HZ);
    expect(header.readUInt32LE(28)).toBe(SAMPLE_RATE_HZ * 2);
    expect(header.readUInt16LE(32)).toBe(2);
    expect(header.readUInt16LE(34)).toBe(16);
  });

  it("marks both the RIFF size and the data size as unknown (0xFFFFFFFF)", () => {
    expect(header.readUInt32LE(4)).toBe(UNKNOWN_WAV_SIZE);
    expect(header.readUInt32LE(40)).toBe(UNKNOWN_WAV_SIZE);
  });

  it("differs from a sized header only in the two size fields", () => {
    const sized = encodeWavHeader(0);
    const differing = [...header.keys()].filter((offset) => header[offset] !== sized[offset]);
    expect(differing).toEqual([4, 5, 6, 7, 40, 41, 42, 43]);
  });
});
