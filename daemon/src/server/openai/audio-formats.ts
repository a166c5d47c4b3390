/**
 * The `response_format`s the speech endpoint renders and how each starts. Both carry the engine's PCM untouched
 * (24 kHz mono s16le); mp3, opus, aac and flac need an encoder the daemon does not ship (docs/openai-api.md).
 */
import { encodeStreamingWavHeader } from "./streaming-wav-header.js";

export const SUPPORTED_RESPONSE_FORMATS = ["wav", "pcm"] as const;
export type ResponseFormat = (typeof SUPPORTED_RESPONSE_FORMATS)[number];

/**
 * OpenAI's default is mp3, which needs an encoder; a request without `response_format` gets WAV, which every player
 * that takes mp3 also plays, and its content type says so.
 */
export const RESPONSE_FORMAT_DEFAULT: ResponseFormat = "wav";

export interface ResponseFormatSpec {
  contentType: string;
  /** Bytes sent before the first PCM (a header), empty for headerless formats. */
  preamble(): Buffer;
}

export const RESPONSE_FORMATS: Readonly<Record<ResponseFormat, ResponseFormatSpec>> = {
  wav: { contentType: "audio/wav", preamble: encodeStreamingWavHeader },
  // `audio/L16` would promise big-endian samples (RFC 2586); this is little-endian, documented, as OpenAI's `pcm`.
  pcm: { contentType: "audio/pcm", preamble: () => Buffer.alloc(0) },
};

export function isResponseFormat(value: string): value is ResponseFormat {
  return (SUPPORTED_RESPONSE_FORMATS as readonly string[]).includes(value);
}
