/**
 * Resolves one word to phonemes without the espeak fallback: user lexicon, Misaki's special cases, heteronyms by
 * context, the compiled lexicon, inflection rules and letter-by-letter spelling (kokoro-model.md §8.4–8.9).
 */

import type { HeteronymEntry, Lexicon } from "./lexicon.js";
import { lookupWithCase } from "./lexicon-case.js";
import { resolveInflection } from "./morphology.js";
import { isNumberWord } from "./number-words.js";
import { CONSONANTS, VOWELS } from "./phoneme-sets.js";
import { guessPosTag, isDemonstrativeThat, parentTag } from "./pos-context.js";
import { isSpellable, spellWord } from "./spell.js";
import { applyStress } from "./stress.js";

/** A user's own pronunciations: word (exact, or lowercase) → phonemes. */
export type UserLexicon = ReadonlyMap<string, string>;

/** What surrounds a word; the next word is already resolved, because G2P works right to left. */
export interface WordContext {
  /** The previous word, lowercase; undefined at the start or after punctuation. */
  readonly previousWord?: string;
  /** The word before the previous one, lowercase; undefined at the start or across punctuation. */
  readonly secondPreviousWord?: string;
  /** The next word, lowercase; undefined when punctuation or the end follows. */
  readonly nextWord?: string;
  /**
   * Phonemes of the nearest following word that has a sound (Misaki's look-ahead skips "a" → ɐ, quotes and
   * brackets); undefined when a sentence or clause mark (, . ; : ! ? — …) or the end comes first.
   */
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

/** Misaki's special cases (§8.7) for a, an, am, the, to, in, I, used, vs, and "point" in a number. */
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
    case "point": {
      // "two point five": unstressed between number words, as Misaki reads a decimal.
      const point = lexicon.lookup("point");
      const inNumber = isNumberWord(context.previousWord) && isNumberWord(context.nextWord);
      return point !== undefined && inNumber ? applyStress(point, -2) : undefined;
    }
    case "in":
      return context.nextPhonemes === undefined ? "ˈɪn" : "ɪn";
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

/** A lexicon entry: phonemes, or phonemes by part of speech. */
type Entry = string | HeteronymEntry;

/** The entry of a key by Misaki's case rule (the exact key, then its other-case form). */
function lookupEntry(key: string, lexicon: Lexicon): Entry | undefined {
  return lookupWithCase<Entry>(key, (candidate) => lexicon.heteronym(candidate) ?? lexicon.lookup(candidate));
}

/**
 * Misaki's choice within an entry by part of speech: `None` when nothing follows, else the guessed tag, its parent
 * tag (VBD → VERB), or DEFAULT.
 */
function pickByTag(entry: Entry, context: WordContext): string {
  if (typeof entry === "string") return entry;
  if (context.nextPhonemes === undefined && entry.None !== undefined) return entry.None;
  if (entry.DT !== undefined && isDemonstrativeThat(context)) return entry.DT;
  const tag = guessPosTag(context);
  if (tag === undefined) return entry.DEFAULT;
  return entry[tag] ?? entry[parentTag(tag)] ?? entry.DEFAULT;
}

function stripDiacritics(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** Lexicon entry of a word, then the same without diacritics (café → cafe). */
function lookupPlain(word: string, lexicon: Lexicon): Entry | undefined {
  // eslint-disable-next-line no-control-regex -- ASCII words (nearly all) skip the Unicode normalisation.
  const plain = /^[\x00-\x7f]*$/.test(word) ? word : stripDiacritics(word);
  return lookupEntry(word, lexicon) ?? (plain === word ? undefined : lookupEntry(plain, lexicon));
}

function resolveFromLexicon(word: string, context: WordContext, lexicon: Lexicon): string | undefined {
  if (/^[A-Z]$/.test(word)) return lexicon.lookup(word);
  const lower = word.toLowerCase();
  // Misaki reads a word in capitals by its lowercase entry when it has none of its own (except ALL-CAPS ones
  // nothing knows, which are spelled below).
  const known = lookupPlain(word, lexicon) ?? (word === lower ? undefined : lookupPlain(lower, lexicon));
  if (known !== undefined) return pickByTag(known, context);
  if (isAllCaps(word) && isSpellable(word)) return spellWord(word, lexicon);
  // "dogs'" sounds like "dogs".
  if (lower.endsWith("s'")) return resolveFromLexicon(word.slice(0, -1), context, lexicon);
  // "that's" is "that" before a verb ('s): the stem is chosen as if "'s" came next.
  const stemContext: WordContext = lower.endsWith("'s") ? { ...context, nextWord: "'s" } : context;
  const lookupStem = (stem: string): string | undefined => {
    if (lexicon.isCmudictOnly(stem)) return undefined;
    const entry = lookupPlain(stem, lexicon);
    return entry === undefined ? undefined : pickByTag(entry, stemContext);
  };
  return resolveInflection(lower, lookupStem, lexicon.variant) ?? resolveClitic(lower, context, lexicon);
}

/** A word and a clitic the lexicon knows separately, read one after the other: they've → they + 've. */
function resolveClitic(lower: string, context: WordContext, lexicon: Lexicon): string | undefined {
  const apostrophe = lower.indexOf("'");
  if (apostrophe <= 0) return undefined;
  const host = lookupPlain(lower.slice(0, apostrophe), lexicon);
  const clitic = lookupPlain(lower.slice(apostrophe), lexicon);
  if (host === undefined || clitic === undefined) return undefined;
  return pickByTag(host, context) + pickByTag(clitic, context);
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
