/**
 * A small stand-in for Misaki's part-of-speech tagger (spaCy): guesses the tag of a word that has entries by part
 * of speech from the words around it. The cues are word lists (data, not code). Tags follow Misaki's lexicon keys:
 * VB base form, VBP present, VBD past / VBN participle, NOUN, ADJ, DT. Measured on the parity harness
 * (test/real-model/g2p-parity.ts), not tuned to it word by word.
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

/** Auxiliaries that open a question: "did you read", "have you read" take the base form. */
const QUESTION_AUXILIARIES: ReadonlySet<string> = new Set([
  ...["do", "does", "did", "will", "would", "can", "could", "should", "shall", "may", "might", "must"],
  ...["have", "has", "had"],
]);

/** Words that start a noun phrase or stand for one: a verb is the likely word before them. */
const OBJECT_STARTS: ReadonlySet<string> = new Set([
  ...["the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their"],
  ...["some", "any", "every", "each", "all", "me", "him", "us", "them", "it"],
]);

/** Function words: after "the X", one of these means X is the noun itself, not a modifier of a noun. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...["of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "but", "is", "was", "are", "were"],
  ...["has", "had", "have", "will", "would", "can", "could", "should", "that", "which", "who", "as", "than"],
]);

/** Where a word stands: the two words before it and the one after (lowercase, undefined across punctuation). */
export interface PosContext {
  readonly previousWord?: string;
  readonly secondPreviousWord?: string;
  readonly nextWord?: string;
}

function isCue(word: string): boolean {
  return (
    PAST_CUES.has(word) ||
    BASE_FORM_CUES.has(word) ||
    PRESENT_CUES.has(word) ||
    NOUN_CUES.has(word) ||
    QUESTION_AUXILIARIES.has(word)
  );
}

/**
 * Guesses the part of speech of a word from the words around it. Returns undefined when nothing suggests a tag,
 * so the entry's DEFAULT applies.
 */
export function guessPosTag(context: PosContext): PosTag | undefined {
  const { previousWord, secondPreviousWord, nextWord } = context;
  if (previousWord === undefined) return undefined;
  if (PAST_CUES.has(previousWord)) return "VBD";
  if (BASE_FORM_CUES.has(previousWord)) return "VB";
  if (PRESENT_CUES.has(previousWord)) {
    return secondPreviousWord !== undefined && QUESTION_AUXILIARIES.has(secondPreviousWord) ? "VB" : "VBP";
  }
  if (NOUN_CUES.has(previousWord)) {
    // "a close friend": a content word follows, so this one modifies it.
    return nextWord === undefined || FUNCTION_WORDS.has(nextWord) ? "NOUN" : "ADJ";
  }
  // "the teacher read the poem": after a content word and before an object, a finite verb (past, for "read").
  if (nextWord !== undefined && OBJECT_STARTS.has(nextWord) && !isCue(previousWord)) return "VBD";
  return undefined;
}

/** Words before which "that" is a conjunction or relative pronoun, not a demonstrative: "said that the…". */
const CLAUSE_STARTS: ReadonlySet<string> = new Set([
  ...["the", "a", "an", "this", "these", "those", "my", "your", "his", "her", "its", "our", "their", "most"],
  ...["i", "you", "we", "they", "he", "she", "it", "there", "some", "all", "no", "every", "each", "many"],
]);

/** Words after which "that" points at something: "hear that noise", "if that's easier", "all that". */
const DEMONSTRATIVE_CUES: ReadonlySet<string> = new Set([
  ...["if", "is", "was", "like", "all", "about", "of", "in", "at", "for", "with", "on", "from", "by", "ever"],
  ...["hear", "heard", "see", "saw", "believe", "read", "do", "did", "does", "love", "want", "need", "take"],
]);

/**
 * Whether "that" is a determiner or demonstrative pronoun (Misaki's DT, stressed ðˈæt) rather than a conjunction
 * or relative pronoun (unstressed ðæt): at the start or end of a phrase, or after a cue, unless a clause follows.
 */
export function isDemonstrativeThat(context: PosContext): boolean {
  const { previousWord, nextWord } = context;
  if (nextWord !== undefined && CLAUSE_STARTS.has(nextWord)) return false;
  if (previousWord === undefined || nextWord === undefined) return true;
  return DEMONSTRATIVE_CUES.has(previousWord) || nextWord === "'s";
}

/** Misaki's `get_parent_tag`: VB… → VERB, NN… → NOUN, RB… → ADV, JJ… → ADJ. */
export function parentTag(tag: PosTag): PosKey {
  if (tag.startsWith("VB")) return "VERB";
  if (tag.startsWith("NN")) return "NOUN";
  if (tag.startsWith("RB") || tag.startsWith("ADV")) return "ADV";
  if (tag.startsWith("JJ") || tag.startsWith("ADJ")) return "ADJ";
  return tag;
}
