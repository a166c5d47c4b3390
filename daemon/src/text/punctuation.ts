/**
 * Punctuation and symbols: typographic quotes and dashes folded to the forms the model knows, CJK punctuation
 * mapped to ASCII, ellipses unified, symbols with a spoken name read, the rest dropped.
 */
import type { TextCounters } from "./counters.js";

/** Typographic and CJK marks folded before the word rules (so "it’s" and "it's" are one word). */
const FOLD_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[“”„‟«»「」『』〝〞]/g, '"'],
  [/[‘’‚‛′`´](?=\p{L})|(?<=\p{L})[‘’‚‛′´]/gu, "'"],
  [/[‘’‚‛]/g, '"'],
  [/。/g, ". "],
  [/、/g, ", "],
  [/\s*(?:\.\s?){2,}\.|…/g, "… "],
  [/\s*(?:---?|—|―)\s*/g, " — "],
  [/(?<=\S)\s+[-–]\s+(?=\S)/g, " — "], // a spaced hyphen or en dash is a dash, not a range
];

/** Symbols read aloud when they stand between words or numbers. */
const SPOKEN_SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\s*&\s*/g, " and "],
  [/(?<=\w)\s*\+\s*(?=\w)/g, " plus "],
  [/(?<=^|[\s(])\+(?=\p{L})/gu, "plus "], // "+1" in chat, its digits already words
  [/(?<=\w)\s*=\s*(?=\w)/g, " equals "],
  [/(?<=\w)\s*[×✕]\s*(?=\w)/g, " times "],
  [/\s*(?:->|→|⟶)\s*/g, " to "],
  [/(?<=[\p{L}\p{N}])–(?=[\p{L}\p{N}])/gu, " to "], // an unspaced en dash is a range: "Mon–Fri", "A-M–five"
  [/~\s*(?=[\p{L}\d])/gu, "about "],
  [/(?<=[\w)])\s+\*\s+(?=[\w(])/g, " times "],
  [/\bw\/(?=\s)/g, "with"],
  [/(?<=\p{L})\/(?=\p{L})/gu, " "], // "and/or" → "and or"
  [/\s*@\s*/g, " at "],
];

/** Characters the rest of the pipeline may pass to G2P: letters, marks, spaces and punctuation the model uses. */
const UNSPEAKABLE = /[^\p{L}\p{M}\p{N}\s.,;:!?…—"'()-]/gu;

/** Folds quotes, dashes, ellipses and CJK punctuation. */
export function foldPunctuation(text: string): string {
  return FOLD_RULES.reduce((current, [rule, to]) => current.replace(rule, to), text);
}

/** Reads symbols that have a spoken name and drops the rest, counting what was dropped. */
export function readSymbols(text: string, counters?: TextCounters): string {
  const spoken = SPOKEN_SYMBOLS.reduce((current, [rule, to]) => current.replace(rule, to), text);
  if (counters) counters.droppedSymbols += spoken.match(UNSPEAKABLE)?.length ?? 0;
  return spoken.replace(UNSPEAKABLE, " ");
}

/** Final tidy-up: one space between words, none before punctuation, no empty brackets or doubled marks. */
export function tidySpacing(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\(\s*\)|"\s*"/g, " ")
    .replace(/\s+([.,;:!?…)])/g, "$1")
    .replace(/([(])\s+/g, "$1")
    .replace(/(?<=\p{L})\((?=\p{L})/gu, " (")
    .replace(/([!?])[!?]+/g, "$1")
    .replace(/,(?=[.,;:!?…])/g, "")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s,;:.—-]+/, "")
    .replace(/\s+/g, " ")
    .trim();
}
