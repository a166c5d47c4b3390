/**
 * Protocol v1 JSON messages: the schemas both sides validate against and the TypeScript types inferred from them.
 * Client → daemon messages are requests (except `hello`); every request carries a client-chosen `id` and gets
 * exactly one `ack` or `error` with that id. See docs/protocol.md.
 */
import { z } from "zod";
import { ERROR_CODE_LIST, type ErrorCode } from "./errors.js";
import { MAX_REQUEST_ID_CHARS } from "./limits.js";

const requestId = z.string().min(1).max(MAX_REQUEST_ID_CHARS);
const streamId = z.number().int().min(1).max(0xffff_ffff);
/** Range checks that have their own error code (speed, text length) happen after the schema, in validate.ts. */
const speed = z.number().finite();
const voice = z.string().min(1).max(256);

/** What a new stream does to the streams already playing or queued. */
export const QUEUE_MODES = ["interrupt", "enqueue"] as const;
export type QueueMode = (typeof QUEUE_MODES)[number];

/** Event families a client can subscribe to beyond the events of its own streams. */
export const SUBSCRIPTION_TOPICS = ["streams", "audio", "daemon"] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

export const SKIP_DIRECTIONS = ["next", "previous", "restart"] as const;
export type SkipDirection = (typeof SKIP_DIRECTIONS)[number];

export const helloSchema = z.strictObject({
  type: z.literal("hello"),
  protocol: z.number().int(),
  client: z.string().min(1).max(64),
  token: z.string().max(256),
});

export const speakSchema = z.strictObject({
  type: z.literal("speak"),
  id: requestId,
  text: z.string(),
  voice: voice.optional(),
  speed: speed.optional(),
  queue: z.enum(QUEUE_MODES).optional(),
  /** Also send this stream's PCM to the requesting client as binary chunk frames. */
  sendAudio: z.boolean().optional(),
  /**
   * `device` (default): play it. `client`: render it for the requester only — chunk frames as fast as synthesis
   * goes, nothing on the device, no queue (e.g. `kokoro-speech speak --out file.wav`).
   */
  output: z.enum(["device", "client"]).optional(),
});

/** Opens a stream whose PCM the client itself sends as binary chunk frames. */
export const playSchema = z.strictObject({
  type: z.literal("play"),
  id: requestId,
  queue: z.enum(QUEUE_MODES).optional(),
});

/** Declares that a `play` stream has received its last chunk; it completes once everything has played. */
export const endSchema = z.strictObject({ type: z.literal("end"), id: requestId, streamId });

/** `streamId` omitted ⇒ the stream now playing. */
export const pauseSchema = z.strictObject({ type: z.literal("pause"), id: requestId, streamId: streamId.optional() });
export const resumeSchema = z.strictObject({ type: z.literal("resume"), id: requestId, streamId: streamId.optional() });

/** `streamId` omitted ⇒ the stream now playing; `all: true` ⇒ every playing and queued stream. */
export const stopSchema = z.strictObject({
  type: z.literal("stop"),
  id: requestId,
  streamId: streamId.optional(),
  all: z.boolean().optional(),
});

export const skipSchema = z.strictObject({
  type: z.literal("skip"),
  id: requestId,
  streamId: streamId.optional(),
  direction: z.enum(SKIP_DIRECTIONS),
});

export const statusSchema = z.strictObject({ type: z.literal("status"), id: requestId });

export const subscribeSchema = z.strictObject({
  type: z.literal("subscribe"),
  id: requestId,
  /** Replaces the client's previous subscription; an empty list means "only my own streams". */
  topics: z.array(z.enum(SUBSCRIPTION_TOPICS)).max(SUBSCRIPTION_TOPICS.length),
});

/**
 * Changes the voice or speed of a speak stream (the one playing when `streamId` is omitted) for every segment not yet
 * synthesized. `immediate: true` also drops the segments already synthesized ahead, so the change is heard from the
 * next segment on; the segment playing finishes unchanged.
 */
export const setSchema = z.strictObject({
  type: z.literal("set"),
  id: requestId,
  streamId: streamId.optional(),
  voice: voice.optional(),
  speed: speed.optional(),
  immediate: z.boolean().optional(),
});

/** Model sizes the daemon can download; `int8` is the default (see docs/models.md). */
export const MODEL_QUALITIES = ["int8", "fp16", "fp32"] as const;
export type ModelQuality = (typeof MODEL_QUALITIES)[number];

/** Starts installing the model (and voices) if missing; progress arrives as `daemon`/`model` events. */
export const downloadSchema = z.strictObject({
  type: z.literal("download"),
  id: requestId,
  model: z.enum(MODEL_QUALITIES).optional(),
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

// ---- daemon → client ----------------------------------------------------------------------------------------

export const CAPABILITIES = ["speak", "play", "audio-out", "skip", "subscribe", "download", "set"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface DaemonIdentity {
  name: string;
  version: string;
  pid: number;
  protocol: number;
}

export interface WelcomeMessage {
  type: "welcome";
  protocol: number;
  daemon: DaemonIdentity;
  capabilities: Capability[];
}

export interface AckMessage {
  type: "ack";
  id: string;
  streamId?: number;
  result?: unknown;
}

export interface ErrorMessage {
  type: "error";
  /** Absent when the error is not the answer to one request (a bad frame, a failed handshake). */
  id?: string;
  code: ErrorCode;
  message: string;
  retryable: boolean;
  streamId?: number;
}

export const STREAM_KINDS = ["speak", "play"] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export const CANCEL_REASONS = ["stopped", "interrupted", "shutdown"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Payloads of stream events, keyed by event name. Positions count samples handed to the device. */
export interface StreamEventPayloads {
  /** `synthesizer`: what speaks a speak stream (`kokoro`, `fallback`, `test-fixture`). */
  started: { kind: StreamKind; voice?: string; speed?: number; synthesizer?: string };
  segment: { index: number; start: number; end: number; samplesPlayed: number };
  progress: { samplesPlayed: number };
  paused: { samplesPlayed: number };
  resumed: { samplesPlayed: number };
  completed: { samplesPlayed: number };
  cancelled: { samplesPlayed: number; reason: CancelReason };
  failed: { samplesPlayed: number; code: ErrorCode; message: string };
}
export type StreamEventName = keyof StreamEventPayloads;
export const TERMINAL_EVENTS = ["completed", "cancelled", "failed"] as const satisfies readonly StreamEventName[];
export type TerminalEventName = (typeof TERMINAL_EVENTS)[number];

export type StreamEventMessage = {
  [E in StreamEventName]: {
    type: "event";
    streamId: number;
    /** Per-stream event sequence number: 0 for `started`, then +1 for every event of that stream. */
    seq: number;
    event: E;
    /** Daemon wall-clock time of the event, ms since the epoch. */
    at: number;
  } & StreamEventPayloads[E];
}[StreamEventName];

export function isTerminalEvent(event: StreamEventName): event is TerminalEventName {
  return (TERMINAL_EVENTS as readonly string[]).includes(event);
}

export const PLAYER_STATES = ["idle", "playing", "paused"] as const;
export type PlayerState = (typeof PLAYER_STATES)[number];

export const AUDIO_STATES = ["closed", "open", "unavailable"] as const;
export type AudioState = (typeof AUDIO_STATES)[number];

export interface PlayerStatus {
  state: PlayerState;
  currentStreamId: number | null;
  queuedStreamIds: number[];
  samplesPlayed: number;
  /** Voice and speed of the current speak stream as they are now (after any `set`); null otherwise. */
  currentVoice: string | null;
  currentSpeed: number | null;
  /**
   * The text segment (sentence) of the current speak stream whose audio is being handed to the device: its index and
   * UTF-16 offsets in the request text, as in `segment` events; null before the first segment and for play streams.
   * Optional because daemons before it do not report it.
   */
  currentSegment?: { index: number; start: number; end: number } | null;
}

export interface AudioStatus {
  sink: string;
  state: AudioState;
  lastError: { code: ErrorCode; message: string } | null;
}

export const MODEL_STATES = ["missing", "downloading", "verifying", "loading", "ready", "failed"] as const;
export type ModelState = (typeof MODEL_STATES)[number];

/** Where the speech model stands: what `speak` needs, and what the menu bar shows while downloading. */
export interface ModelStatusReport {
  state: ModelState;
  /** Present while downloading; `null` where the server announced no length or no speed is known yet. */
  progress?: {
    bytesDone: number;
    bytesTotal: number | null;
    percent: number | null;
    bytesPerSecond: number;
    etaSeconds: number | null;
  };
  /** Present when `failed`: the model manager's code (e.g. `offline`, `checksum_mismatch`) and a readable line. */
  error?: { code: string; message: string };
  /**
   * What produces speech: `kokoro` once ready; `fallback` (espeak-ng's own voice) while the model is not ready and
   * the fallback voice is available; `test-fixture` in tests.
   */
  synthesizer?: string;
  /** Present once loaded. */
  modelFile?: string;
  /** The weights' type (`fp32`, `fp16`, `int8`) when the file is a published export; absent for any other file. */
  dtype?: string;
  flavour?: string;
  provider?: string;
  loadMs?: number;
  warmupMs?: number;
}

/** Percentiles over a window of recent values; `null` until there is one. */
export interface PercentileSummary {
  p50: number | null;
  p95: number | null;
  count: number;
}

export interface LatencyStatus {
  /** Time to first audio of the most recent `speak`: request receipt → first sample handed to the device. */
  lastTtfaMs: number | null;
  /** The same over the last 100 speak streams. */
  ttfaMs: PercentileSummary;
  /** Real-time factor of the last 100 segments: inference time / audio duration (below 1 = faster than real time). */
  rtf: PercentileSummary;
  inferenceMsPerToken: PercentileSummary;
}

export interface MemoryStatus {
  /** The daemon process. */
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  /** Helper processes the daemon started for speech (the espeak-ng G2P host while it runs), as they last reported. */
  helperRssBytes: number;
}

/** Device streams by outcome since start, and times the device ran dry mid-stream. */
export interface PlayerCounters {
  streamsStarted: number;
  streamsCompleted: number;
  streamsCancelled: number;
  streamsFailed: number;
  underruns: number;
}

/** Speech synthesis since start. */
export interface SynthesisTotals {
  /** Model runs (a segment over 510 tokens takes more than one). */
  inferences: number;
  /** Phoneme tokens sent to the model, pads excluded. */
  phonemeTokens: number;
  /** Phoneme symbols outside the vocabulary: never sent. */
  droppedSymbols: number;
  /** Words only the espeak fallback could pronounce. */
  fallbackWords: number;
  /** Times a non-CPU execution provider failed and inference moved to CPU. */
  providerFallbacks: number;
  /** Streams spoken by the espeak-ng fallback voice because the model was not ready. */
  fallbackStreams: number;
  /** Idle resources released to give memory back (the espeak-ng G2P host stopped after its idle time). */
  memoryCleanups: number;
  /** Segments synthesized again after their synthesis failed (only with `serve --retry-failed-segment`). */
  segmentRetries: number;
}

/** Result of a `status` request (also served as JSON by `GET /status`). */
export interface DaemonStatus {
  daemon: DaemonIdentity & { uptimeMs: number };
  player: PlayerStatus;
  audio: AudioStatus;
  model: ModelStatusReport;
  counters: PlayerCounters & SynthesisTotals;
  latency: LatencyStatus;
  memory: MemoryStatus;
}

/** Daemon-wide notices for clients subscribed to the `daemon` topic. */
export type DaemonEventMessage =
  | { type: "daemon"; event: "player"; at: number; player: PlayerStatus }
  | { type: "daemon"; event: "audio"; at: number; audio: AudioStatus }
  | { type: "daemon"; event: "model"; at: number; model: ModelStatusReport };

export type ServerMessage = WelcomeMessage | AckMessage | ErrorMessage | StreamEventMessage | DaemonEventMessage;

export const errorCodeSchema = z.enum(ERROR_CODE_LIST as [ErrorCode, ...ErrorCode[]]);
