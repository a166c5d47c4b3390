/** The WAV header of the product's PCM format: written by the daemon's WAV sink and by the extension's Save as Audio. */
import { BYTES_PER_FRAME, BYTES_PER_SAMPLE, BYTES_PER_SECOND, CHANNEL_COUNT, SAMPLE_RATE_HZ } from "./audio-format.js";

/** A canonical PCM WAV header: RIFF descriptor (12 bytes), `fmt ` chunk (8 + 16), `data` chunk header (8). */
export const WAV_HEADER_BYTES = 44;

/** The RIFF size field is 32-bit and counts everything after its own 8 bytes, header included. */
export const MAX_WAV_DATA_BYTES = 0xffff_ffff - (WAV_HEADER_BYTES - 8);

const WAVE_FORMAT_PCM = 1;
const FMT_CHUNK_BYTES = 16;

/** Encodes the header of a WAV file holding `dataBytes` of the product's PCM format. */
export function encodeWavHeader(dataBytes: number): Buffer {
  if (!Number.isInteger(dataBytes) || dataBytes < 0 || dataBytes > MAX_WAV_DATA_BYTES) {
    throw new RangeError(`WAV data size must be an integer from 0 to ${MAX_WAV_DATA_BYTES}; got ${dataBytes}`);
  }
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(WAV_HEADER_BYTES - 8 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(FMT_CHUNK_BYTES, 16);
  header.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  header.writeUInt16LE(CHANNEL_COUNT, 22);
  header.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(BYTES_PER_SECOND, 28);
  header.writeUInt16LE(BYTES_PER_FRAME, 32);
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
