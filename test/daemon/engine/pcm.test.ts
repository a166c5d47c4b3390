import { describe, expect, it } from "vitest";
import { floatsToS16le } from "../../../daemon/src/engine/pcm.js";

function samplesOf(pcm: Buffer): number[] {
  return Array.from({ length: pcm.length / 2 }, (_, i) => pcm.readInt16LE(i * 2));
}

describe("floatsToS16le", () => {
  it.each([
    [0, 0],
    [1, 32767],
    [-1, -32767],
    [0.5, 16384],
    [-0.5, -16383],
    [1.7, 32767],
    [-3, -32767],
    [1e-6, 0],
  ])("converts %s to %s", (sample, expected) => {
    expect(samplesOf(floatsToS16le([Float32Array.of(sample)]))).toEqual([expected]);
  });

  it("concatenates waveforms in order, little-endian", () => {
    const pcm = floatsToS16le([Float32Array.of(1, 0), new Float32Array(0), Float32Array.of(-1)]);
    expect([...pcm]).toEqual([0xff, 0x7f, 0x00, 0x00, 0x01, 0x80]);
  });
});
