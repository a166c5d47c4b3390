/**
 * The speak path's front end as `KokoroSynthesizer` runs it (segment with G2P-measured token counts, phonemize each
 * segment, tokenize), for benchmarks that must measure exactly that path outside the daemon. The G2P is built fresh
 * per measured run so the espeak fallback's word cache starts empty: benchmarks run with caches off.
 */
import { tokenizePhonemes } from "../../daemon/src/engine/index.js";
import { measurePhonemeTokens } from "../../daemon/src/synthesis/kokoro-synthesizer.js";
import { createEspeakFallback, createG2P, type G2P, type Lexicon, type Variant } from "../../daemon/src/g2p/index.js";
import {
  ensureSentenceEnd,
  normalizeText,
  segmentText,
  splitSentences,
  type Segment,
} from "../../daemon/src/text/index.js";

export const BENCH_VARIANT: Variant = "en-us";

/** A G2P and the means to end the espeak-ng helper process its fallback may have started. */
export interface FreshG2P {
  readonly g2p: G2P;
  close(): Promise<void>;
}

/**
 * A G2P with an empty fallback cache, or without the fallback when `withFallback` is false. Close it once done
 * (untimed): each fallback starts its own helper process, and a benchmark must leave none running.
 */
export function freshG2P(lexicon: Lexicon, withFallback: boolean): FreshG2P {
  const lexicons = { [BENCH_VARIANT]: lexicon };
  if (!withFallback) return { g2p: createG2P({ lexicons }), close: async () => {} };
  const fallback = createEspeakFallback();
  return { g2p: createG2P({ lexicons, fallback }), close: () => fallback.close() };
}

/** Runs `work` on a fresh G2P and closes it afterwards, whatever happens. */
export async function withFreshG2P<T>(
  lexicon: Lexicon,
  withFallback: boolean,
  work: (g2p: G2P) => Promise<T>,
): Promise<T> {
  const fresh = freshG2P(lexicon, withFallback);
  try {
    return await work(fresh.g2p);
  } finally {
    await fresh.close();
  }
}

/** The segments of `text` as the synthesizer cuts them: token counts from G2P, the estimate where it must wait. */
export function speakSegments(text: string, g2p: G2P): Iterable<Segment> {
  return segmentText(text, { measureTokens: (spoken) => measurePhonemeTokens(g2p, spoken, BENCH_VARIANT) });
}

/** Token ids of one segment, as the engine would receive them (pads excluded). */
export async function segmentTokenIds(segment: Segment, g2p: G2P): Promise<number[]> {
  const { phonemes } = await g2p.phonemize(segment.spokenText, BENCH_VARIANT);
  return tokenizePhonemes(phonemes).ids;
}

/** Phoneme tokens of the whole text through the front end (the number proves the work was done). */
export async function frontEndTokenCount(text: string, g2p: G2P): Promise<number> {
  let tokens = 0;
  for (const segment of speakSegments(text, g2p)) tokens += (await segmentTokenIds(segment, g2p)).length;
  return tokens;
}

/** Phonemes of the first full sentence of `text`, through the same normalization and G2P as the speak path. */
export async function firstSentencePhonemes(text: string, g2p: G2P): Promise<string> {
  const [first] = splitSentences(text);
  if (first === undefined) throw new RangeError("the text has no sentence");
  return (await g2p.phonemize(ensureSentenceEnd(normalizeText(first.text)), BENCH_VARIANT)).phonemes;
}
