import { ProtocolError } from "@kokoro-speech/shared";
import type { G2P } from "../g2p/index.js";
import { variantForVoice } from "../g2p/index.js";
import type { KokoroEngine, VoiceStore } from "../engine/index.js";
import { parseVoiceSpec } from "../engine/index.js";
import { estimatePhonemeTokens, segmentText, type TextCounters } from "../text/index.js";
import type { SynthesisSample } from "../telemetry/telemetry.js";
import type { SynthesisRequest, SynthesizedSegment, Synthesizer } from "./synthesizer.js";

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

  constructor(options: KokoroSynthesizerOptions) {
    this.options = options;
  }

  validate(request: SynthesisRequest): void {
    const spec = parseVoiceSpec(request.voice);
    for (const component of spec.components) {
      variantForVoice(component.name);
      if (!this.options.voices.has(component.name)) {
        throw new ProtocolError("unknown_voice", `No voice "${component.name}" is installed.`);
      }
    }
  }

  segments(request: SynthesisRequest): AsyncIterator<SynthesizedSegment> {
    return this.render(request);
  }

  private async *render(request: SynthesisRequest): AsyncGenerator<SynthesizedSegment> {
    const { g2p, engine } = this.options;
    const variant = variantForVoice(parseVoiceSpec(request.voice).components[0]!.name);
    const measureTokens = (spoken: string): number =>
      g2p.phonemizeSync(spoken, variant)?.phonemes.length ?? estimatePhonemeTokens(spoken);
    const segmentOptions = this.options.textCounters
      ? { measureTokens, counters: this.options.textCounters }
      : { measureTokens };
    for (const segment of segmentText(request.text, segmentOptions)) {
      const phonemized = await g2p.phonemize(segment.spokenText, variant);
      this.counters.fallbackWords += phonemized.fallbackWords.length;
      this.counters.unknownSymbols += phonemized.unknownSymbols.length;
      const result = await engine.synthesize({
        phonemes: phonemized.phonemes,
        voice: request.voice,
        speed: request.speed,
      });
      this.counters.segments++;
      this.counters.inferences += result.pieces;
      this.counters.tokens += result.tokens;
      this.counters.droppedSymbols += result.droppedSymbols;
      this.options.onSynthesized?.({
        inferenceMs: result.inferenceMs,
        pcmBytes: result.pcm.byteLength,
        tokens: result.tokens,
      });
      yield { index: segment.index, start: segment.start, end: segment.end, pcm: result.pcm };
    }
  }
}
