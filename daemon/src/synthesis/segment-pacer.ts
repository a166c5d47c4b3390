import { SAMPLE_RATE_HZ } from "@kokoro-speech/shared";

/**
 * The next segment is synthesized while the previous one plays, so its inference must end before that audio runs
 * out. Merged segments grow (text/segmenter.ts doubles them) to cut the number of inferences; on a machine where the
 * model is barely faster than real time, doubling outruns the audio queued and playback stalls. The pacer caps a
 * segment's tokens at what the machine can synthesize within a safety share of the previous segment's audio.
 */
export const SAFETY_SHARE = 0.7;
/** Never below a short clause: tiny segments sound choppy and cost an inference each. */
export const MIN_MERGE_CAP_TOKENS = 24;

export class SegmentPacer {
  private msPerToken: number | null = null;
  private lastAudioMs = 0;

  /** One synthesized segment: its inference time, tokens and audio length. */
  record(inferenceMs: number, tokens: number, samples: number): void {
    if (tokens <= 0) return;
    const perToken = inferenceMs / tokens;
    // Smoothed, so one slow inference (a GC pause) does not collapse the segments that follow.
    this.msPerToken = this.msPerToken === null ? perToken : 0.5 * this.msPerToken + 0.5 * perToken;
    this.lastAudioMs = (samples / SAMPLE_RATE_HZ) * 1000;
  }

  /** The most tokens the next segment may merge up to; unlimited until a segment was measured. */
  mergeCapTokens(): number {
    if (this.msPerToken === null || this.msPerToken <= 0) return Number.POSITIVE_INFINITY;
    const affordable = Math.floor((SAFETY_SHARE * this.lastAudioMs) / this.msPerToken);
    return Math.max(MIN_MERGE_CAP_TOKENS, affordable);
  }
}
