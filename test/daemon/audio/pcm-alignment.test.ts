import { describe, expect, it } from "vitest";
import { assertFrameAligned } from "../../../daemon/src/audio/pcm-alignment.js";

describe("assertFrameAligned", () => {
  it.each([0, 2, 4800])("accepts %i bytes of whole 16-bit mono frames", (byteCount) => {
    expect(() => assertFrameAligned(Buffer.alloc(byteCount))).not.toThrow();
  });

  it.each([1, 3, 4801])("refuses %i bytes with a RangeError", (byteCount) => {
    expect(() => assertFrameAligned(Buffer.alloc(byteCount))).toThrow(RangeError);
  });
});
