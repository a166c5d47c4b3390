/**
 * The one PCM format the whole product speaks: Kokoro v1.0 renders 24 kHz mono float32, which the engine converts
 * to signed 16-bit little-endian. Every sink, frame and duration computation derives from these values.
 */

/** Kokoro v1.0 output rate (upstream `SAMPLE_RATE = 24000`). */
export const SAMPLE_RATE_HZ = 24_000;

/** Kokoro renders mono audio. */
export const CHANNEL_COUNT = 1;

/** s16le: two bytes per sample. */
export const BYTES_PER_SAMPLE = 2;

/** Wire name of the only sample format v1 carries. */
export const SAMPLE_FORMAT = "s16le" as const;
export type SampleFormat = typeof SAMPLE_FORMAT;

/** 48,000 bytes of PCM per second of audio. */
export const BYTES_PER_SECOND = SAMPLE_RATE_HZ * CHANNEL_COUNT * BYTES_PER_SAMPLE;

/** Bytes in one frame (one sample for every channel). */
export const BYTES_PER_FRAME = CHANNEL_COUNT * BYTES_PER_SAMPLE;

/** Converts a PCM byte count of the product format to milliseconds of audio. */
export function bytesToMs(byteCount: number): number {
  return (byteCount / BYTES_PER_SECOND) * 1000;
}

/** Converts milliseconds of audio to a whole, frame-aligned PCM byte count of the product format. */
export function msToBytes(ms: number): number {
  const frames = Math.round((ms / 1000) * SAMPLE_RATE_HZ);
  return frames * BYTES_PER_FRAME;
}
