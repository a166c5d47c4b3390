/**
 * Plain numerals in running text: ordinals, decades, ranges, fractions, percentages, magnitudes, years, decimals,
 * integers with separators and negatives. Currency, dates, times, units, phone numbers and versions run before this
 * stage and have already turned their digits into words.
 */
import {
  cardinalWords,
  decimalWords,
  digitsToWords,
  ordinalWords,
  pluralNumberWords,
  yearWords,
} from "./number-words.js";

/** A numeral as it is written in running text: "1,234.5", "-3", ".75". */
const NUMERAL = String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?`;

/** Fractions read as a phrase rather than by their parts. */
const SET_PHRASE_FRACTIONS: Readonly<Record<string, string>> = {
  "24/7": "twenty-four seven",
  "9/11": "nine eleven",
  "50/50": "fifty-fifty",
};

/** Denominators read as fractions ("three eighths"); others are read "N over M". */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 32, 64, 100]);

const MAGNITUDES: Readonly<Record<string, string>> = {
  K: "thousand",
  k: "thousand",
  M: "million",
  mn: "million",
  B: "billion",
  bn: "billion",
  T: "trillion",
};

/**
 * Reads a numeral on its own: a bare four-digit integer from 1100 to 2099 is a year, anything else a cardinal or
 * decimal.
 */
export function numeralWords(numeral: string): string {
  const plain = numeral.replace(/,/g, "");
  if (/^\d{4}$/.test(numeral) && Number(plain) >= 1100 && Number(plain) < 2100) return yearWords(plain);
  // Leading zeros mark a code ("007", "0800"), read digit by digit.
  if (/^0\d+$/.test(plain)) return digitsToWords(plain);
  return decimalWords(plain);
}

/** "1/2" → "one half", "3/4" → "three quarters", "5/8" → "five eighths", "7/365" → "seven over three hundred…". */
export function fractionWords(numerator: string, denominator: string): string {
  const phrase = SET_PHRASE_FRACTIONS[`${numerator}/${denominator}`];
  if (phrase) return phrase;
  const count = Number(numerator);
  const parts = Number(denominator);
  if (!FRACTION_DENOMINATORS.has(parts) || parts === 0) {
    return `${cardinalWords(numerator)} over ${cardinalWords(denominator)}`;
  }
  let unit: string;
  if (parts === 2) unit = count === 1 ? "half" : "halves";
  else if (parts === 4) unit = count === 1 ? "quarter" : "quarters";
  else unit = count === 1 ? ordinalWords(denominator) : pluralNumberWords(ordinalWords(denominator));
  return `${cardinalWords(numerator)} ${unit}`;
}

/** "1980s" → "nineteen eighties", "'90s"/"90s" → "nineties", "1900s" → "nineteen hundreds". */
export function decadeWords(digits: string): string {
  const reading = digits.length === 4 ? yearWords(digits) : cardinalWords(digits);
  return pluralNumberWords(reading);
}

type Rule = readonly [pattern: RegExp, replace: (...groups: string[]) => string];

/** Applied in order; each rule leaves words behind, so later rules never see its digits. */
const NUMBER_RULES: readonly Rule[] = [
  // Mixed numbers before plain fractions: "1 1/2" → "one and one half".
  [
    /(?<![\d/.,])(\d+) (\d{1,2})\/(\d{1,3})(?![\d/])/g,
    (_m, whole = "", n = "", d = "") => `${cardinalWords(whole)} and ${fractionWords(n, d)}`,
  ],
  [/(?<![\d/.,])(\d{1,2})\/(\d{1,3})(?![\d/])/g, (_m, n = "", d = "") => fractionWords(n, d)],
  [/(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b/gi, (_m, digits = "") => ordinalWords(digits.replace(/,/g, ""))],
  [/(?<![\w.,])['’]?(\d{1,3})0'?s\b/g, (_m, head = "") => decadeWords(`${head}0`)],
  [
    new RegExp(String.raw`(?<![\w.,])(${NUMERAL})\s?[-–—]\s?(${NUMERAL})(?![\d.,]*\d)`, "g"),
    (match, from = "", to = "") =>
      /\d/.test(from) && /\d/.test(to) ? `${numeralWords(from)} to ${numeralWords(to)}` : match,
  ],
  [
    new RegExp(String.raw`(?<![\w.,])(${NUMERAL})\s?(?:%|percent\b|per cent\b)`, "g"),
    (match, numeral = "") => (/\d/.test(numeral) ? `${numeralWords(numeral)} percent` : match),
  ],
  [
    new RegExp(String.raw`(?<![\w.,])(${NUMERAL})\s?(M|mn|B|bn|T)\b`, "g"),
    (match, numeral = "", magnitude = "") =>
      /\d/.test(numeral) ? `${numeralWords(numeral)} ${MAGNITUDES[magnitude] ?? magnitude}` : match,
  ],
  // Negatives only where a minus cannot be a hyphen: at the start or after a space or an opening bracket.
  [/(?<=^|[\s([])[-−](?=\.?\d)/g, () => "minus "],
  // "MP3" → "MP three": a numeral glued to letters is still its own word.
  [/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/gu, () => " "],
  [/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+/g, (numeral) => numeralWords(numeral)],
];

/** Rewrites every remaining numeral in `text` as words. */
export function expandNumbers(text: string): string {
  return NUMBER_RULES.reduce((current, [pattern, replace]) => current.replace(pattern, replace), text);
}
