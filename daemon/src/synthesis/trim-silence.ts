import { BYTES_PER_FRAME, msToBytes } from "@kokoro-speech/protocol";

/** librosa-style analysis, as kokoro-onnx trims: 2048-sample frames every 512 samples, 60 dB below the loudest. */
const FRAME_SAMPLES = 2048;
const HOP_SAMPLES = 512;
const TOP_DB = 60;

export interface TrimOptions {
  /** Silence kept before the first sound. */
  keepLeadingMs: number;
  /** Silence kept after the last sound: a sentence end deserves a longer natural pause than a clause. */
  keepTrailingMs: number;
}

function frameRms(pcm: Buffer, startSample: number, sampleCount: number): number {
  const end = Math.min(sampleCount, startSample + FRAME_SAMPLES);
  let sum = 0;
  for (let i = startSample; i < end; i++) {
    const value = pcm.readInt16LE(i * BYTES_PER_FRAME) / 32768;
    sum += value * value;
  }
  return Math.sqrt(sum / FRAME_SAMPLES);
}

/**
 * Cuts leading and trailing silence from s16le mono PCM, keeping a little of each so speech still breathes.
 * Silence is what lies more than 60 dB below the loudest frame. All-silent audio is returned unchanged.
 */
export function trimSilence(pcm: Buffer, options: TrimOptions): Buffer {
  const sampleCount = pcm.byteLength / BYTES_PER_FRAME;
  if (sampleCount < FRAME_SAMPLES) return pcm;
  const rms: number[] = [];
  for (let start = 0; start < sampleCount; start += HOP_SAMPLES) rms.push(frameRms(pcm, start, sampleCount));
  const loudest = Math.max(...rms);
  if (loudest === 0) return pcm;
  const threshold = loudest * 10 ** (-TOP_DB / 20);
  const first = rms.findIndex((value) => value > threshold);
  let last = rms.length - 1;
  while (last > first && rms[last]! <= threshold) last--;
  // Frames locate the sound; the exact edges are the first and last samples above the threshold inside them.
  const amplitude = threshold * 32768;
  const isLoud = (sample: number): boolean => Math.abs(pcm.readInt16LE(sample * BYTES_PER_FRAME)) > amplitude;
  let startSample = first * HOP_SAMPLES;
  const firstFrameEnd = Math.min(sampleCount, startSample + FRAME_SAMPLES);
  while (startSample < firstFrameEnd - 1 && !isLoud(startSample)) startSample++;
  let endSample = Math.min(sampleCount, last * HOP_SAMPLES + FRAME_SAMPLES) - 1;
  while (endSample > last * HOP_SAMPLES && !isLoud(endSample)) endSample--;
  const soundStart = startSample * BYTES_PER_FRAME;
  const soundEnd = (endSample + 1) * BYTES_PER_FRAME;
  const start = Math.max(0, soundStart - msToBytes(options.keepLeadingMs));
  const end = Math.min(pcm.byteLength, soundEnd + msToBytes(options.keepTrailingMs));
  return pcm.subarray(start, end);
}

/** Pauses kept around a segment: the end of a sentence keeps more than a clause cut by the primer or the budget. */
export function trimOptionsFor(spokenText: string): TrimOptions {
  const endsSentence = /[.!?…]["”’)\]]*\s*$/.test(spokenText);
  return { keepLeadingMs: 20, keepTrailingMs: endsSentence ? 250 : 80 };
}
