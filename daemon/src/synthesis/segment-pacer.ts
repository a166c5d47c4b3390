import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";

/**
 * The next segment is synthesized while the previous one plays, so its inference must end before that audio runs
 * out. Merged segments grow (text/segmenter.ts doubles them) to cut the number of inferences; on a machine where the
 * model is barely faster than real time, doubling outruns the audio queued and playback stalls. The pacer caps a
 * segment's tokens at what the machine can synthesize within a safety share of the previous segment's audio.
 */
export const SAFETY_SHARE = 0.7;
/** Never below a short clause: tiny segments sound choppy and cost an inference each. */
export const MIN_MERGE_CAP_TOKENS = 24;

/**
 * The machine's speed, learned across streams: inference ms and audio ms per token. The segment after the primer is
 * cut before the primer is synthesized (the segmenter looks one piece ahead), so only what earlier streams taught can
 * cap it.
 */
export class PaceHistory {
  msPerToken: number | null = null;
  audioMsPerToken: number | null = null;

  record(inferenceMs: number, tokens: number, audioMs: number): void {
    if (tokens <= 0) return;
    // Smoothed, so one slow inference (a GC pause) does not collapse the segments that follow.
    const smooth = (previous: number | null, next: number): number =>
      previous === null ? next : 0.5 * previous + 0.5 * next;
    this.msPerToken = smooth(this.msPerToken, inferenceMs / tokens);
    this.audioMsPerToken = smooth(this.audioMsPerToken, audioMs / tokens);
  }
}

/** One stream's pacing: the audio of its last segment and the machine's speed. */
export class SegmentPacer {
  private readonly history: PaceHistory;
  private lastAudioMs: number | null = null;

  constructor(history: PaceHistory = new PaceHistory()) {
    this.history = history;
  }

  /** One synthesized segment: its inference time, tokens and audio length. */
  record(inferenceMs: number, tokens: number, samples: number): void {
    if (tokens <= 0) return;
    const audioMs = (samples / SAMPLE_RATE_HZ) * 1000;
    this.history.record(inferenceMs, tokens, audioMs);
    this.lastAudioMs = audioMs;
  }

  /** The most tokens the next segment may reach; unlimited until the machine's speed is known. */
  mergeCapTokens(): number {
    const { msPerToken, audioMsPerToken } = this.history;
    if (msPerToken === null || msPerToken <= 0) return Number.POSITIVE_INFINITY;
    // Before this stream's first segment is measured, assume a primer of the shortest clause we allow.
    const queuedAudioMs = this.lastAudioMs ?? MIN_MERGE_CAP_TOKENS * (audioMsPerToken ?? 0);
    const affordable = Math.floor((SAFETY_SHARE * queuedAudioMs) / msPerToken);
    return Math.max(MIN_MERGE_CAP_TOKENS, affordable);
  }
}
