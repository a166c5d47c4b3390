import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHANNEL_COUNT,
  decodeChunkFrame,
  encodeChunkFrame,
  FRAME_HEADER_BYTES,
  FRAME_MAGIC,
  hasProductFormat,
  MAX_CHUNK_PAYLOAD_BYTES,
  PROTOCOL_VERSION,
  SAMPLE_RATE_HZ,
  type ChunkFrame,
} from "@kokoro-speech/protocol";

const U32_MAX = 0xffff_ffff;

/** A valid frame whose header fields a test then overwrites, so each rejection has exactly one cause. */
function validFrame(payloadBytes = 8): Buffer {
  const pcm = Uint8Array.from({ length: payloadBytes }, (_, i) => i & 0xff);
  return encodeChunkFrame({ streamId: 7, seq: 3, pcm });
}

function decodeOk(data: Uint8Array): ChunkFrame {
  const result = decodeChunkFrame(data);
  if (!result.ok) throw new Error(`expected a frame, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe("encodeChunkFrame and decodeChunkFrame", () => {
  it.each([
    {
      name: "an empty payload",
      streamId: 1,
      seq: 0,
      payloadBytes: 0,
      sampleRateHz: undefined,
      channelCount: undefined,
    },
    { name: "one sample", streamId: 2, seq: 1, payloadBytes: 2, sampleRateHz: undefined, channelCount: undefined },
    {
      name: "the largest payload",
      streamId: 3,
      seq: 9,
      payloadBytes: MAX_CHUNK_PAYLOAD_BYTES,
      sampleRateHz: undefined,
      channelCount: undefined,
    },
    { name: "the largest ids", streamId: U32_MAX, seq: U32_MAX, payloadBytes: 4, sampleRateHz: 1, channelCount: 1 },
    { name: "stereo 48 kHz", streamId: 5, seq: 2, payloadBytes: 8, sampleRateHz: 48_000, channelCount: 2 },
  ])("round-trips $name", ({ streamId, seq, payloadBytes, sampleRateHz, channelCount }) => {
    const pcm = Uint8Array.from({ length: payloadBytes }, (_, i) => (i * 31) & 0xff);
    const init = { streamId, seq, pcm, ...(sampleRateHz === undefined ? {} : { sampleRateHz }) };
    const frame = encodeChunkFrame(channelCount === undefined ? init : { ...init, channelCount });

    expect(frame.byteLength).toBe(FRAME_HEADER_BYTES + payloadBytes);
    const decoded = decodeOk(frame);
    expect(decoded).toMatchObject({
      streamId,
      seq,
      sampleRateHz: sampleRateHz ?? SAMPLE_RATE_HZ,
      channelCount: channelCount ?? CHANNEL_COUNT,
      sampleFormat: "s16le",
    });
    expect(Buffer.from(decoded.pcm).equals(Buffer.from(pcm))).toBe(true);
  });

  it("lays the header out as the spec's byte table says", () => {
    const frame = encodeChunkFrame({ streamId: 0x0102_0304, seq: 0x0a0b_0c0d, pcm: Uint8Array.of(0xaa, 0xbb) });
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);

    expect([...frame.subarray(0, 4)]).toEqual([0x4b, 0x53, 0x50, 0x43]);
    expect(frame.subarray(0, 4).toString("latin1")).toBe("KSPC");
    expect(view.getUint8(4)).toBe(PROTOCOL_VERSION);
    expect(view.getUint8(5)).toBe(1);
    expect(view.getUint8(6)).toBe(1);
    expect(view.getUint8(7)).toBe(CHANNEL_COUNT);
    expect(view.getUint32(8, true)).toBe(0x0102_0304);
    expect(view.getUint32(12, true)).toBe(0x0a0b_0c0d);
    expect(view.getUint32(16, true)).toBe(SAMPLE_RATE_HZ);
    expect(view.getUint32(20, true)).toBe(2);
    expect([...frame.subarray(24)]).toEqual([0xaa, 0xbb]);
  });

  it("decodes a frame that sits at an offset inside a larger buffer", () => {
    const frame = validFrame(6);
    const backing = Buffer.alloc(frame.byteLength + 13);
    frame.copy(backing, 5);
    const decoded = decodeOk(backing.subarray(5, 5 + frame.byteLength));
    expect(decoded.streamId).toBe(7);
    expect([...decoded.pcm]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("round-trips any stream id, sequence number and whole-sample payload", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: U32_MAX }),
        fc.integer({ min: 0, max: U32_MAX }),
        fc.integer({ min: 0, max: MAX_CHUNK_PAYLOAD_BYTES / 2 }),
        fc.integer({ min: 0, max: 255 }),
        (streamId, seq, sampleCount, fill) => {
          const pcm = new Uint8Array(sampleCount * 2).fill(fill);
          const decoded = decodeOk(encodeChunkFrame({ streamId, seq, pcm }));
          expect(decoded.streamId).toBe(streamId);
          expect(decoded.seq).toBe(seq);
          expect(Buffer.from(decoded.pcm).equals(Buffer.from(pcm))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("encodeChunkFrame", () => {
  it.each([
    ["a negative stream id", { streamId: -1, seq: 0, pcm: new Uint8Array(2) }],
    ["a stream id beyond u32", { streamId: U32_MAX + 1, seq: 0, pcm: new Uint8Array(2) }],
    ["a fractional sequence number", { streamId: 1, seq: 0.5, pcm: new Uint8Array(2) }],
    ["a payload over the limit", { streamId: 1, seq: 0, pcm: new Uint8Array(MAX_CHUNK_PAYLOAD_BYTES + 2) }],
    ["zero channels", { streamId: 1, seq: 0, pcm: new Uint8Array(2), channelCount: 0 }],
    ["256 channels", { streamId: 1, seq: 0, pcm: new Uint8Array(2), channelCount: 256 }],
    ["a negative sample rate", { streamId: 1, seq: 0, pcm: new Uint8Array(2), sampleRateHz: -24_000 }],
  ])("throws RangeError for %s", (_name, init) => {
    expect(() => encodeChunkFrame(init)).toThrow(RangeError);
  });
});

describe("decodeChunkFrame rejections", () => {
  const cases: { name: string; frame: () => Uint8Array }[] = [
    { name: "an empty frame", frame: () => new Uint8Array(0) },
    { name: "a frame shorter than its header", frame: () => validFrame(0).subarray(0, FRAME_HEADER_BYTES - 1) },
    {
      name: "a bad magic",
      frame: () => {
        const frame = validFrame();
        frame[3] = 0x44;
        return frame;
      },
    },
    {
      name: "another protocol version",
      frame: () => {
        const frame = validFrame();
        frame.writeUInt8(PROTOCOL_VERSION + 1, 4);
        return frame;
      },
    },
    {
      name: "an unknown frame type",
      frame: () => {
        const frame = validFrame();
        frame.writeUInt8(2, 5);
        return frame;
      },
    },
    {
      name: "an unknown sample format",
      frame: () => {
        const frame = validFrame();
        frame.writeUInt8(0, 6);
        return frame;
      },
    },
    {
      name: "zero channels",
      frame: () => {
        const frame = validFrame();
        frame.writeUInt8(0, 7);
        return frame;
      },
    },
    {
      name: "stream id 0",
      frame: () => {
        const frame = validFrame();
        frame.writeUInt32LE(0, 8);
        return frame;
      },
    },
    {
      name: "a declared length longer than the payload",
      frame: () => {
        const frame = validFrame(8);
        frame.writeUInt32LE(10, 20);
        return frame;
      },
    },
    {
      name: "a declared length shorter than the payload",
      frame: () => {
        const frame = validFrame(8);
        frame.writeUInt32LE(6, 20);
        return frame;
      },
    },
    {
      name: "a declared length of 4 GiB",
      frame: () => {
        const frame = validFrame(8);
        frame.writeUInt32LE(U32_MAX, 20);
        return frame;
      },
    },
    {
      name: "a payload over the limit",
      frame: () => {
        const frame = Buffer.concat([validFrame(0), Buffer.alloc(MAX_CHUNK_PAYLOAD_BYTES + 2)]);
        frame.writeUInt32LE(MAX_CHUNK_PAYLOAD_BYTES + 2, 20);
        return frame;
      },
    },
    {
      name: "a partial sample",
      frame: () => {
        const frame = Buffer.concat([validFrame(0), Buffer.alloc(3)]);
        frame.writeUInt32LE(3, 20);
        return frame;
      },
    },
    {
      name: "a partial stereo sample frame",
      frame: () => {
        const frame = validFrame(6);
        frame.writeUInt8(2, 7);
        return frame;
      },
    },
  ];

  it.each(cases)("refuses $name with invalid_frame", ({ frame }) => {
    const result = decodeChunkFrame(frame());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid_frame");
  });

  it("refuses a value that is not bytes with invalid_frame", () => {
    const result = decodeChunkFrame("KSPC" as unknown as Uint8Array);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid_frame");
  });
});

describe("decodeChunkFrame on hostile input", () => {
  function expectFrameOrInvalid(data: Uint8Array): void {
    const result = decodeChunkFrame(data);
    if (!result.ok) expect(result.error.code).toBe("invalid_frame");
  }

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => expectFrameOrInvalid(bytes)),
      { numRuns: 500 },
    );
  });

  it("never throws on random bytes behind a valid magic and version", () => {
    const prefix = Uint8Array.of(...FRAME_MAGIC, PROTOCOL_VERSION);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (rest) => expectFrameOrInvalid(Buffer.concat([prefix, rest]))),
      { numRuns: 500 },
    );
  });

  it("never throws on mutated valid frames, and accepts only frames that re-encode to the same bytes", () => {
    const mutation = fc.record({
      payloadBytes: fc.integer({ min: 0, max: 64 }),
      writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(mutation, ({ payloadBytes, writes, cut }) => {
        const frame = validFrame(payloadBytes);
        for (const [position, value] of writes) frame[position % frame.byteLength] = value;
        const mutated = cut === undefined ? frame : frame.subarray(0, cut % (frame.byteLength + 1));
        const result = decodeChunkFrame(mutated);
        if (!result.ok) {
          expect(result.error.code).toBe("invalid_frame");
          return;
        }
        const { streamId, seq, sampleRateHz, channelCount, pcm } = result.value;
        expect(encodeChunkFrame({ streamId, seq, sampleRateHz, channelCount, pcm }).equals(mutated)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("hasProductFormat", () => {
  it.each([
    [SAMPLE_RATE_HZ, CHANNEL_COUNT, true],
    [48_000, CHANNEL_COUNT, false],
    [SAMPLE_RATE_HZ, 2, false],
  ])("says %d Hz with %d channel(s) is the product format: %s", (sampleRateHz, channelCount, expected) => {
    const frame = decodeOk(
      encodeChunkFrame({ streamId: 1, seq: 0, pcm: new Uint8Array(4), sampleRateHz, channelCount }),
    );
    expect(hasProductFormat(frame)).toBe(expected);
  });
});
