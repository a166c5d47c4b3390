/**
 * Protocol v1 JSON messages: the schemas both sides validate against and the TypeScript types inferred from them.
 * Client → daemon messages are requests (except `hello`); every request carries a client-chosen `id` and gets
 * exactly one `ack` or `error` with that id. See docs/protocol.md.
 */
import { z } from "zod";
import { boundedArray, boundedString } from "./bounded-schemas.js";
import { MAX_REQUEST_ID_CHARS } from "./limits.js";

const requestId = boundedString(1, MAX_REQUEST_ID_CHARS).describe(
  "Client-chosen; the one ack or error answering this request carries it. Uniqueness is not checked.",
);
const streamId = z.number().int().min(1).max(0xffff_ffff);
const streamIdOrCurrent = streamId.optional().describe("The stream; omitted: the stream now playing.");
/** Range checks that have their own error code (speed, text length) happen after the schema, in validate.ts. */
const speed = z
  .number()
  .finite()
  .describe(
    "Speaking rate, 0.5–2.0 inclusive (outside: `speed_out_of_range`; not a finite number: `invalid_message`).",
  );
const voice = boundedString(1, 256).describe("A voice id (`af_heart`) or a blend (`af_bella:0.6+af_heart:0.4`).");

/** What a new stream does to the streams already playing or queued. */
export const QUEUE_MODES = ["interrupt", "enqueue"] as const;
export type QueueMode = (typeof QUEUE_MODES)[number];
const queue = z
  .enum(QUEUE_MODES)
  .optional()
  .describe("`interrupt` (default): cancel every live stream first; `enqueue`: wait behind them.");

/** Event families a client can subscribe to beyond the events of its own streams. */
export const SUBSCRIPTION_TOPICS = ["streams", "audio", "daemon"] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

export const SKIP_DIRECTIONS = ["next", "previous", "restart"] as const;
export type SkipDirection = (typeof SKIP_DIRECTIONS)[number];

export const helloSchema = z.strictObject({
  type: z.literal("hello"),
  protocol: z.number().int().describe("The client's protocol version; must be 1 (else `protocol_mismatch`)."),
  client: boundedString(1, 64).describe('A name for logs, e.g. "raycast" or "cli".'),
  token: boundedString(0, 256).describe("The content of the token file (absent or wrong: `unauthorized`)."),
});

export const speakSchema = z.strictObject({
  type: z.literal("speak"),
  id: requestId,
  text: z.string().describe("The text to speak: at most 200,000 UTF-16 code units, not blank."),
  voice: voice.optional(),
  speed: speed.optional(),
  queue,
  /** Also send this stream's PCM to the requesting client as binary chunk frames. */
  sendAudio: z.boolean().optional().describe("Also send this stream's PCM to the requester as chunk frames."),
  /**
   * `device` (default): play it. `client`: render it for the requester only — chunk frames as fast as synthesis
   * goes, nothing on the device, no queue (e.g. `kokoro-speech speak --out file.wav`).
   */
  output: z
    .enum(["device", "client"])
    .optional()
    .describe("`device` (default): play it; `client`: render it for the requester only, nothing played."),
});

/** Opens a stream whose PCM the client itself sends as binary chunk frames. */
export const playSchema = z.strictObject({
  type: z.literal("play"),
  id: requestId,
  queue,
});

/** Declares that a `play` stream has received its last chunk; it completes once everything has played. */
export const endSchema = z.strictObject({
  type: z.literal("end"),
  id: requestId,
  streamId: streamId.describe("A live play stream this connection opened."),
});

/** `streamId` omitted ⇒ the stream now playing. */
export const pauseSchema = z.strictObject({ type: z.literal("pause"), id: requestId, streamId: streamIdOrCurrent });
export const resumeSchema = z.strictObject({ type: z.literal("resume"), id: requestId, streamId: streamIdOrCurrent });

/** `streamId` omitted ⇒ the stream now playing; `all: true` ⇒ every playing and queued stream. */
export const stopSchema = z.strictObject({
  type: z.literal("stop"),
  id: requestId,
  streamId: streamIdOrCurrent,
  all: z.boolean().optional().describe("Cancel every playing and queued stream; not together with `streamId`."),
});

export const skipSchema = z.strictObject({
  type: z.literal("skip"),
  id: requestId,
  streamId: streamIdOrCurrent,
  direction: z
    .enum(SKIP_DIRECTIONS)
    .describe("`next` or `previous` segment, or `restart` the current one, of the current speak stream."),
});

export const statusSchema = z.strictObject({ type: z.literal("status"), id: requestId });

export const subscribeSchema = z.strictObject({
  type: z.literal("subscribe"),
  id: requestId,
  /** Replaces the client's previous subscription; an empty list means "only my own streams". */
  topics: boundedArray(z.enum(SUBSCRIPTION_TOPICS), SUBSCRIPTION_TOPICS.length).describe(
    "Replaces the previous subscription; [] means only this connection's own streams.",
  ),
});

/**
 * Changes the voice or speed of a speak stream (the one playing when `streamId` is omitted) for every segment not yet
 * synthesized. `immediate: true` also drops the segments already synthesized ahead, so the change is heard from the
 * next segment on; the segment playing finishes unchanged.
 */
export const setSchema = z.strictObject({
  type: z.literal("set"),
  id: requestId,
  streamId: streamIdOrCurrent,
  voice: voice.optional(),
  speed: speed.optional(),
  immediate: z
    .boolean()
    .optional()
    .describe("Also drop the segments synthesized ahead, so the change is heard from the next segment."),
});

/** Model sizes the daemon can download; `int8` is the default (see docs/models.md). */
export const MODEL_QUALITIES = ["int8", "fp16", "fp32"] as const;
export type ModelQuality = (typeof MODEL_QUALITIES)[number];

/** Starts installing the model (and voices) if missing; progress arrives as `daemon`/`model` events. */
export const downloadSchema = z.strictObject({
  type: z.literal("download"),
  id: requestId,
  model: z.enum(MODEL_QUALITIES).optional().describe("Which weights to install; default `int8`."),
});

export const requestSchema = z.discriminatedUnion("type", [
  speakSchema,
  playSchema,
  endSchema,
  pauseSchema,
  resumeSchema,
  stopSchema,
  skipSchema,
  statusSchema,
  subscribeSchema,
  downloadSchema,
  setSchema,
]);

export type HelloMessage = z.infer<typeof helloSchema>;
export type SpeakRequest = z.infer<typeof speakSchema>;
export type PlayRequest = z.infer<typeof playSchema>;
export type EndRequest = z.infer<typeof endSchema>;
export type PauseRequest = z.infer<typeof pauseSchema>;
export type ResumeRequest = z.infer<typeof resumeSchema>;
export type StopRequest = z.infer<typeof stopSchema>;
export type SkipRequest = z.infer<typeof skipSchema>;
export type StatusRequest = z.infer<typeof statusSchema>;
export type SubscribeRequest = z.infer<typeof subscribeSchema>;
export type DownloadRequest = z.infer<typeof downloadSchema>;
export type SetRequest = z.infer<typeof setSchema>;
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request["type"];
export type ClientMessage = HelloMessage | Request;

export const REQUEST_TYPES = requestSchema.options.map((option) => option.shape.type.value) as RequestType[];

// ---- daemon → client: server-messages.ts ----------------------------------------------------------------------

export * from "./server-messages.js";
