import { BYTES_PER_FRAME, SAMPLE_RATE_HZ, type LatencyStatus, type MemoryStatus } from "@kokoro-speech/protocol";
import { LatencyWindow } from "./latency-window.js";

/** TTFA and RTF percentiles are over this many recent streams / segments. */
export const LATENCY_WINDOW_SIZE = 100;

/** One segment's synthesis, as the engine reported it. */
export interface SynthesisSample {
  inferenceMs: number;
  pcmBytes: number;
  tokens: number;
}

/**
 * Latency measurements the daemon reports in `status` and `/metrics`. TTFA runs from receipt of a `speak` request to
 * its first sample handed to the device; nothing is cached on that path, so every value is a real synthesis.
 */
export class Telemetry {
  private readonly ttfaMs = new LatencyWindow(LATENCY_WINDOW_SIZE);
  private readonly rtf = new LatencyWindow(LATENCY_WINDOW_SIZE);
  private readonly inferenceMsPerToken = new LatencyWindow(LATENCY_WINDOW_SIZE);
  private lastTtfaMs: number | null = null;

  recordTtfa(ms: number): void {
    this.lastTtfaMs = ms;
    this.ttfaMs.add(ms);
  }

  recordSynthesis(sample: SynthesisSample): void {
    const audioMs = (sample.pcmBytes / BYTES_PER_FRAME / SAMPLE_RATE_HZ) * 1000;
    if (audioMs > 0) this.rtf.add(sample.inferenceMs / audioMs);
    if (sample.tokens > 0) this.inferenceMsPerToken.add(sample.inferenceMs / sample.tokens);
  }

  latency(): LatencyStatus {
    return {
      lastTtfaMs: this.lastTtfaMs,
      ttfaMs: this.ttfaMs.summary(),
      rtf: this.rtf.summary(),
      inferenceMsPerToken: this.inferenceMsPerToken.summary(),
    };
  }

  /** The daemon process's own memory; helper processes are added by whoever runs them. */
  memory(): Omit<MemoryStatus, "helperRssBytes"> {
    const usage = process.memoryUsage();
    return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, externalBytes: usage.external };
  }
}
