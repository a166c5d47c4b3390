/**
 * The compiled lexicon: its file format, parsing, and the one start-up read that loads it. The daemon calls
 * `loadLexicon` once per variant and passes the result in; lookups afterwards are pure.
 *
 * Format (why not one JSON object: JSON.parse of 126k keys took ~100 ms, over the 50 ms start-up budget): line 1 is a
 * JSON header (format, variant, Misaki and CMUdict notices, entries by part of speech); every further line is
 * `word<TAB>phonemes`, sorted by UTF-8 bytes. Keys keep their case (Misaki has "US" and "us"). Loading reads the bytes and indexes the line starts without decoding; lookups binary-search them.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isVariant, type Variant } from "./phoneme-sets.js";

/** Bumped when the asset layout changes, so a stale asset is refused rather than misread. */
export const LEXICON_FORMAT = 4;

/**
 * Part-of-speech keys of heteronym entries, as Misaki's lexicons write them: Penn tags (VBD past tense, VBN past
 * participle, VBP present, DT determiner), their parents (VERB, NOUN, ADJ, ADV), DEFAULT, and `None` = nothing
 * follows the word.
 */
export type PosKey = "DEFAULT" | "VERB" | "NOUN" | "ADJ" | "ADV" | "VB" | "VBD" | "VBN" | "VBP" | "DT" | "None";

export type HeteronymEntry = Readonly<Partial<Record<PosKey, string>>> & { readonly DEFAULT: string };

/** Everything a lexicon asset holds, before serialisation. */
export interface LexiconData {
  readonly variant: Variant;
  readonly notice: string;
  /** Words (case as Misaki writes them; CMUdict-derived ones lowercase) → Misaki phonemes. */
  readonly words: Readonly<Record<string, string>>;
  readonly heteronyms: Readonly<Record<string, HeteronymEntry>>;
  /** Words that only CMUdict supplied (Misaki has no entry); written with a third field `*`. */
  readonly cmudictOnly?: ReadonlySet<string>;
}

/** A loaded lexicon of one variant. */
export interface Lexicon {
  readonly variant: Variant;
  /** Number of words, for logs. */
  readonly size: number;
  /** Phonemes of an exact key, or undefined. */
  lookup(word: string): string | undefined;
  /**
   * Whether an exact key came only from CMUdict. Misaki's suffix rules build on its own entries only, so stems are
   * looked up without these (else "wanted" would be read as CMUdict's stray "wante" + d).
   */
  isCmudictOnly(word: string): boolean;
  /** The part-of-speech table of a heteronym, or undefined. */
  heteronym(word: string): HeteronymEntry | undefined;
}

/** Where the build writes the assets: `<repo>/assets/lexicon`, the same depth from `src/g2p` and `dist/g2p`. */
export const DEFAULT_LEXICON_DIRECTORY = fileURLToPath(new URL("../../../assets/lexicon/", import.meta.url));

export function lexiconFileName(variant: Variant): string {
  return `${variant}.tsv`;
}

/** Sort order of the asset lines: UTF-8 bytes, the order in which `parseLexicon` binary-searches them. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Writes the asset text of a lexicon (header line, then `word<TAB>phonemes` lines sorted by UTF-8 bytes). */
export function serializeLexicon(data: LexiconData): string {
  const header = { format: LEXICON_FORMAT, variant: data.variant, notice: data.notice, heteronyms: data.heteronyms };
  const keys = Object.keys(data.words)
    .filter((word) => !/[\t\n]/.test(word))
    .sort(compareUtf8);
  const line = (word: string): string =>
    `${word}\t${data.words[word]}${data.cmudictOnly?.has(word) === true ? CMUDICT_ONLY_SUFFIX : ""}`;
  return [JSON.stringify(header), ...keys.map(line)].join("\n");
}

function parseHeader(line: string, expectedVariant: Variant): Record<string, HeteronymEntry> {
  let header: { format?: unknown; variant?: unknown; heteronyms?: unknown };
  try {
    header = JSON.parse(line) as typeof header;
  } catch (error) {
    throw new Error("lexicon asset has no valid header line; rebuild it", { cause: error });
  }
  if (header.format !== LEXICON_FORMAT) {
    throw new Error(`lexicon asset has format ${String(header.format)}, expected ${LEXICON_FORMAT}; rebuild it`);
  }
  if (typeof header.variant !== "string" || !isVariant(header.variant) || header.variant !== expectedVariant) {
    throw new Error(`lexicon asset is for ${String(header.variant)}, expected ${expectedVariant}`);
  }
  if (typeof header.heteronyms !== "object" || header.heteronyms === null) {
    throw new Error("lexicon asset header lacks heteronyms");
  }
  // No prototype, so "constructor" or "toString" are plain misses.
  return Object.setPrototypeOf(header.heteronyms, null) as Record<string, HeteronymEntry>;
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const CMUDICT_ONLY_SUFFIX = "\t*";

/**
 * Parses asset bytes (or text) into a Lexicon; throws Error naming what is wrong. The bytes stay undecoded: only
 * line starts are indexed, and a lookup decodes just the phonemes it found.
 */
export function parseLexicon(asset: Uint8Array | string, expectedVariant: Variant): Lexicon {
  const bytes =
    typeof asset === "string" ? Buffer.from(asset) : Buffer.from(asset.buffer, asset.byteOffset, asset.length);
  const headerEnd = bytes.indexOf(NEWLINE);
  const heteronyms = parseHeader(
    bytes.toString("utf8", 0, headerEnd === -1 ? bytes.length : headerEnd),
    expectedVariant,
  );
  const lineStarts: number[] = [];
  for (let newline = headerEnd; newline !== -1; newline = bytes.indexOf(NEWLINE, newline + 1)) {
    lineStarts.push(newline + 1);
  }

  /** Start and end of the value of an exact key (the phonemes, plus `\t*` on CMUdict-only lines), or undefined. */
  function find(word: string): [start: number, end: number] | undefined {
    const key = Buffer.from(word);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = lineStarts[middle] as number;
      const tab = bytes.indexOf(TAB, start);
      if (tab === -1) return undefined;
      const order = key.compare(bytes, start, tab);
      if (order === 0) {
        const end = bytes.indexOf(NEWLINE, tab);
        return [tab + 1, end === -1 ? bytes.length : end];
      }
      if (order > 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  function lookup(word: string): string | undefined {
    const found = find(word);
    if (found === undefined) return undefined;
    const [start, end] = found;
    const secondTab = bytes.indexOf(TAB, start);
    return bytes.toString("utf8", start, secondTab !== -1 && secondTab < end ? secondTab : end);
  }

  function isCmudictOnly(word: string): boolean {
    const found = find(word);
    if (found === undefined) return false;
    const secondTab = bytes.indexOf(TAB, found[0]);
    return secondTab !== -1 && secondTab < found[1];
  }

  return {
    variant: expectedVariant,
    size: lineStarts.length,
    lookup,
    isCmudictOnly,
    heteronym: (word) => heteronyms[word],
  };
}

/**
 * Reads and indexes the compiled lexicon of one variant. Throws Error when the asset is missing or stale, naming
 * the build step that creates it.
 */
export async function loadLexicon(variant: Variant, directory: string = DEFAULT_LEXICON_DIRECTORY): Promise<Lexicon> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(directory, lexiconFileName(variant)));
  } catch (error) {
    const name = lexiconFileName(variant);
    throw new Error(`lexicon asset ${name} is missing; build it with "npm run build" (build-lexicon.js)`, {
      cause: error,
    });
  }
  return parseLexicon(bytes, variant);
}
