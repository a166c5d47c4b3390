import { describe, expect, it } from "vitest";
import { Resampler, resampledLength } from "../../../daemon/src/fallback-voice/resample.js";

const ESPEAK_RATE_HZ = 22_050;
const PRODUCT_RATE_HZ = 24_000;

function sine(frequencyHz: number, sampleRateHz: number, length: number, amplitude = 10_000): Float32Array {
  return Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz));
}

function rms(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / samples.length);
}

describe("resampledLength", () => {
  it.each([0, 1, 2, 147, 1_000, 22_050, 44_101, 123_457])(
    "keeps the duration of %i samples, rounded to a whole sample",
    (inputLength) => {
      expect(resampledLength(inputLength, ESPEAK_RATE_HZ, PRODUCT_RATE_HZ)).toBe(
        Math.round((inputLength * PRODUCT_RATE_HZ) / ESPEAK_RATE_HZ),
      );
    },
  );
});

describe("Resampler", () => {
  const upsampler = new Resampler(ESPEAK_RATE_HZ, PRODUCT_RATE_HZ);

  it.each([0, 1, 5, 2_205, 22_051])("returns round(n × 24000 / 22050) samples for n = %i", (inputLength) => {
    const output = upsampler.resample(new Float32Array(inputLength));
    expect(output.length).toBe(Math.round((inputLength * PRODUCT_RATE_HZ) / ESPEAK_RATE_HZ));
  });

  it.each([
    [ESPEAK_RATE_HZ, PRODUCT_RATE_HZ],
    [PRODUCT_RATE_HZ, ESPEAK_RATE_HZ],
    [16_000, PRODUCT_RATE_HZ],
  ])("keeps a constant signal constant, edges included (%i Hz → %i Hz)", (fromHz, toHz) => {
    const output = new Resampler(fromHz, toHz).resample(new Float32Array(3_000).fill(-1_234.5));
    for (const value of output) expect(value).toBeCloseTo(-1_234.5, 3);
  });

  it.each([
    // Well inside the passband the error is a few hundredths of a percent; near the cut-off it grows.
    [440, 2],
    [3_000, 2],
    [9_000, 100],
  ])("reproduces a %i Hz sine at the new rate within %d of 10,000", (frequencyHz, maxError) => {
    const inputLength = ESPEAK_RATE_HZ / 2;
    const output = upsampler.resample(sine(frequencyHz, ESPEAK_RATE_HZ, inputLength));
    const expected = sine(frequencyHz, PRODUCT_RATE_HZ, output.length);
    // The kernel reaches 17 input samples to each side; away from the ends the signal is known on both sides.
    const margin = 40;
    let worstError = 0;
    for (let k = margin; k < output.length - margin; k++) {
      worstError = Math.max(worstError, Math.abs(output[k]! - expected[k]!));
    }
    expect(worstError).toBeLessThan(maxError);
  });

  it("removes a tone the lower rate cannot carry when downsampling instead of folding it back", () => {
    const aboveNewNyquistHz = 11_800;
    const input = sine(aboveNewNyquistHz, PRODUCT_RATE_HZ, PRODUCT_RATE_HZ / 2);
    const output = new Resampler(PRODUCT_RATE_HZ, ESPEAK_RATE_HZ).resample(input);
    expect(rms(output.subarray(100, -100))).toBeLessThan(rms(input) * 0.05);
  });

  it.each([
    [22_050.5, 24_000],
    [0, 24_000],
    [22_050, -1],
  ])("refuses the rates %d Hz → %d Hz", (fromHz, toHz) => {
    expect(() => new Resampler(fromHz, toHz)).toThrow(RangeError);
  });
});
