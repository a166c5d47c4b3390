/**
 * How the text stage asks G2P to spell letters: single capitals joined by hyphens ("F-B-I", "P-M"). G2P reads each
 * single capital as its letter name, so "U-S-A" never becomes the word "usa" and "A" never becomes the article.
 */
export function spellLetters(letters: string): string {
  return Array.from(letters.replace(/[^A-Za-z]/g, "").toUpperCase()).join("-");
}
