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

/** Where the build writes the assets: `daemon/assets/lexicon`, the same depth from `src/g2p` and `dist/g2p`. */
export const DEFAULT_LEXICON_DIRECTORY = fileURLToPath(new URL("../../assets/lexicon/", import.meta.url));

export function lexiconFileName(variant: Variant): string {
  return `${variant}.tsv`;
}

/** The index written beside each asset by the build. */
export function lexiconIndexFileName(variant: Variant): string {
  return `${variant}.idx`;
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
const BUCKETS = 0x10000;

/**
 * The bucket of a key from its first two bytes; a key's end counts as a tab (every line has one after its key), so
 * buckets follow the asset's byte order, where a key sorts before the longer keys it begins.
 */
function bucketOf(bytes: Uint8Array, start: number): number {
  const first = bytes[start] ?? TAB;
  const second = first === TAB ? TAB : (bytes[start + 1] ?? TAB);
  return (first << 8) | (first === NEWLINE || second === NEWLINE ? TAB : second);
}

/** Where each line of an asset starts, and the first line of each two-byte bucket (see `bucketOf`). */
export interface LexiconIndex {
  readonly assetLength: number;
  readonly lineStarts: Uint32Array;
  readonly bucketStarts: Uint32Array;
}

/**
 * Indexes asset bytes: the line starts after the header, and per two-byte bucket its first line, so a lookup's
 * binary search spans a few dozen lines instead of 250,000. The build stores it beside the asset
 * (`serializeLexiconIndex`): scanning 6 MB at every start-up took 20–30 ms, reading the index takes ~1 ms.
 */
export function indexLexicon(bytes: Buffer): LexiconIndex {
  const starts: number[] = [];
  for (let newline = bytes.indexOf(NEWLINE); newline !== -1; newline = bytes.indexOf(NEWLINE, newline + 1)) {
    starts.push(newline + 1);
  }
  const lineStarts = Uint32Array.from(starts);
  const bucketStarts = new Uint32Array(BUCKETS + 1);
  let bucket = 0;
  lineStarts.forEach((start, line) => {
    const lineBucket = bucketOf(bytes, start);
    while (bucket <= lineBucket) bucketStarts[bucket++] = line;
  });
  while (bucket <= BUCKETS) bucketStarts[bucket++] = lineStarts.length;
  return { assetLength: bytes.length, lineStarts, bucketStarts };
}

const INDEX_MAGIC = 0x3158_4c4b; // "KLX1" read as little-endian

/** The index file: magic, asset length, line count, buckets, line starts (all uint32 little-endian). */
export function serializeLexiconIndex(index: LexiconIndex): Uint8Array {
  const words = new Uint32Array(3 + index.bucketStarts.length + index.lineStarts.length);
  words.set([INDEX_MAGIC, index.assetLength, index.lineStarts.length]);
  words.set(index.bucketStarts, 3);
  words.set(index.lineStarts, 3 + index.bucketStarts.length);
  return new Uint8Array(words.buffer);
}

/** Reads an index file; undefined when it is not one (then the loader indexes the asset itself). */
export function parseLexiconIndex(bytes: Uint8Array): LexiconIndex | undefined {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < 12 + 4 * (BUCKETS + 1)) return undefined;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  const [magic, assetLength = 0, lineCount = 0] = words;
  if (magic !== INDEX_MAGIC || words.length !== 3 + BUCKETS + 1 + lineCount) return undefined;
  return {
    assetLength,
    bucketStarts: words.subarray(3, 3 + BUCKETS + 1),
    lineStarts: words.subarray(3 + BUCKETS + 1),
  };
}

/** Whether an index was made from these bytes (same length, a line start right after the header's newline). */
function isIndexOf(index: LexiconIndex, bytes: Buffer): boolean {
  return index.assetLength === bytes.length && index.lineStarts[0] === bytes.indexOf(NEWLINE) + 1;
}

/**
 * Parses asset bytes (or text) into a Lexicon; throws Error naming what is wrong. The bytes stay undecoded: only
 * line starts are indexed, and a lookup decodes just the phonemes it found.
 */
export function parseLexicon(asset: Uint8Array | string, expectedVariant: Variant, index?: LexiconIndex): Lexicon {
  const bytes =
    typeof asset === "string" ? Buffer.from(asset) : Buffer.from(asset.buffer, asset.byteOffset, asset.length);
  const headerEnd = bytes.indexOf(NEWLINE);
  const heteronyms = parseHeader(
    bytes.toString("utf8", 0, headerEnd === -1 ? bytes.length : headerEnd),
    expectedVariant,
  );
  const { lineStarts, bucketStarts } = index !== undefined && isIndexOf(index, bytes) ? index : indexLexicon(bytes);

  /** Start and end of the value of an exact key (the phonemes, plus `\t*` on CMUdict-only lines), or undefined. */
  function find(word: string): [start: number, end: number] | undefined {
    const key = Buffer.from(word);
    const keyBucket = bucketOf(key, 0);
    let low = bucketStarts[keyBucket] as number;
    let high = (bucketStarts[keyBucket + 1] as number) - 1;
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
  // The index is an optimisation: a missing or stale one means the asset is indexed here instead.
  const indexBytes = await readFile(join(directory, lexiconIndexFileName(variant))).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  });
  return parseLexicon(bytes, variant, indexBytes === undefined ? undefined : parseLexiconIndex(indexBytes));
}
