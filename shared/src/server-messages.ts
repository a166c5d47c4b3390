/**
 * Protocol v1 daemon → client messages as zod schemas, with a description on every field, and the TypeScript types
 * inferred from them. The daemon is trusted after the handshake, so clients do not validate these (see
 * `parseServerMessage`); the schemas exist so that docs/protocol.schema.json describes both directions from the code.
 */
import { z } from "zod";
import { ERROR_CODE_LIST, type ErrorCode } from "./errors.js";
import { MODEL_ERROR_CODE_LIST, type ModelErrorCode } from "./model-error-codes.js";

export const errorCodeSchema = z.enum(ERROR_CODE_LIST as [ErrorCode, ...ErrorCode[]]);

const integer = z.number().int();
const streamIdField = integer.min(1).max(0xffff_ffff);
const epochMs = integer.describe("Daemon wall-clock time, milliseconds since the epoch.");

export const CAPABILITIES = ["speak", "play", "audio-out", "skip", "subscribe", "download", "set"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const daemonIdentitySchema = z.object({
  name: z.string().describe('Always "kokoro-speech"; a client refuses a listener with another name.'),
  version: z.string().describe("The daemon's package version."),
  pid: integer.describe("The daemon's process id."),
  protocol: integer.describe("The protocol version the daemon speaks (1)."),
});
export type DaemonIdentity = z.infer<typeof daemonIdentitySchema>;

export const welcomeSchema = z.object({
  type: z.literal("welcome"),
  protocol: integer.describe("The protocol version of this connection (1)."),
  daemon: daemonIdentitySchema.describe("Who answers; check `name` before trusting the listener."),
  capabilities: z.array(z.enum(CAPABILITIES)).describe("What this daemon can do; v1 daemons list all seven."),
});
export type WelcomeMessage = z.infer<typeof welcomeSchema>;

export const ackSchema = z.object({
  type: z.literal("ack"),
  id: z.string().describe("The id of the request this answers."),
  streamId: streamIdField.optional().describe("Present when the request's result is just a stream id."),
  result: z.unknown().optional().describe("Present when the request returns something else (see each request)."),
});
export type AckMessage = z.infer<typeof ackSchema>;

export const errorMessageSchema = z.object({
  type: z.literal("error"),
  id: z
    .string()
    .optional()
    .describe("The id of the request this answers, when it was a string; absent for handshake and chunk errors."),
  code: errorCodeSchema.describe("What went wrong; the closed list of docs/protocol.md §12."),
  message: z.string().describe("One human-readable sentence; show it, never parse it."),
  retryable: z.boolean().describe("Whether the same request may succeed later unchanged."),
  streamId: streamIdField.optional().describe("The stream the error concerns (chunk-frame errors of a known stream)."),
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

export const STREAM_KINDS = ["speak", "play"] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export const CANCEL_REASONS = ["stopped", "interrupted", "shutdown"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

const samplesPlayed = integer
  .min(0)
  .describe("Samples of this stream handed to the audio device so far (24,000 per second); never rewinds.");

/** Payloads of stream events, keyed by event name. */
export const streamEventPayloadSchemas = {
  started: z.object({
    kind: z.enum(STREAM_KINDS).describe("`speak`: text the daemon synthesizes; `play`: PCM the client sends."),
    voice: z.string().optional().describe("Speak streams: the voice or blend, resolved (the default filled in)."),
    speed: z.number().optional().describe("Speak streams: the speed, resolved."),
    synthesizer: z
      .string()
      .optional()
      .describe(
        "Speak streams: what speaks it — `kokoro` (the model), `fallback` (espeak-ng's own voice while no model " +
          "is installed) or `test-fixture` (tests only). Informational: clients must accept other values.",
      ),
  }),
  segment: z.object({
    index: integer.min(0).describe("The segment's index in the stream, from 0."),
    start: integer.min(0).describe("UTF-16 offset of the segment's first character in the request text."),
    end: integer.min(0).describe("UTF-16 offset just past the segment's last character (exclusive)."),
    samplesPlayed,
  }),
  progress: z.object({ samplesPlayed }),
  paused: z.object({ samplesPlayed }),
  resumed: z.object({ samplesPlayed }),
  completed: z.object({ samplesPlayed }),
  cancelled: z.object({
    samplesPlayed,
    reason: z.enum(CANCEL_REASONS).describe("`stop`, an `interrupt` by another stream, or daemon shutdown."),
  }),
  failed: z.object({
    samplesPlayed,
    code: errorCodeSchema.describe("Why the stream failed."),
    message: z.string().describe("One human-readable sentence."),
  }),
} as const;

export type StreamEventPayloads = {
  [E in keyof typeof streamEventPayloadSchemas]: z.infer<(typeof streamEventPayloadSchemas)[E]>;
};
export type StreamEventName = keyof StreamEventPayloads;
export const TERMINAL_EVENTS = ["completed", "cancelled", "failed"] as const satisfies readonly StreamEventName[];
export type TerminalEventName = (typeof TERMINAL_EVENTS)[number];

const streamEventEnvelope = {
  type: z.literal("event"),
  streamId: streamIdField.describe("The stream this event belongs to."),
  seq: integer
    .min(0)
    .describe("Per-stream event number: 0 for `started`, then +1 for every event of that stream, no gaps."),
  at: epochMs,
};

export const streamEventSchema = z.discriminatedUnion(
  "event",
  (Object.keys(streamEventPayloadSchemas) as StreamEventName[]).map((event) =>
    z.object({ ...streamEventEnvelope, event: z.literal(event), ...streamEventPayloadSchemas[event].shape }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

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

export const playerStatusSchema = z.object({
  state: z.enum(PLAYER_STATES).describe("`idle` (nothing current), `playing` or `paused`."),
  currentStreamId: streamIdField.nullable().describe("The stream now playing or paused; null when idle."),
  queuedStreamIds: z.array(streamIdField).describe("Streams waiting behind the current one, in play order."),
  samplesPlayed: integer.min(0).describe("`samplesPlayed` of the current stream; 0 when idle."),
  currentVoice: z
    .string()
    .nullable()
    .describe("The voice of the current speak stream as it is now (after any `set`); null for a play stream or idle."),
  currentSpeed: z
    .number()
    .nullable()
    .describe("The speed of the current speak stream as it is now (after any `set`); null for a play stream or idle."),
  currentSegment: z
    .object({
      index: z.number().int().min(0).describe("The segment's index, as in `segment` events."),
      start: z.number().int().min(0).describe("UTF-16 offset in the request text where the segment starts."),
      end: z.number().int().min(0).describe("UTF-16 offset in the request text where the segment ends (exclusive)."),
    })
    .nullable()
    .optional()
    .describe(
      "The segment (sentence) of the current speak stream whose audio is being handed to the device; null before " +
        "the first segment and for play streams. Absent from daemons before it.",
    ),
});
export type PlayerStatus = z.infer<typeof playerStatusSchema>;

export const audioStatusSchema = z.object({
  sink: z.string().describe("Where audio goes: `speaker`, `null` or `wav:<path>`."),
  state: z.enum(AUDIO_STATES).describe("`closed` (opened on first use), `open`, or `unavailable` after a failure."),
  lastError: z
    .object({
      code: errorCodeSchema.describe("Why the device failed (`audio_unavailable`)."),
      message: z.string().describe("One human-readable sentence."),
    })
    .nullable()
    .describe("The last device failure; null when there was none."),
});
export type AudioStatus = z.infer<typeof audioStatusSchema>;

export const MODEL_STATES = ["missing", "downloading", "verifying", "loading", "ready", "failed"] as const;
export type ModelState = (typeof MODEL_STATES)[number];

export const modelStatusSchema = z.object({
  state: z.enum(MODEL_STATES).describe("Where the speech model stands (docs/protocol.md §4.9)."),
  progress: z
    .object({
      bytesDone: integer.min(0).describe("Bytes downloaded so far."),
      bytesTotal: integer.min(0).nullable().describe("Bytes to download; null when the server announced no length."),
      percent: z.number().nullable().describe("0–100; null when the total is unknown."),
      bytesPerSecond: z.number().min(0).describe("Recent download speed."),
      etaSeconds: z.number().nullable().describe("Estimated seconds left; null when unknown."),
    })
    .optional()
    .describe("Present while downloading."),
  error: z
    .object({
      code: z
        .enum(MODEL_ERROR_CODE_LIST as [ModelErrorCode, ...ModelErrorCode[]])
        .describe("A code of `MODEL_ERROR_CODES` (e.g. `offline`, `checksum_mismatch`); see docs/models.md."),
      message: z.string().describe("One human-readable sentence."),
    })
    .optional()
    .describe("Present when `failed`: why the model is not available."),
  synthesizer: z
    .string()
    .optional()
    .describe(
      "What produces speech: `kokoro` once ready; `fallback` (espeak-ng's own voice) while the model is not " +
        "ready and the fallback voice is available; `test-fixture` in tests.",
    ),
  modelFile: z.string().optional().describe("Present once loaded: the model file's path."),
  dtype: z
    .string()
    .optional()
    .describe("The weights' type (`fp32`, `fp16`, `int8`) when the file is a published export."),
  flavour: z.string().optional().describe("Which export's input signature the file has."),
  provider: z.string().optional().describe("The execution provider (`cpu`, …), or `fallback` for the fallback voice."),
  loadMs: z.number().optional().describe("Milliseconds to create the inference session."),
  warmupMs: z.number().optional().describe("Milliseconds of the warm-up inference."),
});
export type ModelStatusReport = z.infer<typeof modelStatusSchema>;

export const percentileSummarySchema = z.object({
  p50: z.number().nullable().describe("Median; null until there is a value."),
  p95: z.number().nullable().describe("95th percentile; null until there is a value."),
  count: integer.min(0).describe("Values in the window."),
});
export type PercentileSummary = z.infer<typeof percentileSummarySchema>;

export const latencyStatusSchema = z.object({
  lastTtfaMs: z
    .number()
    .nullable()
    .describe("Time to first audio of the most recent speak: request receipt → first sample handed to the device."),
  ttfaMs: percentileSummarySchema.describe("The same over the last 100 speak streams."),
  rtf: percentileSummarySchema.describe("Inference time / audio duration over the last 100 segments."),
  inferenceMsPerToken: percentileSummarySchema.describe("Inference milliseconds per phoneme token."),
});
export type LatencyStatus = z.infer<typeof latencyStatusSchema>;

export const memoryStatusSchema = z.object({
  rssBytes: integer.min(0).describe("Resident memory of the daemon process."),
  heapUsedBytes: integer.min(0).describe("V8 heap in use."),
  externalBytes: integer.min(0).describe("Memory of objects outside the V8 heap (buffers, addons)."),
  helperRssBytes: integer.min(0).describe("Helper processes started for speech (the espeak-ng G2P host) as reported."),
});
export type MemoryStatus = z.infer<typeof memoryStatusSchema>;

const count = (description: string): z.ZodNumber => integer.min(0).describe(description);

export const playerCountersSchema = z.object({
  streamsStarted: count("Device streams started since the daemon started."),
  streamsCompleted: count("Streams that ended `completed`."),
  streamsCancelled: count("Streams that ended `cancelled`."),
  streamsFailed: count("Streams that ended `failed`."),
  underruns: count("Times the device ran dry in the middle of a stream."),
});
export type PlayerCounters = z.infer<typeof playerCountersSchema>;

export const synthesisTotalsSchema = z.object({
  inferences: count("Model runs (a segment over 510 tokens takes more than one)."),
  phonemeTokens: count("Phoneme tokens sent to the model, pads excluded."),
  droppedSymbols: count("Phoneme symbols outside the vocabulary: never sent."),
  fallbackWords: count("Words only the espeak-ng fallback could pronounce."),
  providerFallbacks: count("Times a non-CPU execution provider failed and inference moved to CPU."),
  fallbackStreams: count("Streams spoken by the espeak-ng fallback voice because the model was not ready."),
  memoryCleanups: count("Idle resources released to give memory back."),
  segmentRetries: count("Segments synthesized again after their synthesis failed (`--retry-failed-segment`)."),
});
export type SynthesisTotals = z.infer<typeof synthesisTotalsSchema>;

export const daemonStatusSchema = z.object({
  daemon: daemonIdentitySchema
    .extend({ uptimeMs: integer.min(0).describe("Milliseconds since the daemon started.") })
    .describe("The daemon's identity and uptime."),
  player: playerStatusSchema.describe("What plays now and what waits."),
  audio: audioStatusSchema.describe("The audio device."),
  model: modelStatusSchema.describe("The speech model and what speaks."),
  counters: playerCountersSchema
    .extend(synthesisTotalsSchema.shape)
    .describe("Totals since the daemon started (docs/telemetry.md)."),
  latency: latencyStatusSchema.describe("Recent latency and speed of synthesis."),
  memory: memoryStatusSchema.describe("Memory use in bytes."),
});
/** Result of a `status` request (also served as JSON by `GET /status`). */
export type DaemonStatus = z.infer<typeof daemonStatusSchema>;

/** Daemon-wide notices for clients subscribed to the `daemon` topic. */
export const daemonEventSchema = z.discriminatedUnion("event", [
  z.object({
    type: z.literal("daemon"),
    event: z.literal("player"),
    at: epochMs,
    player: playerStatusSchema.describe("The player after the change."),
  }),
  z.object({
    type: z.literal("daemon"),
    event: z.literal("audio"),
    at: epochMs,
    audio: audioStatusSchema.describe("The device after the change."),
  }),
  z.object({
    type: z.literal("daemon"),
    event: z.literal("model"),
    at: epochMs,
    model: modelStatusSchema.describe("The model after the change."),
  }),
]);
export type DaemonEventMessage = z.infer<typeof daemonEventSchema>;

export type ServerMessage = WelcomeMessage | AckMessage | ErrorMessage | StreamEventMessage | DaemonEventMessage;
