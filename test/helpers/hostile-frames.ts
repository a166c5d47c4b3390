/**
 * fast-check arbitraries for hostile protocol frames: every request type of v1 with fields replaced by values of
 * the wrong type, prototype-shadowing keys (`__proto__`, `constructor`, `toString`, `valueOf`), huge and odd
 * numbers, deep nesting and lone surrogates; raw texts that are barely JSON; and binary chunk frames with one
 * header field corrupted. Used by the fuzz test against a real daemon and by the memory benchmark.
 */
import fc from "fast-check";
import {
  encodeChunkFrame,
  helloSchema,
  PROTOCOL_VERSION,
  REQUEST_TYPES,
  requestSchema,
  type RequestType,
} from "@kokoro-speech/protocol";

/** One valid request per type, without its id. `download` names no model: the fixture provider never downloads. */
export const VALID_BODIES: Readonly<Record<RequestType, Record<string, unknown>>> = {
  speak: { type: "speak", text: "Fuzzing is fun.", voice: "af_heart", speed: 1, queue: "enqueue" },
  play: { type: "play", queue: "enqueue" },
  end: { type: "end", streamId: 1 },
  pause: { type: "pause", streamId: 1 },
  resume: { type: "resume" },
  stop: { type: "stop", streamId: 1 },
  skip: { type: "skip", direction: "next" },
  status: { type: "status" },
  subscribe: { type: "subscribe", topics: ["streams"] },
  download: { type: "download" },
  set: { type: "set", speed: 1.5 },
};

/** The fields of each message's schema, so edits hit real fields far more often than unknown ones. */
function schemaFields(type: RequestType | "hello"): string[] {
  if (type === "hello") return Object.keys(helloSchema.shape);
  return Object.keys(requestSchema.options.find((option) => option.shape.type.value === type)!.shape);
}
const ALL_FIELDS = [...new Set(["hello" as const, ...REQUEST_TYPES].flatMap(schemaFields))];
const SHADOWING_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "length", "then"] as const;

/** A string that may hold lone surrogates and control characters, not only well-formed text. */
const anyUtf16String = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** An object whose own enumerable keys are the given ones, `__proto__` included (assignment would set the prototype). */
function objectWithKeys(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** A value that does not belong where a protocol field is expected, chosen to break naive validation. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      { length: { valueOf: 0, toString: 0 } },
      { valueOf: 0, toString: 0 },
      { length: 1, 0: "streams" },
      { length: -1 },
      { length: 2 ** 53 },
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...SHADOWING_KEYS), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })
      .map(objectWithKeys),
  },
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e-320,
    2 ** 32,
    2 ** 32 - 1,
    2 ** 53 + 2,
    2 ** 64,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_SAFE_INTEGER,
  ),
  fc.double(),
  fc.integer(),
  fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, asArray)),
  fc.jsonValue({ maxDepth: 3 }),
  anyUtf16String,
  fc.constantFrom("", " ", "\u0000", "\ud800", "\udfff", "hello", "x".repeat(65), "y".repeat(250_000)),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyUtf16String, { maxLength: 5 }),
);

/** One edit of a message of `type`: a field set to a hostile value, or removed (`undefined`). */
function edits(type: RequestType | "hello"): fc.Arbitrary<Array<[string, unknown]>> {
  const field = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...schemaFields(type)) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_FIELDS) },
    { weight: 1, arbitrary: fc.constantFrom(...SHADOWING_KEYS) },
  );
  const edit = fc.tuple(field, fc.option(hostileValue, { nil: undefined, freq: 6 }));
  return fc.array(edit, { minLength: 1, maxLength: 3 });
}

export interface FuzzedText {
  /** The frame's text. */
  text: string;
  /** Set when the frame carries this id as a string, so exactly one answer must carry it. */
  id?: string;
}

/** A frame as a failing property prints it: a 250,000-character text would drown the report. */
function fuzzedText(text: string, id?: string): FuzzedText {
  const frame: FuzzedText = id === undefined ? { text } : { text, id };
  Object.defineProperty(frame, fc.toStringMethod, {
    value: () => JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text),
  });
  return frame;
}

function applyEdits(base: Record<string, unknown>, edits: ReadonlyArray<[string, unknown]>): Record<string, unknown> {
  const entries = new Map(Object.entries(base));
  for (const [key, value] of edits) {
    if (value === undefined) entries.delete(key);
    else entries.set(key, value);
  }
  return objectWithKeys([...entries]);
}

/**
 * A request frame after the handshake: a valid request of some type whose fields were edited, or a raw text that is
 * hardly a request. `makeId` gives each frame a fresh id; an edit may replace it with a hostile value. Never a
 * `hello`, which after `welcome` closes the connection by design.
 */
export function hostileRequest(makeId: () => string): fc.Arbitrary<FuzzedText> {
  const edited = fc
    .constantFrom(...REQUEST_TYPES)
    .chain((type) => edits(type).map((changes) => [type, changes] as const))
    .map(([type, changes]): FuzzedText => {
      const message = applyEdits({ ...VALID_BODIES[type], id: makeId() }, changes);
      const text = JSON.stringify(message) ?? "null";
      return fuzzedText(text, typeof message.id === "string" ? message.id : undefined);
    });
  const rawText = fc.oneof(
    fc.constantFrom("", "{", "[]", "null", "1e999", '"status"', "{}", '{"type":null}', '{"type":{"length":1}}'),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null"),
    anyUtf16String,
    // Nesting far deeper than any recursive walk survives (built as text: JSON.stringify itself would overflow).
    fc.constant("[".repeat(100_000) + "]".repeat(100_000)),
    fc.constant('{"type":"status","id":"deep","x":' + '{"a":'.repeat(50_000) + "1" + "}".repeat(50_001)),
  );
  const withFreshId = (text: string): FuzzedText => {
    if (!text.includes('"id":"deep"')) return fuzzedText(text);
    const id = makeId();
    return fuzzedText(text.replace('"id":"deep"', `"id":"${id}"`), id);
  };
  // Duplicate keys: JSON.parse keeps the last ones, and so must the daemon: one answer, to the last id.
  const duplicateKeys = fc.constant(null).map((): FuzzedText => {
    const id = makeId();
    return fuzzedText(`{"type":"fly","type":"status","id":"first-${id}","id":"${id}"}`, id);
  });
  return fc
    .oneof(
      { weight: 8, arbitrary: edited },
      { weight: 1, arbitrary: rawText.map(withFreshId) },
      { weight: 1, arbitrary: duplicateKeys },
    )
    .filter((frame) => !isHello(frame.text));
}

function isHello(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "hello";
  } catch {
    return false;
  }
}

/** A `hello` with the right token whose fields were edited: what an attacker without the token could send first. */
export function hostileHello(token: string): fc.Arbitrary<string> {
  return edits("hello").map((changes) =>
    JSON.stringify(applyEdits({ type: "hello", protocol: PROTOCOL_VERSION, client: "fuzz", token }, changes)),
  );
}

/** Header fields of a chunk frame: byte offset and size (see shared/src/frames.ts). */
const HEADER_FIELDS = [
  [0, 4],
  [4, 1],
  [5, 1],
  [6, 1],
  [7, 1],
  [8, 4],
  [12, 4],
  [16, 4],
  [20, 4],
] as const;

/** A binary frame: a chunk for one of the first stream ids with one header field (or the payload length) corrupted. */
export const hostileBinary: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 8 }),
      fc.nat({ max: 3 }),
      fc.nat({ max: 400 }),
      fc.constantFrom(...HEADER_FIELDS),
      fc.nat({ max: 0xffff_ffff }),
      fc.integer({ min: -30, max: 30 }),
    )
    .map(([streamId, seq, payloadBytes, [offset, size], corrupt, trim]) => {
      const frame = encodeChunkFrame({ streamId, seq, pcm: new Uint8Array(payloadBytes) });
      if (size === 1) frame.writeUInt8(corrupt & 0xff, offset);
      else frame.writeUInt32LE(corrupt, offset);
      return trim >= 0
        ? Buffer.concat([frame, Buffer.alloc(trim)])
        : frame.subarray(0, Math.max(0, frame.length + trim));
    }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);
