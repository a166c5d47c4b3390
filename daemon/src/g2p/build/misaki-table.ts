/**
 * Misaki's lexicons as this repo keeps them (`assets/misaki/<variant>.tsv.gz`, written by import-misaki.ts): gold
 * over silver, merged into one table whose lookups by Misaki's case rule give what Misaki's own lookup gives.
 * Line 1 is a JSON header (format, variant, source, notice); every further line is `word<TAB>phonemes`, or
 * `word<TAB>{json}` for an entry by part of speech (`{"DEFAULT": …, "VERB": …}`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { HeteronymEntry } from "../lexicon.js";
import type { Variant } from "../phoneme-sets.js";

export const MISAKI_TABLE_FORMAT = 1;

/** One Misaki entry: phonemes, or phonemes by part-of-speech tag. */
export type MisakiEntry = string | HeteronymEntry;

export interface MisakiTable {
  readonly variant: Variant;
  readonly source: string;
  readonly notice: string;
  readonly entries: ReadonlyMap<string, MisakiEntry>;
}

/** `daemon/assets/misaki`, the same depth from `src/g2p/build` and `dist/g2p/build`. */
export const MISAKI_TABLE_DIRECTORY = fileURLToPath(new URL("../../../assets/misaki/", import.meta.url));

export function misakiTableFileName(variant: Variant): string {
  return `${variant}.tsv.gz`;
}

export function serializeMisakiTable(table: MisakiTable): string {
  const header = { format: MISAKI_TABLE_FORMAT, variant: table.variant, source: table.source, notice: table.notice };
  const lines = [...table.entries.keys()].sort().map((word) => {
    const entry = table.entries.get(word) as MisakiEntry;
    return `${word}\t${typeof entry === "string" ? entry : JSON.stringify(entry)}`;
  });
  return [JSON.stringify(header), ...lines].join("\n");
}

export function parseMisakiTable(text: string, expectedVariant: Variant): MisakiTable {
  const [headerLine = "", ...lines] = text.split("\n");
  const header = JSON.parse(headerLine) as { format?: unknown; variant?: unknown; source?: unknown; notice?: unknown };
  if (header.format !== MISAKI_TABLE_FORMAT || header.variant !== expectedVariant) {
    throw new Error(`Misaki table is format ${String(header.format)} for ${String(header.variant)}; re-import it`);
  }
  const entries = new Map<string, MisakiEntry>();
  for (const line of lines) {
    const tab = line.indexOf("\t");
    if (tab <= 0) throw new Error(`Misaki table line without a word: ${JSON.stringify(line)}`);
    const value = line.slice(tab + 1);
    entries.set(line.slice(0, tab), value.startsWith("{") ? (JSON.parse(value) as HeteronymEntry) : value);
  }
  return { variant: expectedVariant, source: String(header.source), notice: String(header.notice), entries };
}

/** Reads the committed table of one variant. */
export function readMisakiTable(variant: Variant, directory: string = MISAKI_TABLE_DIRECTORY): MisakiTable {
  const text = gunzipSync(readFileSync(join(directory, misakiTableFileName(variant)))).toString("utf8");
  return parseMisakiTable(text, variant);
}
