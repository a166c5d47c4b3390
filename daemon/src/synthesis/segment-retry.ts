/**
 * Retrying a failed segment once (`serve --retry-failed-segment`). A segment whose synthesis throws is synthesized
 * again from the same point of the text; if it fails a second time the failure stands and ends the stream as
 * always, so nothing is ever skipped. Off by default: most failures (a broken model file, a bad voice pack) repeat,
 * and a retry only doubles the wait before the user hears why.
 */
import type { ModelQuality, ModelStatusReport, SynthesisTotals } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import type {
  SegmentStart,
  SynthesisRequest,
  SynthesizedSegment,
  Synthesizer,
  SynthesizerProvider,
  SynthesizerRequestOptions,
} from "../synthesizer/synthesizer.js";

/**
 * The segments of `open(from)`, where a failure is answered by opening again at the segment that failed, once per
 * segment. Closing this iterator closes the one it reads.
 */
export async function* segmentsRetryingOnce(
  open: (from: SegmentStart) => AsyncIterator<SynthesizedSegment>,
  from: SegmentStart,
  onRetry: (error: unknown, at: SegmentStart) => void,
): AsyncGenerator<SynthesizedSegment> {
  let at = from;
  let retriedIndex: number | null = null;
  let iterator = open(at);
  try {
    for (;;) {
      let next: IteratorResult<SynthesizedSegment>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (retriedIndex === at.index) throw error;
        retriedIndex = at.index;
        onRetry(error, at);
        iterator = open(at);
        continue;
      }
      if (next.done) return;
      yield next.value;
      at = { offset: next.value.end, index: next.value.index + 1 };
    }
  } finally {
    await iterator.return?.();
  }
}

/** A provider whose synthesizers retry each failed segment once, and which counts the retries. */
export class SegmentRetryProvider implements SynthesizerProvider {
  private readonly base: SynthesizerProvider;
  private readonly log: Logger | undefined;
  private readonly wrapped = new WeakMap<Synthesizer, Synthesizer>();
  private retries = 0;

  constructor(base: SynthesizerProvider, log?: Logger) {
    this.base = base;
    this.log = log;
  }

  synthesizer(options?: SynthesizerRequestOptions): Synthesizer {
    const synthesizer = this.base.synthesizer(options);
    let retrying = this.wrapped.get(synthesizer);
    if (retrying === undefined) {
      retrying = this.retrying(synthesizer);
      this.wrapped.set(synthesizer, retrying);
    }
    return retrying;
  }

  status(): ModelStatusReport {
    return this.base.status();
  }

  download(quality?: ModelQuality): ModelStatusReport {
    return this.base.download(quality);
  }

  synthesisCounters(): SynthesisTotals {
    return { ...this.base.synthesisCounters(), segmentRetries: this.retries };
  }

  helperRssBytes(): number {
    return this.base.helperRssBytes();
  }

  on(event: "status", listener: (status: ModelStatusReport) => void): this {
    this.base.on(event, listener);
    return this;
  }

  private retrying(synthesizer: Synthesizer): Synthesizer {
    const onRetry = (error: unknown, at: SegmentStart): void => {
      this.retries += 1;
      this.log?.warn({ err: error, segment: at.index, offset: at.offset }, "segment synthesis failed; retrying once");
    };
    return {
      name: synthesizer.name,
      validate: (request: SynthesisRequest) => synthesizer.validate(request),
      segments: (request: SynthesisRequest, from: SegmentStart = { offset: 0, index: 0 }) =>
        segmentsRetryingOnce((start) => synthesizer.segments(request, start), from, onRetry),
    };
  }
}
