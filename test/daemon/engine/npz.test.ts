import { describe, expect, it } from "vitest";
import { decodeNpyVoicePack, unpackNpz } from "../../../daemon/src/engine/npz.js";
import { encodeNpy, encodeNpz, fixtureVoicePack } from "../../fixtures/stand-in-model.js";

describe("unpackNpz", () => {
  it("lists the .npy arrays of an np.savez archive with zip64 local headers", () => {
    const archive = encodeNpz([
      { name: "af_heart.npy", data: Buffer.from("one") },
      { name: "bf_emma.npy", data: Buffer.from("two") },
      { name: "README.txt", data: Buffer.from("not an array") },
    ]);
    const entries = unpackNpz(archive, "test.npz");
    expect([...entries.keys()]).toEqual(["af_heart", "bf_emma"]);
    expect(Buffer.from(entries.get("bf_emma") as Uint8Array).toString()).toBe("two");
  });

  it("refuses bytes that are not a ZIP archive", () => {
    expect(() => unpackNpz(Buffer.from("garbage"), "test.npz")).toThrow(/not a readable npz/);
  });
});

describe("decodeNpyVoicePack", () => {
  it.each([[[510, 1, 256]], [[510, 256]]])("reads a float32 array of shape %j", (shape) => {
    const pack = fixtureVoicePack(2);
    const npy = encodeNpy(pack, shape);
    // NumPy pads the preamble to a multiple of 64 bytes: 128 for these headers (kokoro-model.md §6.3).
    expect(npy.length - pack.byteLength).toBe(128);
    expect(decodeNpyVoicePack(npy, "test")).toEqual(pack);
  });

  it("refuses a shape that does not hold 510 × 256 values", () => {
    const npy = encodeNpy(new Float32Array(509 * 256), [509, 256]);
    expect(() => decodeNpyVoicePack(npy, "test")).toThrow(/shape/);
  });

  it("refuses a float64 array", () => {
    const npy = encodeNpy(fixtureVoicePack(0), [510, 1, 256]);
    const tampered = Buffer.from(npy.toString("latin1").replace("'<f4'", "'<f8'"), "latin1");
    expect(() => decodeNpyVoicePack(tampered, "test")).toThrow(/float32/);
  });

  it("refuses bytes without the .npy magic", () => {
    expect(() => decodeNpyVoicePack(Buffer.alloc(200), "test")).toThrow(/not an \.npy/);
  });
});
