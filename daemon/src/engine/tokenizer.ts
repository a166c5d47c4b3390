/**
 * Phoneme string → Kokoro token ids. The model's vocabulary has one Unicode code point per symbol, so the string is
 * walked by code point (not UTF-16 unit). Symbols outside the vocabulary cannot reach the model; they are returned
 * rather than silently lost, so the caller can count and log them.
 */
import { PHONEME_VOCAB } from "@kokoro-speech/protocol";

export interface TokenizedPhonemes {
  /** Vocabulary ids in order, without the pads. */
  readonly ids: number[];
  /** Code points that are not in the vocabulary, in order of appearance. */
  readonly dropped: string[];
}

export function tokenizePhonemes(phonemes: string): TokenizedPhonemes {
  const ids: number[] = [];
  const dropped: string[] = [];
  for (const symbol of phonemes) {
    const id = PHONEME_VOCAB.get(symbol);
    if (id === undefined) dropped.push(symbol);
    else ids.push(id);
  }
  return { ids, dropped };
}
