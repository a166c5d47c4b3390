/**
 * When a line break ends a sentence (lessons §10 rule 9). A blank line always does. A single line break does when
 * the next line is a list item, heading, quote, table row or code fence, or when the line before is a heading or
 * table row; otherwise it is a soft wrap when the line before ends mid-phrase (a comma, a hyphen, a function word)
 * or the next line starts in lower case, and a boundary when the next line starts with a capital or a digit.
 * Whether a line ending in terminal punctuation ends a sentence is the full-stop rule's decision, not this one's.
 */
import { type Lookahead } from "./lookahead.js";

/** Words that cannot end a sentence, so a line ending with one continues on the next line. */
const CONTINUATION_WORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "nor",
  "but",
  "of",
  "for",
  "to",
  "with",
  "in",
  "on",
  "at",
  "by",
  "from",
  "into",
  "onto",
  "as",
  "than",
  "that",
  "which",
  "who",
  "whose",
  "your",
  "my",
  "our",
  "their",
  "his",
  "her",
  "its",
  "this",
  "these",
  "those",
  "is",
  "are",
  "was",
  "were",
  "be",
  "if",
  "when",
  "while",
  "because",
  "about",
  "between",
  "through",
  "over",
  "under",
  "up",
]);

/** A line that starts a Markdown block: code fence, heading, quote, table row, bullet or numbered item. */
const BLOCK_START = /^(?:\s{0,3}(?:```|~~~|#{1,6}\s|>|\|)|\s*(?:[-*+•·‣◦▪]\s|\d{1,3}[.)]\s))/;
/** Longest prefix `BLOCK_START` needs to see. */
const BLOCK_START_LOOKAHEAD = 8;

/** The markers of a block-quote line ("> ", "> > "). */
const QUOTE_MARKERS = /^(?:\s{0,3}>[ \t]?)+/;

/** Inline code, or a link whose text is closed on the same line. */
const INLINE_START = /^(?:`|\[[^\]\n]*\]\()/;

const TERMINAL_PUNCTUATION = /[.!?…。！？]["'”’)\]]*$/;
const SOFT_WRAP_ENDING = /[,;(\-–—/&]$/;

/** Whether the (right-trimmed) line is a heading or table row, which always ends where the line ends. */
function isBlockLine(line: string): boolean {
  return /^\s{0,3}#{1,6}\s/.test(line) || /^\s*\|/.test(line);
}

function endsMidPhrase(line: string): boolean {
  if (SOFT_WRAP_ENDING.test(line)) return true;
  const lastWord = /([\p{L}']+)$/u.exec(line)?.[1];
  return lastWord !== undefined && CONTINUATION_WORDS.has(lastWord.toLowerCase());
}

/**
 * The first letter or digit of the next line, after any opening quotes, brackets and inline Markdown marks (a link
 * or inline code wrapping the next word is not a new sentence: "the native⏎[`WebSocket`](…)").
 */
function firstWordChar(lookahead: Lookahead, index: number): string {
  const head = lookahead.slice(index, 8);
  return /^["'“‘([`*_~]*([\p{L}\p{N}])/u.exec(head)?.[1] ?? head.charAt(0);
}

/** The whole source line before the line break that precedes `nextLineStart` (`line` may start mid-line). */
function physicalLineBefore(text: string, nextLineStart: number): string {
  const lineBreak = text.lastIndexOf("\n", nextLineStart - 1);
  return text.slice(text.lastIndexOf("\n", lineBreak - 1) + 1, lineBreak);
}

/**
 * Decides the single line break before `nextLineStart` (the first non-blank character of the next line).
 * `line` is the current line's text from its start to the break.
 */
export function isLineBreakBoundary(line: string, lookahead: Lookahead, nextLineStart: number): boolean {
  const trimmed = line.trimEnd();
  let start = nextLineStart;
  if (
    QUOTE_MARKERS.test(physicalLineBefore(lookahead.text, nextLineStart)) &&
    QUOTE_MARKERS.test(lookahead.slice(nextLineStart, BLOCK_START_LOOKAHEAD))
  ) {
    // A block quote wrapped over lines: its markers start no new block; the text after them decides.
    start += QUOTE_MARKERS.exec(lookahead.slice(nextLineStart, 16))?.[0].length ?? 0;
    const first = lookahead.slice(start, 1);
    if (first === "" || first === "\n") return true;
  }
  if (BLOCK_START.test(lookahead.slice(start, BLOCK_START_LOOKAHEAD))) return true;
  if (isBlockLine(trimmed)) return true;
  if (TERMINAL_PUNCTUATION.test(trimmed)) return false;
  if (endsMidPhrase(trimmed)) return false;
  // A wrapped line that opens with inline code or a link ("the native⏎[`WebSocket`](…)") continues the sentence.
  const opening = lookahead.slice(start, 1);
  if ((opening === "`" || opening === "[") && INLINE_START.test(lookahead.slice(start, 80))) return false;
  const first = firstWordChar(lookahead, start);
  return !/\p{Ll}/u.test(first);
}
