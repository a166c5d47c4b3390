/**
 * Splits normalised spoken text into the pieces G2P resolves: words (hyphenated compounds as several parts),
 * inline pronunciation overrides, passthrough punctuation, spaces, and characters nothing can pronounce.
 */

import { PASSTHROUGH_PUNCTUATION } from "./phoneme-sets.js";

export type Token =
  | { readonly kind: "word"; readonly text: string; readonly parts: readonly string[] }
  /** `[word](/phonemes/)` gives phonemes verbatim; `[word](2)`, `(-1)`… set the stress of the looked-up word. */
  | { readonly kind: "override"; readonly text: string; readonly phonemes?: string; readonly stress?: number }
  | { readonly kind: "punctuation"; readonly text: string }
  | { readonly kind: "space" }
  | { readonly kind: "unknown"; readonly text: string };

/** Symbols read as words (Misaki's symbol table). */
export const SYMBOL_WORDS: Readonly<Record<string, string>> = { "%": "percent", "&": "and", "+": "plus", "@": "at" };

const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*`;
/** A plural possessive keeps its apostrophe: "the dogs' bowls". */
const PLURAL_POSSESSIVE = String.raw`(?:(?<=s)['’](?![\p{L}\p{N}]))?`;
const PATTERN = new RegExp(
  [
    String.raw`\[(?<overrideText>[^\]]+)\]\((?:\/(?<overridePhonemes>[^/)]*)\/|(?<overrideStress>[+-]?\d+(?:\.\d+)?))\)`,
    String.raw`(?<word>${WORD}(?:[-‐_]${WORD})*${PLURAL_POSSESSIVE})`,
    String.raw`(?<space>\s+)`,
    String.raw`(?<dash>\s*[-–‐]+\s*)`,
    String.raw`(?<other>.)`,
  ].join("|"),
  "gsu",
);

const SINGLE_QUOTES: ReadonlySet<string> = new Set(["‘", "’", "'", "`"]);

/** Single quotes are not Kokoro tokens; curly double quotes are, so a quotation stays audible as one. */
function quoteToken(char: string, previous: Token | undefined): Token | undefined {
  if (!SINGLE_QUOTES.has(char)) return undefined;
  const atWordStart = previous === undefined || previous.kind === "space";
  return { kind: "punctuation", text: atWordStart ? "“" : "”" };
}

/** Tokenises one segment of spoken text. Never throws: every character lands in some token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // NFC, not NFKC, for the whole text: NFKC would turn the … token into three dots. Words get NFKC below.
  for (const match of text.normalize("NFC").matchAll(PATTERN)) {
    const groups = match.groups ?? {};
    const previous = tokens.at(-1);
    if (groups.overrideText !== undefined) {
      const stress = groups.overrideStress === undefined ? undefined : Number(groups.overrideStress);
      tokens.push({ kind: "override", text: groups.overrideText, phonemes: groups.overridePhonemes, stress });
    } else if (groups.word !== undefined) {
      const word = groups.word.normalize("NFKC").replaceAll("’", "'");
      tokens.push({ kind: "word", text: word, parts: word.split(/[-‐_]/u) });
    } else if (groups.space !== undefined) {
      if (previous !== undefined && previous.kind !== "space") tokens.push({ kind: "space" });
    } else if (groups.dash !== undefined) {
      if (previous !== undefined && previous.kind !== "space") tokens.push({ kind: "space" });
      tokens.push({ kind: "punctuation", text: "—" }, { kind: "space" });
    } else {
      const char = groups.other ?? "";
      const symbolWord = SYMBOL_WORDS[char];
      if (PASSTHROUGH_PUNCTUATION.has(char)) tokens.push({ kind: "punctuation", text: char });
      else if (symbolWord !== undefined) tokens.push({ kind: "word", text: symbolWord, parts: [symbolWord] });
      else tokens.push(quoteToken(char, previous) ?? { kind: "unknown", text: char });
    }
  }
  while (tokens.at(-1)?.kind === "space") tokens.pop();
  return tokens;
}
