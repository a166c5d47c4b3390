/**
 * Compiles the lexicon asset of one variant: Misaki's own lexicons (gold over silver, from assets/misaki) first,
 * then CMUdict (ARPAbet) plus the hand-written overrides for every word Misaki lacks. Pure: the dictionaries come
 * in, the asset object goes out.
 */

import { arpabetToMisaki } from "../arpabet-to-misaki.js";
import type { HeteronymEntry, LexiconData, PosKey } from "../lexicon.js";
import {
  ARPABET_FIXES,
  EXTRA_WORDS,
  FUNCTION_WORDS,
  LETTER_NAMES,
  STRESS_SHIFT_HETERONYMS,
  STRESSED_WHEN_FINAL,
  VOWEL_HETERONYMS,
} from "../lexicon-overrides.js";
import { lookupWithCase } from "../lexicon-case.js";
import { joinSpelledNames } from "../spell.js";
import { applyStress } from "../stress.js";
import type { Variant } from "../phoneme-sets.js";
import { CMUDICT_NOTICE } from "./cmudict-notice.js";
import type { MisakiTable } from "./misaki-table.js";

/** CMUdict writes alternates as `word(2)`, `word(3)`. */
const ALTERNATE_KEY = /^(.+)\((\d+)\)$/;

function pick(pair: readonly [string, string], variant: Variant): string {
  return variant === "en-us" ? pair[0] : pair[1];
}

/** Whether the primary stress falls on the first vowel of an ARPAbet string. */
function isStressedOnFirstVowel(arpabet: string): boolean {
  const firstVowel = arpabet.split(" ").find((phone) => /\d$/.test(phone));
  return firstVowel?.endsWith("1") ?? false;
}

function collectAlternates(dictionary: Readonly<Record<string, string>>, word: string): string[] {
  const alternates: string[] = [];
  for (let n = 1; ; n++) {
    const arpabet = dictionary[n === 1 ? word : `${word}(${n})`];
    if (arpabet === undefined) return alternates;
    alternates.push(arpabet);
  }
}

function stressShiftEntry(
  dictionary: Readonly<Record<string, string>>,
  word: string,
  variant: Variant,
): HeteronymEntry | undefined {
  const alternates = collectAlternates(dictionary, word);
  const noun = alternates.find(isStressedOnFirstVowel);
  const verb = alternates.find((arpabet) => !isStressedOnFirstVowel(arpabet));
  if (noun === undefined || verb === undefined) return undefined;
  const nounPhonemes = arpabetToMisaki(noun, variant, word);
  return { DEFAULT: nounPhonemes, NOUN: nounPhonemes, VERB: arpabetToMisaki(verb, variant, word) };
}

function compileHeteronyms(
  dictionary: Readonly<Record<string, string>>,
  variant: Variant,
): Record<string, HeteronymEntry> {
  const heteronyms: Record<string, HeteronymEntry> = {};
  for (const word of STRESS_SHIFT_HETERONYMS) {
    const entry = stressShiftEntry(dictionary, word, variant);
    if (entry) heteronyms[word] = entry;
  }
  for (const [word, byTag] of Object.entries(VOWEL_HETERONYMS)) {
    const entry: Partial<Record<PosKey, string>> = {};
    for (const [tag, arpabet] of Object.entries(byTag)) entry[tag as PosKey] = arpabetToMisaki(arpabet, variant, word);
    heteronyms[word] = entry as HeteronymEntry;
  }
  for (const word of STRESSED_WHEN_FINAL) {
    const weak = FUNCTION_WORDS[word];
    if (weak) heteronyms[word] = { DEFAULT: pick(weak, variant), None: applyStress(pick(weak, variant), 2) };
  }
  return heteronyms;
}

function withoutStress(phonemes: string): string {
  return phonemes.replace(/[ˈˌ]/g, "");
}

/**
 * CMUdict lists many acronyms as lowercase words read letter by letter (fbi → EH1 F B IY1 AY1); Misaki stresses a
 * spelled word on its last letter (ˌɛfbˌiˈI). Returns the re-stressed form, or the phonemes unchanged.
 */
function restressSpelledEntry(word: string, phonemes: string, variant: Variant): string {
  if (!/^[a-z]{2,}$/.test(word)) return phonemes;
  const names = Array.from(word, (letter) =>
    pick(LETTER_NAMES[letter.toUpperCase()] as readonly [string, string], variant),
  );
  const spelled = joinSpelledNames(names);
  return withoutStress(spelled) === withoutStress(phonemes) ? spelled : phonemes;
}

/** CMUdict-derived words and heteronyms, with the hand-written overrides on top. */
function compileFromCmudict(
  dictionary: Readonly<Record<string, string>>,
  variant: Variant,
): { words: Record<string, string>; heteronyms: Record<string, HeteronymEntry> } {
  const words: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, arpabet] of Object.entries(dictionary)) {
    if (ALTERNATE_KEY.test(key)) continue;
    const fixed = Object.hasOwn(ARPABET_FIXES, key) ? ARPABET_FIXES[key] : undefined;
    words[key] = restressSpelledEntry(key, arpabetToMisaki(fixed ?? arpabet, variant, key), variant);
  }
  for (const [word, pair] of Object.entries({ ...FUNCTION_WORDS, ...EXTRA_WORDS, ...LETTER_NAMES })) {
    words[word] = pick(pair, variant);
  }
  return { words, heteronyms: compileHeteronyms(dictionary, variant) };
}

/** Misaki's stem candidates for -s/-es/-ies, -d/-ed and -ing (`stem_s`, `stem_ed`, `stem_ing` in misaki/en.py). */
function misakiStems(word: string): string[] {
  const stems: string[] = [];
  if (word.length >= 3 && word.endsWith("s")) {
    if (!word.endsWith("ss")) stems.push(word.slice(0, -1));
    if (word.endsWith("'s") || (word.length > 4 && word.endsWith("es") && !word.endsWith("ies"))) {
      stems.push(word.slice(0, -2));
    }
    if (word.length > 4 && word.endsWith("ies")) stems.push(`${word.slice(0, -3)}y`);
  }
  if (word.length >= 4 && word.endsWith("d")) {
    if (!word.endsWith("dd")) stems.push(word.slice(0, -1));
    if (word.length > 4 && word.endsWith("ed") && !word.endsWith("eed")) stems.push(word.slice(0, -2));
  }
  if (word.length >= 5 && word.endsWith("ing")) {
    if (word.length > 5) stems.push(word.slice(0, -3));
    stems.push(`${word.slice(0, -3)}e`);
    if (word.length > 5 && /([bcdgklmnprstvxz])\1ing$|cking$/.test(word)) stems.push(word.slice(0, -4));
  }
  return stems;
}

/**
 * Whether Misaki pronounces a word it has no entry for from entries it has: by its suffix rules on a known stem
 * (residents → resident + s), or as a word and a known clitic (they've → they + 've). Such a word keeps Misaki's
 * reading (the run-time rules rebuild it) instead of CMUdict's whole-word entry.
 */
function misakiDerives(word: string, known: (word: string) => boolean): boolean {
  if (misakiStems(word).some(known)) return true;
  const apostrophe = word.indexOf("'");
  return apostrophe > 0 && known(word.slice(0, apostrophe)) && known(word.slice(apostrophe));
}

/**
 * Builds the lexicon asset of one variant. With Misaki's table, its entries win: a CMUdict-derived word stays only
 * when Misaki has no entry for it under Misaki's case rule (so "polish" is not shadowed when Misaki knows only
 * "Polish") and does not derive it from its own entries. Misaki's entries by part of speech become the asset's heteronyms.
 */
export function compileLexicon(
  dictionary: Readonly<Record<string, string>>,
  variant: Variant,
  misaki?: MisakiTable,
): LexiconData {
  const cmudict = compileFromCmudict(dictionary, variant);
  if (misaki === undefined) {
    return { variant, notice: CMUDICT_NOTICE, words: cmudict.words, heteronyms: cmudict.heteronyms };
  }
  const entries = misaki.entries;
  const knownToMisaki = (word: string): boolean => lookupWithCase(word, (key) => entries.get(key)) !== undefined;
  const words: Record<string, string> = Object.create(null) as Record<string, string>;
  const heteronyms: Record<string, HeteronymEntry> = {};
  const keepCmudict = (word: string): boolean => !knownToMisaki(word) && !misakiDerives(word, knownToMisaki);
  for (const [word, phonemes] of Object.entries(cmudict.words)) if (keepCmudict(word)) words[word] = phonemes;
  for (const [word, entry] of Object.entries(cmudict.heteronyms)) if (!knownToMisaki(word)) heteronyms[word] = entry;
  // Hand-written overrides (kokoro) are this product's own entries, not CMUdict's: stems may build on them.
  const overrides = new Set(Object.keys({ ...FUNCTION_WORDS, ...EXTRA_WORDS, ...LETTER_NAMES }));
  const cmudictOnly = new Set(Object.keys(words).filter((word) => !overrides.has(word)));
  for (const [word, entry] of entries) {
    cmudictOnly.delete(word);
    if (typeof entry === "string") words[word] = entry;
    else heteronyms[word] = entry;
  }
  return { variant, notice: `${misaki.notice}\n\n${CMUDICT_NOTICE}`, words, heteronyms, cmudictOnly };
}
