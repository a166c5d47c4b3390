import type { G2P } from "../g2p/index.js";
import { variantForVoice, type Variant } from "../g2p/index.js";
import type { KokoroEngine, VoiceStore } from "../engine/index.js";
import { checkVoiceSpec, parseVoiceSpec } from "../engine/index.js";
import { estimatePhonemeTokens, segmentTextInSlices, type TextCounters } from "../text/index.js";
import { markStartup } from "../telemetry/startup-timeline.js";
import type { SynthesisSample } from "../telemetry/telemetry.js";
import { PaceHistory, SegmentPacer } from "./segment-pacer.js";
import { trimOptionsFor, trimSilence } from "./trim-silence.js";
import type { SegmentStart, SynthesisRequest, SynthesizedSegment, Synthesizer } from "../synthesizer/synthesizer.js";

/**
 * Phoneme tokens of spoken text, for the segmenter's budget: what the G2P makes of it, or the conservative estimate
 * when a word would need the asynchronous espeak fallback.
 */
export function measurePhonemeTokens(g2p: G2P, spoken: string, variant: Variant): number {
  return g2p.phonemizeSync(spoken, variant)?.phonemes.length ?? estimatePhonemeTokens(spoken);
}

/** Running totals the telemetry reads. */
export interface SynthesisCounters {
  segments: number;
  inferences: number;
  tokens: number;
  droppedSymbols: number;
  fallbackWords: number;
  unknownSymbols: number;
}

export interface KokoroSynthesizerOptions {
  engine: KokoroEngine;
  voices: VoiceStore;
  g2p: G2P;
  textCounters?: TextCounters;
  onSynthesized?: (sample: SynthesisSample) => void;
  /** Trim each segment's leading and trailing silence (keeping natural pauses), as kokoro-onnx does. */
  trimSilence?: boolean;
}

/**
 * The speak path: text → segments (primer first) → Misaki phonemes → Kokoro → PCM, one segment at a time and only
 * when the player pulls the next one. The phonemes computed here are exactly the ones the model receives.
 */
export class KokoroSynthesizer implements Synthesizer {
  readonly name = "kokoro";
  readonly counters: SynthesisCounters = {
    segments: 0,
    inferences: 0,
    tokens: 0,
    droppedSymbols: 0,
    fallbackWords: 0,
    unknownSymbols: 0,
  };
  private readonly options: KokoroSynthesizerOptions;
  private readonly paceHistory = new PaceHistory();

  constructor(options: KokoroSynthesizerOptions) {
    this.options = options;
  }

  /** Every voice named must also have its pack installed. */
  validate(request: SynthesisRequest): void {
    checkVoiceSpec(request.voice, (name) => this.options.voices.has(name));
  }

  segments(request: SynthesisRequest, from: SegmentStart = { offset: 0, index: 0 }): AsyncIterator<SynthesizedSegment> {
    return this.render(request, from);
  }

  private async *render(request: SynthesisRequest, from: SegmentStart): AsyncGenerator<SynthesizedSegment> {
    const { g2p, engine } = this.options;
    const variantNow = (): Variant => variantForVoice(parseVoiceSpec(request.voice).components[0]!.name);
    const measureTokens = (spoken: string): number => measurePhonemeTokens(g2p, spoken, variantNow());
    const pace = new SegmentPacer(this.paceHistory);
    const segmentOptions = {
      measureTokens,
      mergeCapTokens: () => pace.mergeCapTokens(),
      ...(this.options.textCounters ? { counters: this.options.textCounters } : {}),
    };
    // A restart (after `set` with `immediate`) segments the rest of the text; its spans are shifted back.
    const text = request.text.slice(from.offset);
    if (text.trim() === "") return;
    for (const segment of segmentTextInSlices(text, segmentOptions)) {
      const phonemized = await g2p.phonemize(segment.spokenText, variantNow());
      markStartup("firstG2P");
      this.counters.fallbackWords += phonemized.fallbackWords.length;
      this.counters.unknownSymbols += phonemized.unknownSymbols.length;
      const result = await engine.synthesize({
        phonemes: phonemized.phonemes,
        voice: request.voice,
        speed: request.speed,
      });
      markStartup("firstInference");
      pace.record(result.inferenceMs, result.tokens, result.samples);
      this.counters.segments++;
      this.counters.inferences += result.pieces;
      this.counters.tokens += result.tokens;
      this.counters.droppedSymbols += result.droppedSymbols;
      this.options.onSynthesized?.({
        inferenceMs: result.inferenceMs,
        pcmBytes: result.pcm.byteLength,
        tokens: result.tokens,
      });
      yield {
        index: from.index + segment.index,
        start: from.offset + segment.start,
        end: from.offset + segment.end,
        pcm: this.options.trimSilence ? trimSilence(result.pcm, trimOptionsFor(segment.spokenText)) : result.pcm,
      };
    }
  }
}
