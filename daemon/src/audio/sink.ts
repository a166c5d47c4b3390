/**
 * The audio sink contract the player writes to, and the factory that picks an implementation. Every sink takes the
 * product's one PCM format (24 kHz mono s16le, see `@kokoro-speech/protocol`); pacing is the player's job, not the sink's.
 */
import type { ProtocolError } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { NullSink } from "./null-sink.js";
import { SpeakerSink, type SpeakerSinkOptions } from "./speaker-sink.js";
import { WavSink } from "./wav-sink.js";

export type SinkKind = "speaker" | "wav" | "null";

/**
 * One use of an output device: `open()` once, any number of `write()`s, `close()`. A closed sink stays closed;
 * create a new one to play again.
 */
export interface AudioSink {
  readonly kind: SinkKind;
  /** Opens the device or file. Rejects with ProtocolError `audio_unavailable` if it cannot; never kills the process. */
  open(): Promise<void>;
  /**
   * Hands frame-aligned PCM to the device and resolves when the device accepted it. Writes are played in call order.
   * Rejects with RangeError for a partial frame, and with `audio_unavailable` when the sink is not open or the device
   * was lost. A write still pending when `close()` is called resolves without its audio being played.
   */
  write(pcm: Buffer): Promise<void>;
  /** Closes the device, discarding what it can of not-yet-played audio (this is how stop works). Idempotent. */
  close(): Promise<void>;
  /**
   * Device lost after a successful open (the speaker host died, a file write failed): each listener is called once,
   * also when registered after the loss, and pending and later writes reject with the same `audio_unavailable` error.
   * Not called for failures of `open()` (it rejects instead) nor after `close()`.
   */
  onLost(listener: (error: ProtocolError) => void): void;
  /** Total bytes the device has accepted since open (for tests and telemetry). */
  readonly bytesAccepted: number;
}

interface SinkCommonOptions {
  readonly log?: Logger;
}

export type SinkOptions =
  | (SinkCommonOptions & { readonly kind: "speaker" } & SpeakerSinkOptions)
  | (SinkCommonOptions & { readonly kind: "wav"; readonly path: string })
  | (SinkCommonOptions & { readonly kind: "null" });

export function createSink(options: SinkOptions): AudioSink {
  switch (options.kind) {
    case "speaker":
      return new SpeakerSink(options);
    case "wav":
      return new WavSink(options.path, options.log);
    case "null":
      return new NullSink();
  }
}
