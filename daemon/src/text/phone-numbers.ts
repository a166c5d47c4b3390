/** Phone numbers read digit by digit in their groups: "(555) 123-4567" → "five five five, one two three, …". */
import { digitsToWords } from "./number-words.js";

const PHONE_PATTERNS: readonly RegExp[] = [
  // North American: optional +1, area code with or without brackets, then 3 and 4 digits.
  /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)/g,
  // International: a leading + and three to six groups of digits.
  /(?<![\w+])\+\d{1,3}(?:[\s.-]\d{1,4}){2,5}(?![\d])/g,
  // Local seven digits.
  /(?<![\w.-])\d{3}-\d{4}(?![\d-])/g,
];

/** Reads one phone number: groups separated by a pause, a leading + as "plus". */
function phoneNumberWords(phone: string): string {
  const groups = phone.match(/\d+/g) ?? [];
  const words = groups.map(digitsToWords).join(", ");
  return phone.trimStart().startsWith("+") ? `plus ${words}` : words;
}

/** Rewrites phone numbers; runs before ranges so "555-1234" is not "five hundred … to …". */
export function expandPhoneNumbers(text: string): string {
  return PHONE_PATTERNS.reduce((current, pattern) => current.replace(pattern, phoneNumberWords), text);
}
