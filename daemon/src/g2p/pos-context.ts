/**
 * A small stand-in for Misaki's part-of-speech tagger: guesses whether a heteronym is used as a verb, a past
 * participle or a noun from the word before it. Misaki uses spaCy; here the cues are word lists (data, not code).
 */

import type { PosKey } from "./lexicon.js";

/** Words after which the next word is a verb: "to record", "will live", "they object". */
const VERB_CUES: ReadonlySet<string> = new Set([
  ...["to", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "cannot", "please"],
  ...["do", "does", "did", "don't", "doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't"],
  ...["i", "you", "we", "they", "who", "people", "let's", "not", "often", "also", "always", "never"],
]);

/** Words after which a past participle follows: "have read", "was read". */
const PARTICIPLE_CUES: ReadonlySet<string> = new Set([
  ...["have", "has", "had", "having", "i've", "you've", "we've", "they've", "i'd", "you'd", "he'd", "she'd"],
  ...["was", "were", "been", "being", "is", "are", "be", "already", "just", "he", "she", "it"],
]);

/** Determiners and possessives: the next word is a noun (or an adjective before one). */
const NOUN_CUES: ReadonlySet<string> = new Set([
  ...["the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their"],
  ...["some", "any", "no", "every", "each", "another", "of", "in", "for", "new", "old", "first", "last"],
]);

/**
 * Guesses the part of speech of a heteronym from the lowercase word before it (undefined at the start of a
 * sentence). Returns undefined when nothing suggests a tag, so the entry's DEFAULT applies.
 */
export function guessPosTag(previousWord: string | undefined): Exclude<PosKey, "DEFAULT" | "None"> | undefined {
  if (previousWord === undefined) return undefined;
  if (PARTICIPLE_CUES.has(previousWord)) return "VBD";
  if (VERB_CUES.has(previousWord)) return "VERB";
  if (NOUN_CUES.has(previousWord)) return "NOUN";
  return undefined;
}
