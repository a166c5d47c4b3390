/**
 * Reading ahead in a text that may still be growing. The sentence rules read characters only through `at()`;
 * when a rule needs a character the streaming splitter has not received yet, `at()` throws `NEED_MORE_INPUT` and
 * the splitter waits for the next chunk. Because every decision depends only on characters actually read, a
 * decision made on a prefix is the decision made on the whole text: streaming equals batch by construction.
 */

/** Thrown by `at()` past the end of a text that is not final. */
export const NEED_MORE_INPUT: unique symbol = Symbol("need more input");

/** End of a final text, as returned by `at()`. */
export const END_OF_TEXT = "";

export class Lookahead {
  constructor(
    readonly text: string,
    /** True when no more text will arrive (batch use, or after `flush()`). */
    readonly isFinal: boolean,
  ) {}

  /** The UTF-16 unit at `index`, `END_OF_TEXT` past the end of a final text. */
  at(index: number): string {
    if (index < this.text.length) return this.text.charAt(index);
    if (this.isFinal) return END_OF_TEXT;
    throw NEED_MORE_INPUT;
  }

  /** Up to `length` characters from `index`, shorter only at the end of a final text. */
  slice(index: number, length: number): string {
    let result = "";
    for (let i = index; i < index + length; i += 1) {
      const char = this.at(i);
      if (char === END_OF_TEXT) break;
      result += char;
    }
    return result;
  }

  /** First index at or after `index` that is not whitespace (the text length at the end of a final text). */
  skipWhitespace(index: number): number {
    let i = index;
    while (isWhitespace(this.at(i))) i += 1;
    return i;
  }
}

export function isWhitespace(char: string): boolean {
  return char !== END_OF_TEXT && /\s/.test(char);
}
