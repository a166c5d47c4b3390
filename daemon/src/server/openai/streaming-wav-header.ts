/**
 * The header of a WAV stream whose length is unknown when it starts: the canonical 44-byte PCM header with both
 * size fields (RIFF and `data`) set to 0xFFFFFFFF, the convention ffmpeg, SoX and browsers read as "until the end
 * of the stream". The body is sent while it is synthesized, so the real length cannot be written up front, and
 * padding with silence to a guessed length would change the audio.
 */
import { encodeWavHeader } from "../../audio/wav-header.js";

/** Size value meaning "unknown, read to the end of the stream". */
export const UNKNOWN_WAV_SIZE = 0xffff_ffff;

const RIFF_SIZE_OFFSET = 4;
const DATA_SIZE_OFFSET = 40;

/** A 44-byte WAV header for the product's PCM format (24 kHz mono s16le) with unknown sizes. */
export function encodeStreamingWavHeader(): Buffer {
  const header = encodeWavHeader(0);
  header.writeUInt32LE(UNKNOWN_WAV_SIZE, RIFF_SIZE_OFFSET);
  header.writeUInt32LE(UNKNOWN_WAV_SIZE, DATA_SIZE_OFFSET);
  return header;
}
