import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BYTES_PER_FRAME,
  BYTES_PER_SAMPLE,
  BYTES_PER_SECOND,
  bytesToMs,
  CHANNEL_COUNT,
  msToBytes,
  SAMPLE_FORMAT,
  SAMPLE_RATE_HZ,
} from "@kokoro-speech/protocol";

describe("the product PCM format", () => {
  it.each([
    ["SAMPLE_RATE_HZ", SAMPLE_RATE_HZ, 24_000],
    ["CHANNEL_COUNT", CHANNEL_COUNT, 1],
    ["BYTES_PER_SAMPLE", BYTES_PER_SAMPLE, 2],
    ["SAMPLE_FORMAT", SAMPLE_FORMAT, "s16le"],
    ["BYTES_PER_SECOND", BYTES_PER_SECOND, 48_000],
    ["BYTES_PER_FRAME", BYTES_PER_FRAME, 2],
  ])("pins %s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("bytesToMs and msToBytes", () => {
  it.each([
    [0, 0],
    [2, 1 / 24],
    [48, 1],
    [2_400, 50],
    [48_000, 1_000],
  ])("%d bytes last %d ms", (bytes, ms) => {
    expect(bytesToMs(bytes)).toBeCloseTo(ms, 9);
  });

  it.each([
    [0, 0],
    [1, 48],
    [50, 2_400],
    [1_000, 48_000],
    // 0.03 ms is 0.72 of a sample: rounded to one whole sample, never half of one.
    [0.03, 2],
  ])("%d ms is %d frame-aligned bytes", (ms, bytes) => {
    expect(msToBytes(ms)).toBe(bytes);
  });

  it("always yields whole sample frames, within half a sample of the exact value", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3_600_000, noNaN: true }), (ms) => {
        const bytes = msToBytes(ms);
        expect(bytes % BYTES_PER_FRAME).toBe(0);
        expect(Math.abs(bytesToMs(bytes) - ms)).toBeLessThanOrEqual(1000 / SAMPLE_RATE_HZ / 2 + 1e-9);
      }),
    );
  });

  it("round-trips any whole number of frames exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (frames) => {
        const bytes = frames * BYTES_PER_FRAME;
        expect(msToBytes(bytesToMs(bytes))).toBe(bytes);
      }),
    );
  });
});
