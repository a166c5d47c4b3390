import { describe, expect, it } from "vitest";
import {
  blendVoicePacks,
  decodeVoicePack,
  selectStyleRow,
  styleRowIndex,
} from "../../../daemon/src/engine/voice-pack.js";
import { VOICE_PACK_BYTES } from "@kokoro-speech/protocol";
import { fixtureStyleBase, fixtureVoicePack } from "../../fixtures/stand-in-model.js";

describe("styleRowIndex", () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [100, 99],
    [510, 509],
    [511, 509],
    [5000, 509],
  ])("selects row %s → %s (token count − 1, clamped to 0–509)", (tokens, row) => {
    expect(styleRowIndex(tokens)).toBe(row);
  });
});

describe("selectStyleRow", () => {
  it("returns the 256 floats of the selected row", () => {
    const pack = fixtureVoicePack(2);
    const row = selectStyleRow(pack, 42);
    expect(row).toHaveLength(256);
    expect(row[1]).toBe(fixtureStyleBase(2, 41));
    expect(row[0]).toBe(fixtureStyleBase(2, 41) + 1 / 8);
    expect(row[255]).toBe(fixtureStyleBase(2, 41) - 1 / 8);
  });
});

describe("decodeVoicePack", () => {
  it("reads little-endian float32 at any byte offset", () => {
    const pack = fixtureVoicePack(1);
    const bytes = Buffer.alloc(VOICE_PACK_BYTES + 1);
    pack.forEach((value, i) => bytes.writeFloatLE(value, 1 + i * 4));
    expect(decodeVoicePack(bytes.subarray(1), "test")).toEqual(pack);
  });

  it.each([0, VOICE_PACK_BYTES - 4, VOICE_PACK_BYTES + 4])("refuses %s bytes", (length) => {
    expect(() => decodeVoicePack(new Uint8Array(length), "test")).toThrow(RangeError);
  });
});

describe("blendVoicePacks", () => {
  it("returns a single voice's pack unchanged", () => {
    const pack = fixtureVoicePack(3);
    expect(blendVoicePacks([{ pack, weight: 1 }])).toBe(pack);
  });

  it.each([
    [0.6, 0.4],
    [2, 1],
    [1, 1],
  ])("averages every element with weights %s and %s normalised to sum 1", (weightA, weightB) => {
    const a = fixtureVoicePack(0);
    const b = fixtureVoicePack(4);
    const blended = blendVoicePacks([
      { pack: a, weight: weightA },
      { pack: b, weight: weightB },
    ]);
    const shareA = weightA / (weightA + weightB);
    for (const i of [0, 1, 255, 256 * 300 + 7, a.length - 1]) {
      expect(blended[i]).toBeCloseTo((a[i] as number) * shareA + (b[i] as number) * (1 - shareA), 6);
    }
  });

  it("refuses an empty blend", () => {
    expect(() => blendVoicePacks([])).toThrow(RangeError);
  });
});
