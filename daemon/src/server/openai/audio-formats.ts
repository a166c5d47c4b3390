/**
 * The `response_format`s the speech endpoint renders, with their content types and how each is produced: `wav` and
 * `pcm` carry the engine's PCM untouched (24 kHz mono s16le) from the request's own thread; `mp3`, `opus`, `aac`
 * and `flac` are encoded in the encoder host (encoder-process.ts), chunk by chunk as segments arrive.
 */
import { encodeStreamingWavHeader } from "./streaming-wav-header.js";

export const SUPPORTED_RESPONSE_FORMATS = ["mp3", "opus", "aac", "flac", "wav", "pcm"] as const;
export type ResponseFormat = (typeof SUPPORTED_RESPONSE_FORMATS)[number];

/** The formats that need an encoder, each run in the encoder host. */
export type EncodedFormat = Exclude<ResponseFormat, "wav" | "pcm">;

/** OpenAI's default: a request without `response_format` gets mp3, as OpenAI's own API answers it. */
export const RESPONSE_FORMAT_DEFAULT: ResponseFormat = "mp3";

export type ResponseFormatSpec =
  | {
      kind: "raw";
      contentType: string;
      /** Bytes sent before the first PCM (a header), empty for headerless formats. */
      preamble(): Buffer;
    }
  | { kind: "encoded"; contentType: string; format: EncodedFormat };

export const RESPONSE_FORMATS: Readonly<Record<ResponseFormat, ResponseFormatSpec>> = {
  mp3: { kind: "encoded", contentType: "audio/mpeg", format: "mp3" },
  // RFC 7845 §9: an Ogg Opus stream is `audio/ogg` (`audio/opus` names bare RTP packets, RFC 7587).
  opus: { kind: "encoded", contentType: "audio/ogg", format: "opus" },
  // ADTS frames: `audio/aac` is the type registered for them.
  aac: { kind: "encoded", contentType: "audio/aac", format: "aac" },
  flac: { kind: "encoded", contentType: "audio/flac", format: "flac" },
  wav: { kind: "raw", contentType: "audio/wav", preamble: encodeStreamingWavHeader },
  // `audio/L16` would promise big-endian samples (RFC 2586); this is little-endian, documented, as OpenAI's `pcm`.
  pcm: { kind: "raw", contentType: "audio/pcm", preamble: () => Buffer.alloc(0) },
};

export function isResponseFormat(value: string): value is ResponseFormat {
  return (SUPPORTED_RESPONSE_FORMATS as readonly string[]).includes(value);
}
