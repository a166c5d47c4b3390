/** Roman numerals after a name: "Henry VIII" → "Henry the eighth", "World War II" → "World War two". */
import { cardinalWords, ordinalWords } from "./number-words.js";

/** Words after which a numeral is a count, not a regnal number. */
const CARDINAL_CONTEXTS = new Set([
  "War",
  "Part",
  "Chapter",
  "Volume",
  "Vol",
  "Act",
  "Scene",
  "Phase",
  "Type",
  "Level",
  "Class",
  "Grade",
  "Book",
  "Section",
  "Season",
  "Episode",
  "Title",
  "Article",
  "Stage",
  "Mark",
  "Appendix",
  "Schedule",
  "Bowl",
]);

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

/** Numerals of two or more letters up to 89; single letters are too often words or names ("Malcolm X", "Plan B"). */
const AFTER_NAME = /\b(\p{Lu}\p{Ll}+) (L?X{0,3}(?:IX|IV|V?I{0,3}))(?![\p{L}\d])/gu;

/** Value of a well-formed Roman numeral. */
export function romanValue(numeral: string): number {
  let total = 0;
  const letters = Array.from(numeral);
  letters.forEach((letter, index) => {
    const value = ROMAN_VALUES[letter] ?? 0;
    const next = ROMAN_VALUES[letters[index + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  });
  return total;
}

/** Rewrites Roman numerals that follow a capitalised word. */
export function expandRomanNumerals(text: string): string {
  return text.replace(AFTER_NAME, (match, name = "", numeral = "") => {
    if (numeral.length < 2) return match;
    const value = String(romanValue(numeral));
    return CARDINAL_CONTEXTS.has(name) ? `${name} ${cardinalWords(value)}` : `${name} the ${ordinalWords(value)}`;
  });
}
