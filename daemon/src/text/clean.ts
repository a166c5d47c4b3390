/**
 * Character-level cleanup before any word rule: invisible and control characters, broken UTF-16, emoji and
 * compatibility forms. Nothing here throws; every removal is counted.
 */
import type { TextCounters } from "./counters.js";

type CounterName = keyof TextCounters;

/** Each row: what to find, what to put instead, and which counter records it. Order matters (emoji first). */
const CLEANUP_RULES: ReadonlyArray<readonly [pattern: RegExp, replacement: string, counter: CounterName]> = [
  [/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "", "loneSurrogates"],
  // A whole emoji sequence (modifiers, joiners, keycaps) counts once and becomes a space so words stay apart.
  [
    /(?:\p{Regional_Indicator}{1,2}|\p{Extended_Pictographic})(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3|\u200D\p{Extended_Pictographic})*/gu,
    " ",
    "emoji",
  ],
  [/\uFE0E|\uFE0F|\u20E3/g, "", "emoji"],
  [/[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g, "", "bidiControls"],
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "", "zeroWidthChars"],
  [/(?![\t\n\r])\p{Cc}/gu, " ", "controlChars"],
];

/** Symbols that look like emoji to Unicode but have a spoken or silent reading of their own. */
const NAMED_SYMBOLS: Readonly<Record<string, string>> = { "©": " copyright ", "®": "", "™": "" };

/** Compatibility forms worth folding: full-width ASCII, ligatures, vulgar fractions and exotic spaces. */
const COMPATIBILITY_FORMS =
  /[\uFF01-\uFF5E\uFB00-\uFB06\u00BC-\u00BE\u2150-\u215E\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Removes or replaces characters that must not reach the word rules, adding to `counters` when given. */
export function cleanCharacters(text: string, counters?: TextCounters): string {
  let result = text.replace(/[©®™]/g, (symbol) => NAMED_SYMBOLS[symbol] ?? "");
  for (const [pattern, replacement, counter] of CLEANUP_RULES) {
    if (counters) counters[counter] += countMatches(result, pattern);
    result = result.replace(pattern, replacement);
  }
  result = result
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    // "1½" must become "1 1/2", not "11/2".
    .replace(/(\d)(?=[\u00BC-\u00BE\u2150-\u215E])/g, "$1 ")
    .replace(COMPATIBILITY_FORMS, (char) => char.normalize("NFKC"))
    .replace(/\u2044/g, "/");
  if (counters) counters.nonLatinLetters += countMatches(result, /(?!\p{Script=Latin})\p{L}/gu);
  return result;
}
