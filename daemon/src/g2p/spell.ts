/**
 * Spelling a word letter by letter (acronyms that are not words: USA → jˌuˌɛsˈA), as Misaki's `get_NNP` does:
 * letter names joined, every stress made secondary, then the last one primary.
 */

import type { Lexicon } from "./lexicon.js";
import { PRIMARY_STRESS, SECONDARY_STRESS } from "./phoneme-sets.js";
import { applyStress } from "./stress.js";

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** Phonemes of one character, or undefined when it is neither an ASCII letter nor a digit. */
function characterName(char: string, lexicon: Lexicon): string | undefined {
  if (/^[a-z]$/i.test(char)) return lexicon.lookup(char.toUpperCase());
  if (/^[0-9]$/.test(char)) return lexicon.lookup(DIGIT_WORDS[Number(char)] as string);
  return undefined;
}

/** Whether every character of a word can be spelled out (ASCII letters and digits). */
export function isSpellable(word: string): boolean {
  return /^[a-z0-9]+$/i.test(word);
}

/** Spells a word; undefined when a character has no name. */
export function spellWord(word: string, lexicon: Lexicon): string | undefined {
  const names: string[] = [];
  for (const char of word) {
    const name = characterName(char, lexicon);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return joinSpelledNames(names);
}

/** Joins letter names with a spelled word's stress: all secondary, the last one primary. */
export function joinSpelledNames(names: readonly string[]): string {
  const allSecondary = applyStress(names.join(""), 0);
  const lastSecondary = allSecondary.lastIndexOf(SECONDARY_STRESS);
  if (lastSecondary === -1) return allSecondary;
  return `${allSecondary.slice(0, lastSecondary)}${PRIMARY_STRESS}${allSecondary.slice(lastSecondary + 1)}`;
}
