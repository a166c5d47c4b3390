/**
 * Markdown as people paste it: headings and list items are read as sentences (the splitter already made them
 * sentences), code fences are replaced by a short notice, inline code is read, links are read by their text.
 */

import { identifierWords } from "./identifiers.js";

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
  [/^\s*([=~^"'`#+])\1{2,}\s*$/, ""], // Setext or reStructuredText heading underline
  [/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/, ""], // table separator row
  [/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/, "$1"], // ATX heading
  [/^\s*(?:>\s?)+/, ""], // block quote
  [
    /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i,
    (_m: string, kind = "") => `${kind.charAt(0)}${kind.slice(1).toLowerCase()}: `,
  ], // GitHub alert
  [/^\s*[-*+•·‣◦▪]\s+/, ""], // bullet
  [/^\s*\[[xX]\]\s+/, "Done: "], // task list item, checked
  [/^\s*\[ \]\s+/, "To do: "], // task list item, open
  [/^\s*\[\^([^\]\s]+)\]:\s*/, "Footnote $1: "], // footnote definition
  [/^\s{0,3}\[[^\]^][^\]]*\]:\s*\S+.*$/, ""], // link reference definition: a target, not prose
  [/^\s*(\d{1,3})[.)]\s+/, "$1. "], // numbered item, read with its number
  [/^\s*\|(.*?)\|?\s*$/, tableRowWords],
];

/** Elements of HTML embedded in Markdown (READMEs): tags are dropped, their text is read. */
const HTML_TAGS =
  "a|abbr|b|big|blockquote|br|button|center|code|dd|del|details|div|dl|dt|em|figcaption|figure|font|h[1-6]|hr|i|img|" +
  "input|ins|kbd|label|li|mark|ol|p|picture|pre|s|samp|section|small|source|span|strike|strong|sub|summary|sup|" +
  "table|tbody|td|tfoot|th|thead|tr|tt|u|ul|var|video";

/** A few named entities (a `Map`: names come from the text); numeric ones are decoded in `decodeEntities`. */
const ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: " ",
    mdash: "—",
    ndash: "–",
    hellip: "…",
    copy: "©",
    rarr: "→",
    larr: "←",
  }),
);

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|([a-z]+));/gi,
    (match, decimal, hex, name: string | undefined) => {
      if (name !== undefined) return ENTITIES.get(name.toLowerCase()) ?? match;
      const code = decimal === undefined ? Number.parseInt(String(hex), 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match;
    },
  );
}

/** Inline markup, applied to the joined sentence. */
/**
 * Inline markup, applied to the joined sentence. Each rule names a character its pattern needs: a sentence without
 * it skips the rule (most prose has no `<`, backtick or bracket, and 18 patterns per sentence add up).
 */
const INLINE_RULES: ReadonlyArray<readonly [trigger: string, pattern: RegExp, to: Replacement]> = [
  ["<!--", /<!--[\s\S]*?(?:-->|$)/g, " "], // HTML comment
  ["[![", /\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, " "], // badge: an image inside a link, alt text not read
  ["![", /!\[[^\]]*\]\([^)]*(?:badge|shields\.io|\.svg)[^)]*\)/gi, " "], // badge image
  ["<", new RegExp(String.raw`</?(?:${HTML_TAGS})\b(?:\s[^<>]*)?/?>`, "gi"), " "], // HTML tag
  ["[^", /\[\^[^\]\s]+\]/g, ""], // footnote reference
  [":`", /:(pr|issue|ghsa|user):`~?([^`]+)`/g, "$1 $2"], // reStructuredText roles
  [
    ":`",
    /:(?:func|meth|class|attr|data|mod|obj|ref|doc|exc|envvar|option|program|term|abbr|file|command|code):`[~!]?([^`]+)`/g,
    "$1",
  ],
  [":", /(?<!:):(?:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]+|[+-]1):(?![\w:])/g, " "], // emoji shortcode (emoji are skipped)
  ["", /(?<=^|\s)[:;]-?[()DPp/|](?=$|\s|[.,!?])/g, " "], // emoticon, skipped like emoji
  ["![", /!\[([^\]]*)\]\([^)]*\)/g, "$1"], // image: its alt text
  ["](", /\[([^\]]+)\]\([^)]*\)/g, "$1"], // link: its text
  ["][", /\[([^\]]+)\]\[[^\]]*\]/g, "$1"], // reference link
  ["<", /<((?:https?:\/\/|mailto:)[^>\s]+)>/g, "$1"], // autolink
  // Inline code is read; a lone word in capitals in it is a name from code (`PORT`), not an initialism.
  ["`", /`+([^`]+?)`+/g, (_m: string, code = "") => (/^\p{Lu}{3,}$/u.test(code) ? identifierWords(code) : code)],
  ["*", /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2"], // bold with **
  ["__", /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2"], // bold with __
  ["*", /(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, "$1"], // italic with *
  ["_", /(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, "$1"], // italic with _
  ["~~", /~~(?=\S)(.+?)(?<=\S)~~/g, "$1"], // strikethrough
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
  const inline = INLINE_RULES.reduce((current, [trigger, rule, to]) => {
    if (!current.includes(trigger)) return current;
    return typeof to === "string" ? current.replace(rule, to) : current.replace(rule, to);
  }, lines.join("\n"));
  return inline.includes("&") ? decodeEntities(inline) : inline;
}
