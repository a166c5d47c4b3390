/**
 * Resolves one word to phonemes without the espeak fallback: user lexicon, Misaki's special cases, heteronyms by
 * context, the compiled lexicon, inflection rules and letter-by-letter spelling (kokoro-model.md §8.4–8.9).
 */

import type { Lexicon } from "./lexicon.js";
import { resolveInflection } from "./morphology.js";
import { CONSONANTS, VOWELS } from "./phoneme-sets.js";
import { guessPosTag } from "./pos-context.js";
import { isSpellable, spellWord } from "./spell.js";
import { applyStress } from "./stress.js";

/** A user's own pronunciations: word (exact, or lowercase) → phonemes. */
export type UserLexicon = ReadonlyMap<string, string>;

/** What surrounds a word; the next word is already resolved, because G2P works right to left. */
export interface WordContext {
  /** The previous word, lowercase; undefined at the start or after punctuation. */
  readonly previousWord?: string;
  /** The next word, lowercase; undefined when punctuation or the end follows. */
  readonly nextWord?: string;
  /** Phonemes of the next word; undefined when punctuation or the end follows. */
  readonly nextPhonemes?: string;
}

export type WordSource = "user" | "lexicon" | "rules";

export interface ResolvedWord {
  readonly phonemes: string;
  readonly source: WordSource;
}

/** Misaki's `future_vowel`: whether the next word starts with a vowel sound; undefined when nothing follows. */
export function startsWithVowel(phonemes: string | undefined): boolean | undefined {
  if (phonemes === undefined) return undefined;
  for (const symbol of phonemes) {
    if (VOWELS.has(symbol)) return true;
    if (CONSONANTS.has(symbol)) return false;
  }
  return undefined;
}

/** Stress hint from letter case (Misaki): Capitalised 0.5, ALL-CAPS 2, lowercase none. */
function caseStress(word: string): number | undefined {
  if (word === word.toLowerCase()) return undefined;
  return word === word.toUpperCase() && word.length > 1 ? 2 : 0.5;
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Misaki's special cases (§8.7) for a, an, am, the, to, I, used, vs. */
function resolveSpecialCase(word: string, context: WordContext, lexicon: Lexicon): string | undefined {
  const lower = word.toLowerCase();
  const nextVowel = startsWithVowel(context.nextPhonemes);
  switch (lower) {
    case "a":
      return word === "a" || context.nextPhonemes !== undefined ? "ɐ" : "ˈA";
    case "an":
      return "ɐn";
    case "am":
      return word === "am" && context.nextPhonemes !== undefined ? "ɐm" : lexicon.lookup("am");
    case "the":
      return nextVowel === true ? "ði" : "ðə";
    case "to":
      if (nextVowel === undefined) return lexicon.lookup("to");
      return nextVowel ? "tʊ" : "tə";
    case "i":
      return word === "I" ? "ˌI" : undefined;
    case "vs":
      return lexicon.lookup("versus");
    case "used": {
      const entry = lexicon.heteronym("used");
      return context.nextWord === "to" ? (entry?.VBD ?? entry?.DEFAULT) : entry?.DEFAULT;
    }
    default:
      return undefined;
  }
}

function resolveHeteronym(lower: string, context: WordContext, lexicon: Lexicon): string | undefined {
  const entry = lexicon.heteronym(lower);
  if (!entry) return undefined;
  if (context.nextPhonemes === undefined && entry.None !== undefined) return entry.None;
  const tag = guessPosTag(context.previousWord);
  return (tag === undefined ? undefined : entry[tag]) ?? entry.DEFAULT;
}

function stripDiacritics(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** Lexicon lookup of a lowercase word, then the same without diacritics (café → cafe). */
function lookupPlain(lower: string, lexicon: Lexicon): string | undefined {
  const plain = stripDiacritics(lower);
  return lexicon.lookup(lower) ?? (plain === lower ? undefined : lexicon.lookup(plain));
}

function resolveFromLexicon(word: string, context: WordContext, lexicon: Lexicon): string | undefined {
  if (/^[A-Z]$/.test(word)) return lexicon.lookup(word);
  const lower = word.toLowerCase();
  const known = resolveHeteronym(lower, context, lexicon) ?? lookupPlain(lower, lexicon);
  if (known !== undefined) return known;
  if (isAllCaps(word) && isSpellable(word)) return spellWord(word, lexicon);
  // "dogs'" sounds like "dogs".
  if (lower.endsWith("s'")) return resolveFromLexicon(word.slice(0, -1), context, lexicon);
  const lookupStem = (stem: string): string | undefined => lookupPlain(stem, lexicon);
  return resolveInflection(lower, lookupStem, lexicon.variant);
}

/**
 * Resolves a word (one part of a compound, letters/digits/apostrophes only) without the espeak fallback.
 * Returns undefined when only the fallback can help. Never throws.
 */
export function resolveWord(
  word: string,
  context: WordContext,
  lexicon: Lexicon,
  userLexicon?: UserLexicon,
): ResolvedWord | undefined {
  const user = userLexicon?.get(word) ?? userLexicon?.get(word.toLowerCase());
  if (user !== undefined) return { phonemes: user, source: "user" };
  const special = resolveSpecialCase(word, context, lexicon);
  if (special !== undefined) return { phonemes: special, source: "rules" };
  if (/^[0-9]+$/.test(word)) {
    const digits = spellWord(word, lexicon);
    return digits === undefined ? undefined : { phonemes: digits, source: "rules" };
  }
  const phonemes = resolveFromLexicon(word, context, lexicon);
  if (phonemes === undefined || phonemes === "") return undefined;
  return { phonemes: applyStress(phonemes, caseStress(word)), source: "lexicon" };
}
