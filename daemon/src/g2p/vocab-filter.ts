/**
 * The last G2P step: keeps only code points the Kokoro model has tokens for and reports the rest, so nothing
 * vanishes unnoticed between G2P and the tokenizer.
 */

import { isVocabSymbol } from "@kokoro-speech/protocol";

export interface VocabFilterResult {
  readonly phonemes: string;
  /** Distinct code points that were removed, in order of first appearance. */
  readonly unknownSymbols: string[];
}

export function filterToVocab(phonemes: string): VocabFilterResult {
  let kept = "";
  const unknown = new Set<string>();
  for (const symbol of phonemes) {
    if (isVocabSymbol(symbol)) kept += symbol;
    else unknown.add(symbol);
  }
  return { phonemes: kept, unknownSymbols: [...unknown] };
}
