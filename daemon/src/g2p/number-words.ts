/**
 * The words the normaliser spells numbers with. Misaki reads numbers through num2words and looks each word up on
 * its own, so "twenty-five" is two words (twˈɛnti fˈIv) and "point" in "two point five" is unstressed.
 */

const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const UNIT_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];

const TENS_WORDS: ReadonlySet<string> = new Set(TENS);
const UNIT_WORDS: ReadonlySet<string> = new Set([...UNITS, ...UNIT_ORDINALS]);
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  "zero",
  "oh",
  ...UNITS,
  ...TEENS,
  "nineteen",
  ...TENS,
  ...["hundred", "thousand", "million", "billion", "trillion"],
]);

/** Whether a lowercase word is a cardinal number word. */
export function isNumberWord(word: string | undefined): boolean {
  return word !== undefined && NUMBER_WORDS.has(word);
}

/** Whether hyphenated parts spell a number from 21 to 99 or its ordinal ("twenty-five", "twenty-first"). */
export function isSpelledTensNumber(parts: readonly string[]): boolean {
  if (parts.length !== 2) return false;
  const [tens = "", unit = ""] = parts.map((part) => part.toLowerCase());
  return TENS_WORDS.has(tens) && UNIT_WORDS.has(unit);
}
