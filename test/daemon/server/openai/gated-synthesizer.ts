/**
 * A TEST FIXTURE: the tone fixture synthesizer (test/fixtures/tone-synthesizer.ts) with a gate and counters, so a
 * test can hold a render between segments and see exactly how many segments were synthesized and whether the
 * render's iterator was closed. Not the code under test: it stands where the Kokoro synthesizer would.
 */
import type {
  SynthesisRequest,
  SynthesizedSegment,
  Synthesizer,
} from "../../../../daemon/src/synthesis/synthesizer.js";
import { createSynthesizer } from "../../../fixtures/tone-synthesizer.js";

export class GatedSynthesizer implements Synthesizer {
  readonly name = "gated-test-fixture";
  /** Segments handed out, over every render. */
  segmentsSynthesized = 0;
  /** Renders started and renders whose iterator was closed (ran out, failed or was returned). */
  rendersStarted = 0;
  rendersClosed = 0;
  private readonly inner = createSynthesizer();
  /** Segments with an index at or above this wait for `open()`; Infinity = never wait. */
  private holdFromIndex = Number.POSITIVE_INFINITY;
  private opened: Promise<void> = Promise.resolve();
  private openGate: () => void = () => {};

  validate(request: SynthesisRequest): void {
    this.inner.validate(request);
  }

  /** Holds every render before segment `index` until `open()`. */
  holdFrom(index: number): void {
    this.holdFromIndex = index;
    this.opened = new Promise((resolve) => (this.openGate = resolve));
  }

  open(): void {
    this.holdFromIndex = Number.POSITIVE_INFINITY;
    this.openGate();
  }

  segments(request: SynthesisRequest): AsyncIterator<SynthesizedSegment> {
    this.rendersStarted++;
    return this.render(request);
  }

  private async *render(request: SynthesisRequest): AsyncGenerator<SynthesizedSegment> {
    const inner = this.inner.segments(request);
    try {
      for (let index = 0; ; index++) {
        if (index >= this.holdFromIndex) await this.opened;
        const next = await inner.next();
        if (next.done) return;
        this.segmentsSynthesized++;
        yield next.value;
      }
    } finally {
      this.rendersClosed++;
    }
  }
}
