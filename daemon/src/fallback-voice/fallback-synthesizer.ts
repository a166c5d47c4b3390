import { checkVoiceSpec, languageOfVoiceSpec, parseVoiceSpec, type VoiceLanguage } from "../engine/index.js";
import { markStartup } from "../telemetry/startup-timeline.js";
import { segmentTextInSlices } from "../text/index.js";
import type { SegmentStart, SynthesisRequest, SynthesizedSegment, Synthesizer } from "../synthesizer/synthesizer.js";
import { EspeakVoice, type EspeakLanguage } from "./espeak-voice.js";
import { FALLBACK_SYNTHESIZER_NAME } from "./name.js";

/** espeak-ng's American voice for `a…` voices, its British (RP) one for `b…` voices, as kokoro-js maps them. */
const ESPEAK_LANGUAGE: Readonly<Record<VoiceLanguage, EspeakLanguage>> = { "en-us": "en-us", "en-gb": "en" };

export interface FallbackCounters {
  /** Distinct requests spoken (a restart after `set` is the same stream). */
  streams: number;
  segments: number;
}

/**
 * Speaks with espeak-ng's own voice while the Kokoro model is missing. Text is segmented exactly as for Kokoro, so
 * segment spans, skipping and `set` behave the same; each segment's spoken text is rendered by espeak-ng.
 *
 * It cannot honour the voice asked for: every American voice (`a…`) sounds like espeak's `en-us` and every British
 * one (`b…`) like its `en`, whatever the name or blend. Only the first voice of a blend counts, as for the G2P.
 */
export class FallbackSynthesizer implements Synthesizer {
  readonly name = FALLBACK_SYNTHESIZER_NAME;
  readonly counters: FallbackCounters = { streams: 0, segments: 0 };
  private readonly voice: EspeakVoice;
  /** The hub keeps one request object per stream and reuses it when `set` restarts synthesis. */
  private readonly seenRequests = new WeakSet<SynthesisRequest>();

  constructor(voice: EspeakVoice) {
    this.voice = voice;
  }

  /** The same check as Kokoro's (a voice Kokoro would not know is refused here too), except that no pack is needed. */
  validate(request: SynthesisRequest): void {
    checkVoiceSpec(request.voice);
  }

  segments(request: SynthesisRequest, from: SegmentStart = { offset: 0, index: 0 }): AsyncIterator<SynthesizedSegment> {
    if (!this.seenRequests.has(request)) {
      this.seenRequests.add(request);
      this.counters.streams++;
    }
    return this.render(request, from);
  }

  /** Stops the espeak-ng worker; a later render starts it again. */
  close(): Promise<void> {
    return this.voice.close();
  }

  private async *render(request: SynthesisRequest, from: SegmentStart): AsyncGenerator<SynthesizedSegment> {
    // A restart (after `set` with `immediate`) segments the rest of the text; its spans are shifted back.
    const text = request.text.slice(from.offset);
    if (text.trim() === "") return;
    for (const segment of segmentTextInSlices(text)) {
      // Voice and speed are read per segment, so `set` applies to every segment not rendered yet.
      const language = ESPEAK_LANGUAGE[languageOfVoiceSpec(parseVoiceSpec(request.voice))];
      const pcm = await this.voice.render(segment.spokenText, { language, speed: request.speed });
      markStartup("firstInference");
      this.counters.segments++;
      yield {
        index: from.index + segment.index,
        start: from.offset + segment.start,
        end: from.offset + segment.end,
        pcm,
      };
    }
  }
}

/**
 * The fallback synthesizer, or `null` when the `espeak-ng` package is not installed or cannot be loaded. Starts a
 * worker thread (~50 ms, off the daemon's thread); call it only when the fallback may be needed.
 */
export async function createFallbackSynthesizer(): Promise<FallbackSynthesizer | null> {
  const voice = await EspeakVoice.load();
  return voice ? new FallbackSynthesizer(voice) : null;
}
