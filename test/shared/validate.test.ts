import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertSpeakableText,
  assertSpeedInRange,
  MAX_REQUEST_ID_CHARS,
  MAX_TEXT_CHARS,
  parseClientMessage,
  parseServerMessage,
  PROTOCOL_VERSION,
  REQUEST_TYPES,
  SPEED_MAX,
  SPEED_MIN,
  type ErrorCode,
  type RequestType,
} from "@kokoro-speech/protocol";

/** One valid example per request type; the first test proves the table covers every type of v1. */
const VALID_REQUESTS: Record<RequestType, Record<string, unknown>[]> = {
  speak: [
    { type: "speak", id: "r1", text: "Hello there." },
    {
      type: "speak",
      id: "r2",
      text: "Hello there.",
      voice: "af_heart",
      speed: 1.25,
      queue: "enqueue",
      sendAudio: true,
    },
  ],
  play: [
    { type: "play", id: "r3" },
    { type: "play", id: "r4", queue: "interrupt" },
  ],
  end: [{ type: "end", id: "r5", streamId: 1 }],
  pause: [
    { type: "pause", id: "r6" },
    { type: "pause", id: "r7", streamId: 2 },
  ],
  resume: [
    { type: "resume", id: "r8" },
    { type: "resume", id: "r9", streamId: 0xffff_ffff },
  ],
  stop: [
    { type: "stop", id: "r10" },
    { type: "stop", id: "r11", streamId: 3 },
    { type: "stop", id: "r12", all: true },
    { type: "stop", id: "r13", streamId: 3, all: false },
  ],
  skip: [
    { type: "skip", id: "r14", direction: "next" },
    { type: "skip", id: "r15", direction: "previous", streamId: 4 },
    { type: "skip", id: "r16", direction: "restart" },
  ],
  status: [{ type: "status", id: "r17" }],
  subscribe: [
    { type: "subscribe", id: "r18", topics: [] },
    { type: "subscribe", id: "r19", topics: ["streams", "audio", "daemon"] },
  ],
  set: [
    { type: "set", id: "r22", speed: 1.5 },
    { type: "set", id: "r23", streamId: 3, voice: "af_bella:0.6+af_heart:0.4", immediate: true },
  ],
  download: [
    { type: "download", id: "r20" },
    { type: "download", id: "r21", model: "fp32" },
  ],
};

function parse(message: unknown): ReturnType<typeof parseClientMessage> {
  return parseClientMessage(JSON.stringify(message));
}

function expectRefusal(result: ReturnType<typeof parseClientMessage>, code: ErrorCode, id?: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.id).toBe(id);
}

describe("parseClientMessage accepts", () => {
  it("has an example for every request type of v1", () => {
    expect(Object.keys(VALID_REQUESTS).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it.each(Object.values(VALID_REQUESTS).flat())("$type request $id", (request) => {
    const result = parse(request);
    expect(result).toEqual({ ok: true, value: request });
  });

  it("a hello", () => {
    const hello = { type: "hello", protocol: PROTOCOL_VERSION, client: "raycast", token: "ab12" };
    expect(parse(hello)).toEqual({ ok: true, value: hello });
  });

  it("a request id of exactly MAX_REQUEST_ID_CHARS characters", () => {
    expect(parse({ type: "status", id: "x".repeat(MAX_REQUEST_ID_CHARS) }).ok).toBe(true);
  });
});

describe("parseClientMessage refuses with invalid_message", () => {
  it.each([
    ["text that is not JSON", "{type: speak}"],
    ["an empty frame", ""],
    ["a JSON array", "[]"],
    ["a JSON string", '"speak"'],
    ["JSON null", "null"],
    ["a JSON number", "42"],
  ])("%s, without an id", (_name, text) => {
    expectRefusal(parseClientMessage(text), "invalid_message");
  });

  it.each([
    ["a missing type", { id: "q1" }],
    ["a numeric type", { type: 5, id: "q1" }],
    ["a missing required field", { type: "speak", id: "q1" }],
    ["a mistyped field", { type: "speak", id: "q1", text: 42 }],
    ["an extra key", { type: "status", id: "q1", extra: true }],
    ["an extra key on speak", { type: "speak", id: "q1", text: "hi", pitch: 2 }],
    ["an unknown queue mode", { type: "speak", id: "q1", text: "hi", queue: "later" }],
    ["an empty voice", { type: "speak", id: "q1", text: "hi", voice: "" }],
    ["a voice of 257 characters", { type: "speak", id: "q1", text: "hi", voice: "v".repeat(257) }],
    ["a string speed", { type: "speak", id: "q1", text: "hi", speed: "1.0" }],
    ["stream id 0", { type: "end", id: "q1", streamId: 0 }],
    ["a stream id beyond u32", { type: "pause", id: "q1", streamId: 0x1_0000_0000 }],
    ["a fractional stream id", { type: "stop", id: "q1", streamId: 1.5 }],
    ["stop with both streamId and all", { type: "stop", id: "q1", streamId: 1, all: true }],
    ["an unknown skip direction", { type: "skip", id: "q1", direction: "sideways" }],
    ["an unknown topic", { type: "subscribe", id: "q1", topics: ["everything"] }],
    ["more topics than exist", { type: "subscribe", id: "q1", topics: ["streams", "audio", "daemon", "audio"] }],
    ["an empty request id", { type: "status", id: "" }],
    ["a request id one character too long", { type: "status", id: "x".repeat(MAX_REQUEST_ID_CHARS + 1) }],
  ])("%s, carrying the request id", (_name, message) => {
    expectRefusal(parse(message), "invalid_message", message.id);
  });

  it.each([
    ["a missing id", { type: "status" }],
    ["a numeric id", { type: "status", id: 7 }],
  ])("%s, without an id", (_name, message) => {
    expectRefusal(parse(message), "invalid_message");
  });

  it.each([
    ["an empty client name", { type: "hello", protocol: PROTOCOL_VERSION, client: "", token: "" }],
    [
      "a client name of 65 characters",
      { type: "hello", protocol: PROTOCOL_VERSION, client: "c".repeat(65), token: "" },
    ],
    ["a token of 257 characters", { type: "hello", protocol: PROTOCOL_VERSION, client: "cli", token: "t".repeat(257) }],
    ["an extra key", { type: "hello", protocol: PROTOCOL_VERSION, client: "cli", token: "", id: "h1" }],
  ])("a hello with %s", (_name, message) => {
    expectRefusal(parse(message), "invalid_message");
  });
});

describe("parseClientMessage refuses with unauthorized", () => {
  it.each([
    ["a hello without a token", { type: "hello", protocol: PROTOCOL_VERSION, client: "cli" }],
    ["a hello without a token or a client", { type: "hello", protocol: PROTOCOL_VERSION }],
  ])("%s: a missing token, as the refusal table says", (_name, message) => {
    expectRefusal(parse(message), "unauthorized");
  });
});

/**
 * Values whose keys shadow what a length or range check would call (`valueOf`, `toString`): zod 4 measured the
 * `length` of any value that had one, even after the type check failed, and the comparison threw a TypeError that
 * took the daemon down (issue 12). Every such field must be refused by type, never throw.
 */
describe("parseClientMessage refuses hostile values by their type, without throwing", () => {
  const lengthBomb = { length: { valueOf: 0, toString: 0 } };
  const primitiveBomb = { valueOf: 0, toString: 0 };
  const hello = { type: "hello", protocol: PROTOCOL_VERSION, client: "cli", token: "t" };

  it.each([
    ["client", lengthBomb],
    ["token", lengthBomb],
    ["client", primitiveBomb],
    ["token", ["t"]],
    ["protocol", primitiveBomb],
  ])("a hello whose %s is %j", (field, value) => {
    expectRefusal(parse({ ...hello, [field]: value }), "invalid_message");
  });

  it.each([
    ["status", "id", lengthBomb],
    ["subscribe", "topics", lengthBomb],
    ["subscribe", "topics", { length: 1, 0: "streams" }],
    ["speak", "text", lengthBomb],
    ["speak", "voice", lengthBomb],
    ["speak", "speed", primitiveBomb],
    ["set", "voice", lengthBomb],
    ["set", "speed", { length: { valueOf: 0 } }],
    ["end", "streamId", primitiveBomb],
    ["skip", "direction", lengthBomb],
  ])("a %s whose %s is %j, carrying a readable id", (type, field, value) => {
    const base: Record<string, unknown> = { ...VALID_REQUESTS[type as RequestType][0]! };
    base[field] = value;
    const id = field === "id" ? undefined : (base.id as string);
    expectRefusal(parse(base), "invalid_message", id);
  });

  it("a request keyed __proto__ or constructor is an unknown key, not a prototype change", () => {
    const text = '{"type":"status","id":"p1","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}';
    expectRefusal(parseClientMessage(text), "invalid_message", "p1");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseClientMessage refuses with protocol_mismatch", () => {
  it.each([
    ["the next protocol version", { type: "hello", protocol: PROTOCOL_VERSION + 1, client: "cli", token: "" }],
    ["a fractional protocol", { type: "hello", protocol: 1.5, client: "cli", token: "" }],
    [
      "another version with fields this version does not know",
      { type: "hello", protocol: PROTOCOL_VERSION + 1, client: "cli", token: "", features: ["x"] },
    ],
  ])("%s", (_name, message) => {
    const result = parse(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("protocol_mismatch");
  });
});

describe("parseClientMessage refuses with unknown_type", () => {
  it.each(["dance", "welcome", "ack", "event", "SPEAK", ""])("type %j, carrying the request id", (type) => {
    expectRefusal(parse({ type, id: "u1" }), "unknown_type", "u1");
  });

  it("an unknown type without an id, without an id", () => {
    expectRefusal(parse({ type: "dance" }), "unknown_type");
  });
});

describe("parseClientMessage checks speak text", () => {
  it.each(["", " ", "\n\t \r\n", "\u00a0\u2003", "\u0001\u0002\u0000", "\u200b\ufeff", "\ud800", "\udc00 \ud800"])(
    "refuses %j (nothing visible) with empty_text, carrying the request id",
    (text) => {
      expectRefusal(parse({ type: "speak", id: "t1", text }), "empty_text", "t1");
    },
  );

  it.each(["...", "?!", "—", "Hi \ud800 there."])("accepts %j: it has a visible character", (text) => {
    expect(parse({ type: "speak", id: "t6", text }).ok).toBe(true);
  });

  it.each([
    ["speed 1e999 (Infinity)", '{"type":"speak","id":"w1","text":"hi","speed":1e999}'],
    ["stream id 0", '{"type":"pause","id":"w1","streamId":0}'],
    ["stream id 2^32", '{"type":"pause","id":"w1","streamId":4294967296}'],
    [
      "an over-long text with a bad field",
      `{"type":"speak","id":"w1","text":"${"a".repeat(MAX_TEXT_CHARS + 1)}","queue":1}`,
    ],
  ])("answers %s with invalid_message: the schema is checked before any range", (_name, text) => {
    expectRefusal(parseClientMessage(text), "invalid_message", "w1");
  });

  it("accepts a text of exactly MAX_TEXT_CHARS characters", () => {
    expect(parse({ type: "speak", id: "t2", text: "a".repeat(MAX_TEXT_CHARS) }).ok).toBe(true);
  });

  it("refuses a text one character past MAX_TEXT_CHARS with text_too_long, carrying the request id", () => {
    expectRefusal(parse({ type: "speak", id: "t3", text: "a".repeat(MAX_TEXT_CHARS + 1) }), "text_too_long", "t3");
  });

  it("counts the limit in UTF-16 code units", () => {
    const astral = "😀".repeat(MAX_TEXT_CHARS / 2);
    expect(parse({ type: "speak", id: "t4", text: astral }).ok).toBe(true);
    expectRefusal(parse({ type: "speak", id: "t5", text: `${astral}a` }), "text_too_long", "t5");
  });
});

describe("parseClientMessage checks speak speed", () => {
  it.each([SPEED_MIN, SPEED_MAX, 1])("accepts %d", (speed) => {
    expect(parse({ type: "speak", id: "s1", text: "hi", speed }).ok).toBe(true);
  });

  it.each([SPEED_MIN - 0.001, SPEED_MAX + 0.001, 0, -1, 100])(
    "refuses %d with speed_out_of_range, carrying the request id",
    (speed) => {
      expectRefusal(parse({ type: "speak", id: "s2", text: "hi", speed }), "speed_out_of_range", "s2");
    },
  );

  it("accepts a finite speed exactly when it lies within the range", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (speed) => {
        const result = parse({ type: "speak", id: "s3", text: "hi", speed });
        if (speed >= SPEED_MIN && speed <= SPEED_MAX) expect(result.ok).toBe(true);
        else expectRefusal(result, "speed_out_of_range", "s3");
      }),
      { numRuns: 300 },
    );
  });
});

describe("assertSpeedInRange and assertSpeakableText", () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses speed %d with speed_out_of_range",
    (speed) => {
      expect(() => assertSpeedInRange(speed)).toThrow(expect.objectContaining({ code: "speed_out_of_range" }));
    },
  );

  it("refuses an over-long blank text as too long rather than empty", () => {
    expect(() => assertSpeakableText(" ".repeat(MAX_TEXT_CHARS + 1))).toThrow(
      expect.objectContaining({ code: "text_too_long" }),
    );
  });
});

describe("parseServerMessage", () => {
  it.each([
    { type: "welcome", protocol: 1 },
    { type: "ack", id: "r1" },
    { type: "error", code: "queue_full", message: "full", retryable: true },
    { type: "event", streamId: 1, seq: 0, event: "started", at: 0, kind: "speak" },
    { type: "daemon", event: "player", at: 0 },
  ])("accepts a $type envelope", (message) => {
    expect(parseServerMessage(JSON.stringify(message))).toEqual({ ok: true, value: message });
  });

  it.each([
    ["text that is not JSON", "nope"],
    ["a JSON array", "[]"],
    ["a missing type", "{}"],
    ["a client message type", '{"type":"speak"}'],
  ])("refuses %s with invalid_message", (_name, text) => {
    const result = parseServerMessage(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid_message");
  });
});
