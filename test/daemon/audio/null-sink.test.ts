import { describe, expect, it } from "vitest";
import { NullSink } from "../../../daemon/src/audio/null-sink.js";

describe("NullSink", () => {
  it("counts the bytes it accepts", async () => {
    const sink = new NullSink();
    await sink.open();
    const sizes = [480, 2400, 0, 96_000];
    for (const size of sizes) await sink.write(Buffer.alloc(size));

    expect(sink.bytesAccepted).toBe(sizes.reduce((total, size) => total + size, 0));
  });

  it("refuses writes before open and after close with audio_unavailable", async () => {
    const sink = new NullSink();
    await expect(sink.write(Buffer.alloc(2))).rejects.toMatchObject({ code: "audio_unavailable" });
    await sink.open();
    await sink.close();
    await sink.close();

    await expect(sink.write(Buffer.alloc(2))).rejects.toMatchObject({ code: "audio_unavailable" });
    expect(sink.bytesAccepted).toBe(0);
  });

  it("refuses a partial frame with a RangeError", async () => {
    const sink = new NullSink();
    await sink.open();

    await expect(sink.write(Buffer.alloc(1))).rejects.toThrow(RangeError);
  });
});
