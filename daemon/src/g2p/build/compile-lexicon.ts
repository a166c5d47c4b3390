/**
 * Compiles CMUdict (ARPAbet) plus the hand-written overrides into the Misaki-convention lexicon asset of one
 * variant. Pure: the dictionary comes in, the asset object goes out.
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
import { joinSpelledNames } from "../spell.js";
import { applyStress } from "../stress.js";
import type { Variant } from "../phoneme-sets.js";
import { CMUDICT_NOTICE } from "./cmudict-notice.js";

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

/**
 * Builds the lexicon asset of one variant: every CMUdict head word converted (alternates are used only for
 * heteronyms), then function words, letter names and extra words from `lexicon-overrides.ts` on top.
 */
export function compileLexicon(dictionary: Readonly<Record<string, string>>, variant: Variant): LexiconData {
  const words: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, arpabet] of Object.entries(dictionary)) {
    if (ALTERNATE_KEY.test(key)) continue;
    const fixed = Object.hasOwn(ARPABET_FIXES, key) ? ARPABET_FIXES[key] : undefined;
    words[key] = restressSpelledEntry(key, arpabetToMisaki(fixed ?? arpabet, variant, key), variant);
  }
  for (const [word, pair] of Object.entries({ ...FUNCTION_WORDS, ...EXTRA_WORDS, ...LETTER_NAMES })) {
    words[word] = pick(pair, variant);
  }
  return {
    variant,
    notice: CMUDICT_NOTICE,
    words,
    heteronyms: compileHeteronyms(dictionary, variant),
  };
}
