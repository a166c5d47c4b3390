/** Line breaks inside one sentence are soft wraps: they become spaces, and a word hyphenated across lines is rejoined. */
export function joinLines(text: string): string {
  return text.replace(/(?<=\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})/gu, "-").replace(/\s*\n\s*/g, " ");
}
