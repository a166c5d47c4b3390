import {
  BYTES_PER_FRAME,
  type CancelReason,
  type ErrorCode,
  type StreamEventMessage,
  type StreamEventName,
  type StreamEventPayloads,
  type StreamKind,
} from "@kokoro-speech/protocol";
import type { PcmSource } from "./pcm-source.js";

/** Named states of one stream; the last three are terminal. */
export type StreamState = "queued" | "playing" | "paused" | "completed" | "cancelled" | "failed";

export interface StreamInit {
  id: number;
  kind: StreamKind;
  /** The connection that created the stream; it receives the stream's events. */
  ownerId: number;
  source: PcmSource;
  /** Also send this stream's PCM to its owner as chunk frames. */
  sendAudio: boolean;
  voice?: string;
  speed?: number;
  /** What speaks a speak stream (`kokoro`, `fallback`, `test-fixture`), reported in `started`. */
  synthesizer?: string;
  /** `performance.now()` when the request that created the stream arrived (the start of TTFA). */
  receivedAtMs?: number;
}

/** One utterance from `started` to its single terminal event, with its per-stream sequence counters. */
export class PlaybackStream {
  readonly id: number;
  readonly kind: StreamKind;
  readonly ownerId: number;
  readonly source: PcmSource;
  readonly sendAudio: boolean;
  /** A speak stream's settings, kept current by `set`. */
  voice: string | undefined;
  speed: number | undefined;
  readonly receivedAtMs: number | undefined;
  readonly synthesizer: string | undefined;
  state: StreamState = "queued";
  /** PCM bytes of this stream handed to the device. */
  bytesHanded = 0;
  /** The last segment announced (a `segment` event): the one being handed to the device. */
  currentSegment: { index: number; start: number; end: number } | null = null;
  private eventSeq = 0;
  private chunkSeq = 0;

  constructor(init: StreamInit) {
    this.id = init.id;
    this.kind = init.kind;
    this.ownerId = init.ownerId;
    this.source = init.source;
    this.sendAudio = init.sendAudio;
    this.voice = init.voice;
    this.speed = init.speed;
    this.receivedAtMs = init.receivedAtMs;
    this.synthesizer = init.synthesizer;
  }

  get samplesPlayed(): number {
    return this.bytesHanded / BYTES_PER_FRAME;
  }

  get isTerminal(): boolean {
    return this.state === "completed" || this.state === "cancelled" || this.state === "failed";
  }

  /** Builds the next event of this stream, numbering it. */
  event<E extends StreamEventName>(event: E, payload: StreamEventPayloads[E]): StreamEventMessage {
    return {
      type: "event",
      streamId: this.id,
      seq: this.eventSeq++,
      event,
      at: Date.now(),
      ...payload,
    } as StreamEventMessage;
  }

  nextChunkSeq(): number {
    return this.chunkSeq++;
  }
}

export type TerminalOutcome =
  | { state: "completed" }
  | { state: "cancelled"; reason: CancelReason }
  | { state: "failed"; code: ErrorCode; message: string; cause?: unknown };
