/**
 * Measures of real speech audio (24 kHz mono s16le or float), computed from the samples alone: loudness of the
 * voiced part, how much is voiced, silences and clipping. Used by the real-model suite, the parity script and the
 * listening proxy; none of it comes from the code under test.
 */
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";

/** 10 ms analysis frames. */
export const FRAME_SAMPLES = SAMPLE_RATE_HZ / 100;
/** A frame quieter than this (dBFS RMS) counts as silence: far below speech, above the model's noise floor. */
export const SILENCE_DBFS = -50;
/**
 * Kokoro's own output touches full scale on a few samples of some voices' plosives (am_fenrir 1, am_puck 7 on the
 * test sentence). Our engine's samples equal kokoro-onnx's on the voices parity.test.ts renders, so these are taken
 * to be the model's, though those two voices are not among them. Garbled output saturates in runs of thousands.
 */
export const MAX_CLIPPED_FRACTION = 5e-4;

/** |sample| at or above this counts as clipped (int16 full scale is 32767). */
const CLIP_LEVEL = 32_700;

export function s16leToFloats(pcm: Buffer): Float32Array {
  const samples = new Float32Array(pcm.byteLength >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = pcm.readInt16LE(i * 2) / 32768;
  return samples;
}

function dbfs(rms: number): number {
  return rms > 0 ? 20 * Math.log10(rms) : -Infinity;
}

function frameRms(samples: Float32Array, start: number): number {
  let energy = 0;
  const end = Math.min(samples.length, start + FRAME_SAMPLES);
  for (let i = start; i < end; i++) energy += samples[i]! * samples[i]!;
  return Math.sqrt(energy / Math.max(1, end - start));
}

export interface AudioMeasures {
  readonly seconds: number;
  /** From the first voiced frame to the last: the utterance without the model's leading and trailing silence. */
  readonly voicedSpanSeconds: number;
  /** RMS over the voiced frames only, in dBFS: what a listener perceives as the level of the speech. */
  readonly voicedDbfs: number;
  /** Share of 10 ms frames above `SILENCE_DBFS`. */
  readonly voicedFraction: number;
  /** Longest run of silent frames, in ms, leading and trailing silence excluded. */
  readonly longestInnerSilenceMs: number;
  /** Inner silences longer than `minMs`, as [start s, length ms]. */
  readonly pauses: readonly (readonly [number, number])[];
  readonly clippedSamples: number;
}

export function measure(samples: Float32Array, pauseMinMs = 400): AudioMeasures {
  const frames: boolean[] = [];
  let voicedEnergy = 0;
  let voicedCount = 0;
  for (let start = 0; start < samples.length; start += FRAME_SAMPLES) {
    const rms = frameRms(samples, start);
    const voiced = dbfs(rms) > SILENCE_DBFS;
    frames.push(voiced);
    if (voiced) {
      voicedEnergy += rms * rms;
      voicedCount++;
    }
  }
  const first = frames.indexOf(true);
  const last = frames.lastIndexOf(true);
  let longest = 0;
  const pauses: [number, number][] = [];
  let run = 0;
  for (let i = Math.max(0, first); i <= last; i++) {
    if (frames[i]) {
      if (run * 10 > pauseMinMs) pauses.push([((i - run) * 10) / 1000, run * 10]);
      run = 0;
    } else {
      run++;
      longest = Math.max(longest, run);
    }
  }
  let clipped = 0;
  for (const sample of samples) if (Math.abs(sample * 32768) >= CLIP_LEVEL) clipped++;
  return {
    seconds: samples.length / SAMPLE_RATE_HZ,
    voicedSpanSeconds: first < 0 ? 0 : ((last - first + 1) * FRAME_SAMPLES) / SAMPLE_RATE_HZ,
    voicedDbfs: dbfs(Math.sqrt(voicedEnergy / Math.max(1, voicedCount))),
    voicedFraction: frames.length === 0 ? 0 : voicedCount / frames.length,
    longestInnerSilenceMs: longest * 10,
    pauses,
    clippedSamples: clipped,
  };
}

/** Pearson correlation of two signals over their common length. */
export function correlation(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - meanA;
    const y = b[i]! - meanB;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
}

/** A 16-bit mono WAV of `samples` at 24 kHz. */
export function toWav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32767))), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.byteLength, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(SAMPLE_RATE_HZ * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.byteLength, 40);
  return Buffer.concat([header, data]);
}
