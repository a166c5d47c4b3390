/**
 * Markdown as people paste it: headings and list items are read as sentences (the splitter already made them
 * sentences), code fences are replaced by a short notice, inline code is read, links are read by their text.
 */

/** What is said instead of a fenced code block. */
export const CODE_BLOCK_NOTICE = "Code block skipped.";

const FENCE_OPENING = /^\s{0,3}(```|~~~)/;

/** Whether `text` starts with a code fence (the splitter makes a whole fenced block one sentence). */
export function isCodeFence(text: string): boolean {
  return FENCE_OPENING.test(text);
}

type Replacement = string | ((match: string, ...groups: string[]) => string);

/** Table row: cells become a list read with pauses. */
function tableRowWords(_match: string, cells = ""): string {
  return cells
    .split("|")
    .map((cell) => cell.trim())
    .filter((cell) => cell !== "")
    .join(", ");
}

/** Per-line markers, applied to every line of a sentence before its line breaks become spaces. */
const LINE_RULES: ReadonlyArray<readonly [RegExp, Replacement]> = [
  [/^\s*([-*_])(?:\s*\1){2,}\s*$/, ""], // horizontal rule
  [/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/, ""], // table separator row
  [/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/, "$1"], // ATX heading
  [/^\s*(?:>\s?)+/, ""], // block quote
  [/^\s*[-*+•·‣◦▪]\s+/, ""], // bullet
  [/^\s*(\d{1,3})[.)]\s+/, "$1. "], // numbered item, read with its number
  [/^\s*\|(.*?)\|?\s*$/, tableRowWords],
];

/** Inline markup, applied to the joined sentence. */
const INLINE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/!\[([^\]]*)\]\([^)]*\)/g, "$1"], // image: its alt text
  [/\[([^\]]+)\]\([^)]*\)/g, "$1"], // link: its text
  [/\[([^\]]+)\]\[[^\]]*\]/g, "$1"], // reference link
  [/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, "$1"], // autolink
  [/`+([^`]+?)`+/g, "$1"], // inline code: read it
  [/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2"], // bold
  [/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, "$1"], // italic with *
  [/(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, "$1"], // italic with _
  [/~~(?=\S)(.+?)(?<=\S)~~/g, "$1"], // strikethrough
];

/** Strips Markdown from one sentence of source text; its lines are joined with spaces afterwards. */
export function stripMarkdown(text: string): string {
  if (isCodeFence(text)) return CODE_BLOCK_NOTICE;
  const lines = text
    .split("\n")
    .map((line) =>
      LINE_RULES.reduce(
        (current, [rule, to]) => (typeof to === "string" ? current.replace(rule, to) : current.replace(rule, to)),
        line,
      ),
    );
  return INLINE_RULES.reduce((current, [rule, to]) => current.replace(rule, to), lines.join("\n"));
}
