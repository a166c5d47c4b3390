import type { ModelQuality, ModelStatusReport, SynthesisTotals } from "@kokoro-speech/protocol";

/**
 * The seam between the player and whatever turns text into audio. The Kokoro engine plugs in here; until a model
 * is installed the daemon has no synthesizer and `speak` answers `model_unavailable`.
 */

/**
 * What to speak. `voice` and `speed` are read anew for every segment, so a `set` request that changes them applies
 * to every segment not synthesized yet.
 */
export interface SynthesisRequest {
  readonly text: string;
  voice: string;
  speed: number;
}

/** Where synthesis (re)starts: a source offset in the text and the index its first segment gets. */
export interface SegmentStart {
  offset: number;
  index: number;
}

/** One synthesized segment: its PCM (24 kHz mono s16le) and the span of the request text it speaks. */
export interface SynthesizedSegment {
  index: number;
  /** Source span in the request text, UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  pcm: Buffer;
}

export interface Synthesizer {
  /** Shown in status, never as a voice: e.g. "kokoro" or "test-fixture". */
  readonly name: string;
  /** Checks a request before a stream is created (voice exists, language supported); throws `ProtocolError`. */
  validate(request: SynthesisRequest): void;
  /**
   * Yields the request's segments in order. Pulled lazily: the player asks for the next segment only while its
   * look-ahead has room, so a 100-page text never sits in memory. Throws `ProtocolError` on failure.
   */
  segments(request: SynthesisRequest, from?: SegmentStart): AsyncIterator<SynthesizedSegment>;
}

/** A module passed to `serve --synthesizer-module` exports this as `createSynthesizer`. */
export type SynthesizerFactory = () => Synthesizer | Promise<Synthesizer>;

/** Where the hub gets its synthesizer: ready, or not yet (with the reason as `model_unavailable`). */
export interface SynthesizerRequestOptions {
  /**
   * For speech: while an installed model is being verified or loaded (seconds after the daemon starts), hand out a
   * synthesizer whose segments wait for it instead of refusing. Listings and checks leave it off.
   */
  readonly awaitLoading?: boolean;
}

export interface SynthesizerProvider {
  /** The synthesizer, or throws `model_unavailable` saying why (missing, downloading 42 %, loading, failed). */
  synthesizer(options?: SynthesizerRequestOptions): Synthesizer;
  status(): ModelStatusReport;
  /** Starts installing the model if it is missing; returns the status right after. */
  download(quality?: ModelQuality): ModelStatusReport;
  /** Synthesis totals since start (zeros before a model is loaded). */
  synthesisCounters(): SynthesisTotals;
  /** RSS of the helper processes synthesis runs (0 when none), as they last reported it. */
  helperRssBytes(): number;
  /** Called with every status change. */
  on(event: "status", listener: (status: ModelStatusReport) => void): unknown;
}

export const NO_SYNTHESIS: Readonly<SynthesisTotals> = Object.freeze({
  inferences: 0,
  phonemeTokens: 0,
  droppedSymbols: 0,
  fallbackWords: 0,
  providerFallbacks: 0,
  fallbackStreams: 0,
  memoryCleanups: 0,
  segmentRetries: 0,
});

/** A provider whose synthesizer is always ready (the test fixture loaded with `--synthesizer-module`). */
export class FixedSynthesizerProvider implements SynthesizerProvider {
  private readonly fixed: Synthesizer;

  constructor(synthesizer: Synthesizer) {
    this.fixed = synthesizer;
  }

  synthesizer(): Synthesizer {
    return this.fixed;
  }

  status(): ModelStatusReport {
    return { state: "ready", synthesizer: this.fixed.name };
  }

  download(): ModelStatusReport {
    return this.status();
  }

  synthesisCounters(): SynthesisTotals {
    return { ...NO_SYNTHESIS };
  }

  helperRssBytes(): number {
    return 0;
  }

  on(): this {
    return this;
  }
}
