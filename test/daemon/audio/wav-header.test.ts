import { describe, expect, it } from "vitest";
import { BYTES_PER_SECOND, SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { encodeWavHeader, MAX_WAV_DATA_BYTES, WAV_HEADER_BYTES } from "../../../daemon/src/audio/wav-header.js";

describe("encodeWavHeader", () => {
  it.each([0, 2, 48_000, MAX_WAV_DATA_BYTES])("describes %i data bytes of 24 kHz mono 16-bit PCM", (dataBytes) => {
    const header = encodeWavHeader(dataBytes);

    expect(header.length).toBe(WAV_HEADER_BYTES);
    expect(header.toString("ascii", 0, 4)).toBe("RIFF");
    expect(header.readUInt32LE(4)).toBe(36 + dataBytes);
    expect(header.toString("ascii", 8, 16)).toBe("WAVEfmt ");
    expect(header.readUInt32LE(16)).toBe(16);
    expect(header.readUInt16LE(20)).toBe(1);
    expect(header.readUInt16LE(22)).toBe(1);
    expect(header.readUInt32LE(24)).toBe(SAMPLE_RATE_HZ);
    expect(header.readUInt32LE(28)).toBe(BYTES_PER_SECOND);
    expect(header.readUInt16LE(32)).toBe(2);
    expect(header.readUInt16LE(34)).toBe(16);
    expect(header.toString("ascii", 36, 40)).toBe("data");
    expect(header.readUInt32LE(40)).toBe(dataBytes);
  });

  it.each([-2, 1.5, MAX_WAV_DATA_BYTES + 1, Number.NaN])("refuses %s data bytes with a RangeError", (dataBytes) => {
    expect(() => encodeWavHeader(dataBytes)).toThrow(RangeError);
  });
});
