import type { ErrorCode, SkipDirection } from "@kokoro-speech/protocol";

/** The span a segment speaks, reported in `segment` events. */
export interface SegmentInfo {
  index: number;
  start: number;
  end: number;
}

/** What a source hands the player on each read. */
export type SourceRead =
  | { kind: "pcm"; pcm: Buffer; segment?: SegmentInfo }
  /** Nothing buffered yet; the source calls its `onReadable` listener when that changes. */
  | { kind: "wait" }
  | { kind: "end" }
  /** `cause`: the error behind the code (an inference error inside a wrapped one, say), for the daemon's log. */
  | { kind: "failed"; code: ErrorCode; message: string; cause?: unknown };

/** Where a stream's PCM comes from: synthesized segments (`speak`) or a client's chunk frames (`play`). */
export interface PcmSource {
  /** Returns at most `maxBytes` (frame-aligned) of the next PCM to play. */
  read(maxBytes: number): SourceRead;
  /** Moves the read position; returns false when the source cannot (no such segment, or not segmented). */
  skip(direction: SkipDirection): boolean;
  /** Stops producing and releases buffered audio. Idempotent. */
  cancel(): void;
  /** Called when a `wait` may have turned into data, an end or a failure. */
  onReadable(listener: () => void): void;
}

/** The source of a stream that never reaches the player (rendered for a client instead). */
export const NO_PCM_SOURCE: PcmSource = Object.freeze({
  read: (): SourceRead => ({ kind: "end" }),
  skip: () => false,
  cancel: () => {},
  onReadable: () => {},
});
