/**
 * Splits a phoneme string so that no piece holds more than `MAX_PHONEME_TOKENS` vocabulary tokens — the most one
 * Kokoro inference accepts. Nothing is dropped or repeated: the pieces concatenate to the input. The text stage
 * already splits at sentences, so this is the safety net for an over-long sentence.
 *
 * Each piece is cut after the strongest boundary inside the token budget: sentence punctuation, then `: ;`, then
 * `, —`, then a space. Only a run with no boundary at all (one word longer than the budget) is cut between code
 * points. Symbols outside the vocabulary do not count against the budget (they never reach the model).
 */
import { MAX_PHONEME_TOKENS, PHONEME_VOCAB } from "@kokoro-speech/protocol";

/** Boundary symbols from strongest to weakest (kokoro-model.md §5). */
const BOUNDARY_TIERS: readonly ReadonlySet<string>[] = [
  new Set([".", "!", "?", "…"]),
  new Set([":", ";"]),
  new Set([",", "—"]),
  new Set([" "]),
];

/**
 * Closing marks and spaces that belong with the boundary before them, so the next piece starts with a word rather
 * than a stray `”` or space.
 */
const TRAILING_SYMBOLS: ReadonlySet<string> = new Set([")", "”", '"', " "]);

export function splitPhonemesByTokenLimit(phonemes: string, maxTokens: number = MAX_PHONEME_TOKENS): string[] {
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new RangeError("maxTokens must be a positive integer");
  // Fast path: the UTF-16 length bounds both the code point count and the token count.
  if (phonemes.length <= maxTokens) return [phonemes];
  const symbols = Array.from(phonemes);
  const pieces: string[] = [];
  let start = 0;
  while (start < symbols.length) {
    const windowEnd = endOfTokenBudget(symbols, start, maxTokens);
    if (windowEnd === symbols.length) {
      pieces.push(symbols.slice(start).join(""));
      break;
    }
    const cut = findCut(symbols, start, windowEnd);
    pieces.push(symbols.slice(start, cut).join(""));
    start = cut;
  }
  return pieces;
}

/** Index just past the last symbol that still fits `maxTokens` tokens counted from `start` (or the end). */
function endOfTokenBudget(symbols: readonly string[], start: number, maxTokens: number): number {
  let tokens = 0;
  for (let i = start; i < symbols.length; i++) {
    if (!PHONEME_VOCAB.has(symbols[i] as string)) continue;
    if (tokens === maxTokens) return i;
    tokens++;
  }
  return symbols.length;
}

/** Where to end the piece that starts at `start` and must end at or before `windowEnd`. */
function findCut(symbols: readonly string[], start: number, windowEnd: number): number {
  for (const tier of BOUNDARY_TIERS) {
    for (let i = windowEnd - 1; i >= start; i--) {
      if (tier.has(symbols[i] as string)) return extendOverTrailingSymbols(symbols, i + 1, windowEnd);
    }
  }
  // One word longer than the whole budget: the only case where a piece ends mid-word.
  return windowEnd;
}

function extendOverTrailingSymbols(symbols: readonly string[], cut: number, windowEnd: number): number {
  let end = cut;
  while (end < windowEnd && TRAILING_SYMBOLS.has(symbols[end] as string)) end++;
  return end;
}
