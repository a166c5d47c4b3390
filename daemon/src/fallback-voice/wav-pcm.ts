/**
 * Reads the samples out of the WAV file espeak-ng writes (`-w`): RIFF/WAVE, PCM, 16-bit, mono. The rate is taken
 * from the header, never assumed. Chunks are walked by their declared sizes so any extra chunk is skipped, and a
 * data size larger than the bytes present (a writer that never patched its header) is clamped to what is there.
 */
import { ProtocolError } from "@kokoro-speech/protocol";

export interface WavPcm {
  sampleRateHz: number;
  samples: Int16Array;
}

const PCM_FORMAT_TAG = 1;
const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function malformed(reason: string): ProtocolError {
  return new ProtocolError("synthesis_failed", `espeak-ng wrote an unreadable WAV file: ${reason}`);
}

/** Parses 16-bit mono PCM WAV bytes; throws `synthesis_failed` for anything else. */
export function readWavPcm(bytes: Uint8Array): WavPcm {
  if (bytes.length < RIFF_HEADER_BYTES || ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") {
    throw malformed("no RIFF/WAVE header");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sampleRateHz: number | undefined;
  let offset = RIFF_HEADER_BYTES;
  while (offset + CHUNK_HEADER_BYTES <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + CHUNK_HEADER_BYTES;
    if (id === "fmt ") {
      const formatTag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      if (formatTag !== PCM_FORMAT_TAG || channels !== 1 || bitsPerSample !== 16) {
        throw malformed(`format ${formatTag}, ${channels} channel(s), ${bitsPerSample} bits; expected 16-bit mono PCM`);
      }
      sampleRateHz = view.getUint32(body + 4, true);
    } else if (id === "data") {
      if (sampleRateHz === undefined) throw malformed("data before fmt");
      const byteCount = Math.min(size, bytes.length - body) & ~1;
      const samples = new Int16Array(byteCount / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + 2 * i, true);
      return { sampleRateHz, samples };
    }
    // RIFF pads odd-sized chunks to an even length.
    offset = body + size + (size % 2);
  }
  throw malformed("no data chunk");
}
