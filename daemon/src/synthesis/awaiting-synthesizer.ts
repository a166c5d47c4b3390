/**
 * A synthesizer that stands in for one still loading: requests are accepted at once, and their segments start once
 * the real synthesizer is there. The request is checked then (voice, language), so a bad voice ends the stream with
 * its code instead of being refused up front; a model that fails to load ends it with `model_unavailable`.
 */
import type { SegmentStart, SynthesisRequest, SynthesizedSegment, Synthesizer } from "../synthesizer/synthesizer.js";

async function* segmentsOnceReady(
  whenReady: () => Promise<Synthesizer>,
  request: SynthesisRequest,
  from: SegmentStart | undefined,
): AsyncGenerator<SynthesizedSegment> {
  const synthesizer = await whenReady();
  synthesizer.validate(request);
  const iterator = synthesizer.segments(request, from);
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** `whenReady` resolves with the real synthesizer, or rejects (with `model_unavailable`) when there will be none. */
export function awaitingSynthesizer(name: string, whenReady: () => Promise<Synthesizer>): Synthesizer {
  return {
    name,
    // Nothing to check against yet: the voices load with the model. The request is checked once it is ready.
    validate: () => {},
    segments: (request, from) => segmentsOnceReady(whenReady, request, from),
  };
}
