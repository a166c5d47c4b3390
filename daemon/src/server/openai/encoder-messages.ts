/** The messages between the speech route and the encoder host process (encoder-host.ts). */
import type { EncodedFormat } from "./audio-formats.js";

export type EncoderRequest =
  | { op: "open"; id: number; format: EncodedFormat }
  /** Mono s16le PCM (the buffer is transferred). */
  | { op: "encode"; id: number; pcm: ArrayBuffer }
  | { op: "finish"; id: number }
  /** Drop the session: stop encoding after the slice in progress and free the encoder. */
  | { op: "close"; id: number }
  | { op: "stats" };

export type EncoderReply =
  /** Encoded bytes, in order (the buffer is transferred). */
  | { op: "data"; id: number; bytes: Uint8Array }
  /** Everything of the last `encode` was encoded. */
  | { op: "encoded"; id: number }
  /** The stream's last bytes were sent; the session is gone. */
  | { op: "finished"; id: number }
  /** The session was dropped after a `close`. */
  | { op: "closed"; id: number }
  | { op: "error"; id: number; message: string }
  | { op: "stats"; stats: EncoderHostStats };

export interface EncoderHostStats {
  /** Encoders alive in the host. */
  open: number;
  /** Slices of input encoded since the host started, over every session. */
  slicesEncoded: number;
}
