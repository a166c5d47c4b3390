/**
 * Finds where the sentence starting at a given offset ends, reading the source text through a `Lookahead`.
 * Rules, in the order the scanner meets them:
 * - Code fence: a line opening with ``` or ~~~ runs to its closing fence (or the end) as one sentence.
 * - Line breaks: see `line-breaks.ts` (blank lines always end a sentence).
 * - Terminators `. ! ? …` (a run, then closing quotes/brackets) end a sentence when followed by whitespace, except:
 *   inside a quote or bracket opened recently; before a lower-case word; before a sentence with no letter yet
 *   (a leading "…"); after a list number ("1." at a line start); after an abbreviation that continues (`Dr. Smith`,
 *   `e.g. Paris`, `No. 5`, `J. Smith`); after an ellipsis that trails an opening interjection ("Well... I suppose
 *   so."). Decimals, URLs, e-mails and "e.g.," never reach the test: no whitespace.
 * - CJK terminators `。！？` end a sentence without whitespace.
 */
import { isNonFinalAbbreviation } from "./abbreviations.js";
import { isTrailingInterjection } from "./interjections.js";
import { END_OF_TEXT, isWhitespace, type Lookahead } from "./lookahead.js";
import { isLineBreakBoundary } from "./line-breaks.js";

/** A sentence found in the source: content `[start, end)`; the next sentence's content starts at `next`. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CJK_TERMINATORS = new Set(["。", "！", "？"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "}", "»", "」", "』"]);
const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  "(": ")",
  "[": "]",
  "{": "}",
  "“": "”",
  "«": "»",
  "「": "」",
  "『": "』",
};
/**
 * A quote or bracket suppresses sentence ends only this many characters after it opened, so one stray `(` or `"`
 * cannot glue the rest of a document into one sentence.
 */
const MAX_QUOTED_CHARS = 300;

interface OpenBracket {
  readonly closer: string;
  readonly at: number;
}

function trimEndIndex(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text.charAt(end - 1))) end -= 1;
  return end;
}

/** Whether only spaces separate `index` from the previous line break (or the text start). */
function isAtLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text.charAt(i);
    if (char === "\n") return true;
    if (!/\s/.test(char)) return false;
  }
  return true;
}

function trackBracket(char: string, index: number, text: string, open: OpenBracket[]): void {
  // An HTML tag ("<p title=\"Hi. Bye.\">") is one unit, like a bracket; "x < y" is not a tag.
  if (char === "<" && /[A-Za-z]/.test(text.charAt(index + 1))) {
    open.push({ closer: ">", at: index });
    return;
  }
  const closer = BRACKET_PAIRS[char];
  if (closer) {
    open.push({ closer, at: index });
    return;
  }
  const top = open.at(-1);
  if (char === '"') {
    if (top?.closer === '"') open.pop();
    else if (index === 0 || /[\s([{“—-]/.test(text.charAt(index - 1))) open.push({ closer: '"', at: index });
    return;
  }
  if (top?.closer === char) open.pop();
}

function isInsideRecentQuote(open: readonly OpenBracket[], index: number): boolean {
  return open.some((bracket) => index - bracket.at <= MAX_QUOTED_CHARS);
}

/** The word before `index` within the sentence and the word before that (absent at the sentence start). */
function wordsBefore(text: string, sentenceStart: number, index: number): { word: string; previous?: string } {
  const words = text.slice(sentenceStart, index).split(/\s+/);
  const word = (words.at(-1) ?? "").replace(/^["'“‘([]+/, "");
  const previous = words.length >= 3 ? words.at(-2) : undefined;
  return previous === undefined ? { word } : { word, previous };
}

/** "1." / "a." / "iv." as the first thing on its line or right after a colon: a list marker, not a sentence end. */
function isListMarker(text: string, sentenceStart: number, lineStart: number, index: number, word: string): boolean {
  if (!/^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})$/.test(word)) return false;
  const wordStart = index - word.length;
  const before = text.slice(Math.max(sentenceStart, lineStart), wordStart);
  return /^[\s>*+•-]*$/.test(before) || /:\s*$/.test(before);
}

function fenceEnd(lookahead: Lookahead, start: number): SentenceSpan {
  const { text } = lookahead;
  const marker = lookahead.slice(start, 3);
  let lineStart = start;
  let isOpeningLine = true;
  for (;;) {
    let i = lineStart;
    while (lookahead.at(i) !== "\n" && lookahead.at(i) !== END_OF_TEXT) i += 1;
    const line = text.slice(lineStart, i);
    if (!isOpeningLine && line.trimStart().startsWith(marker)) {
      return { start, end: trimEndIndex(text, start, i), next: lookahead.skipWhitespace(i) };
    }
    if (lookahead.at(i) === END_OF_TEXT) return { start, end: trimEndIndex(text, start, i), next: text.length };
    isOpeningLine = false;
    lineStart = i + 1;
  }
}

function startsCodeFence(lookahead: Lookahead, start: number): boolean {
  const head = lookahead.slice(start, 3);
  return (head === "```" || head === "~~~") && isAtLineStart(lookahead.text, start);
}

/**
 * The sentence whose content starts at `start` (a non-whitespace character). Throws `NEED_MORE_INPUT` (through
 * `lookahead`) when the decision depends on text not received yet.
 */
export function findSentenceEnd(lookahead: Lookahead, start: number): SentenceSpan {
  const { text } = lookahead;
  if (startsCodeFence(lookahead, start)) return fenceEnd(lookahead, start);
  const open: OpenBracket[] = [];
  let lineStart = start;
  let hasWord = false;
  let i = start;
  for (;;) {
    const char = lookahead.at(i);
    if (char === END_OF_TEXT) return { start, end: trimEndIndex(text, start, i), next: text.length };

    if (char === "\n") {
      const end = trimEndIndex(text, start, i);
      let next = i + 1;
      while (lookahead.at(next) !== "\n" && isWhitespace(lookahead.at(next))) next += 1;
      if (lookahead.at(next) === END_OF_TEXT) return { start, end, next: text.length };
      if (lookahead.at(next) === "\n") return { start, end, next: lookahead.skipWhitespace(next) };
      if (isLineBreakBoundary(text.slice(lineStart, i), lookahead, next)) return { start, end, next };
      lineStart = next;
      i = next;
      continue;
    }

    if (CJK_TERMINATORS.has(char)) {
      let k = i + 1;
      while (CLOSERS.has(lookahead.at(k))) k += 1;
      if (!isInsideRecentQuote(open, k)) return { start, end: k, next: lookahead.skipWhitespace(k) };
      i = k;
      continue;
    }

    if (TERMINATORS.has(char)) {
      let j = i;
      while (TERMINATORS.has(lookahead.at(j))) j += 1;
      let k = j;
      while (CLOSERS.has(lookahead.at(k))) {
        trackBracket(lookahead.at(k), k, text, open);
        k += 1;
      }
      const after = lookahead.at(k);
      if (after === END_OF_TEXT) return { start, end: k, next: text.length };
      if (!isWhitespace(after)) {
        i = k;
        continue;
      }
      const next = lookahead.skipWhitespace(k);
      const between = text.slice(k, next);
      if (next >= text.length) return { start, end: k, next: text.length };
      if (/\n\s*\n/.test(between)) return { start, end: k, next };
      const nextChar = /^["'“‘([`*_]*(.)/su.exec(lookahead.slice(next, 6))?.[1] ?? "";
      const isSingleStop = j - i === 1 && char === ".";
      const isEllipsis = char === "…" || (char === "." && j - i >= 2);
      const continues =
        isInsideRecentQuote(open, k) ||
        !hasWord ||
        /\p{Ll}/u.test(nextChar) ||
        (isSingleStop && continuesAfterStop(text, start, lineStart, i, nextChar)) ||
        (isEllipsis && j === k && isTrailingInterjection(text.slice(start, i)));
      if (!continues) return { start, end: k, next };
      i = k;
      continue;
    }

    if (/[\p{L}\p{N}]/u.test(char)) hasWord = true;
    trackBracket(char, i, text, open);
    i += 1;
  }
}

function continuesAfterStop(text: string, start: number, lineStart: number, stop: number, nextChar: string): boolean {
  const { word, previous } = wordsBefore(text, start, stop);
  if (isListMarker(text, start, lineStart, stop, word)) return true;
  return isNonFinalAbbreviation(word, previous, nextChar);
}
