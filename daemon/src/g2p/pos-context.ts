/**
 * A small stand-in for Misaki's part-of-speech tagger (spaCy): guesses the tag of a word that has entries by part
 * of speech from the words around it. The cues are word lists (data, not code). Tags follow Misaki's lexicon keys:
 * VB base form, VBP present, VBD past / VBN participle, NOUN, DT.
 */

import type { PosKey } from "./lexicon.js";

export type PosTag = Exclude<PosKey, "DEFAULT" | "None">;

/** Words after which a verb's base form follows: "to record", "will live", "please read". */
const BASE_FORM_CUES: ReadonlySet<string> = new Set([
  ...["to", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "cannot", "please"],
  ...["do", "does", "did", "don't", "doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't"],
  ...["let's", "not", "i'll", "you'll", "we'll", "they'll", "he'll", "she'll", "i'd", "you'd", "we'd", "they'd"],
]);

/** Subjects after which a present (or past) finite verb follows: "they object", "I read". */
const PRESENT_CUES: ReadonlySet<string> = new Set([
  ...["i", "you", "we", "they", "who", "people", "often", "also", "always", "never", "usually", "sometimes"],
]);

/** Words after which a past tense or participle follows: "have read", "was read", "he read". */
const PAST_CUES: ReadonlySet<string> = new Set([
  ...["have", "has", "had", "having", "i've", "you've", "we've", "they've", "he's", "she's", "it's"],
  ...["was", "were", "been", "being", "is", "are", "be", "already", "just", "he", "she", "it", "yesterday"],
  ...["get", "got", "gets", "getting"],
]);

/** Determiners, possessives and prepositions: the next word is a noun (or an adjective before one). */
const NOUN_CUES: ReadonlySet<string> = new Set([
  ...["the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their"],
  ...["some", "any", "no", "every", "each", "another", "of", "in", "for", "new", "old", "first", "last", "on"],
  ...["with", "from", "at", "by", "about", "into", "under", "over", "after", "before", "without", "and", "or"],
]);

/**
 * Guesses the part of speech of a word from the lowercase word before it (undefined at the start of a sentence or
 * after punctuation). Returns undefined when nothing suggests a tag, so the entry's DEFAULT applies.
 */
export function guessPosTag(previousWord: string | undefined): PosTag | undefined {
  if (previousWord === undefined) return undefined;
  if (PAST_CUES.has(previousWord)) return "VBD";
  if (BASE_FORM_CUES.has(previousWord)) return "VB";
  if (PRESENT_CUES.has(previousWord)) return "VBP";
  if (NOUN_CUES.has(previousWord)) return "NOUN";
  return undefined;
}

/** Misaki's `get_parent_tag`: VB… → VERB, NN… → NOUN, RB… → ADV, JJ… → ADJ. */
export function parentTag(tag: PosTag): PosKey {
  if (tag.startsWith("VB")) return "VERB";
  if (tag.startsWith("NN")) return "NOUN";
  if (tag.startsWith("RB") || tag.startsWith("ADV")) return "ADV";
  if (tag.startsWith("JJ") || tag.startsWith("ADJ")) return "ADJ";
  return tag;
}
