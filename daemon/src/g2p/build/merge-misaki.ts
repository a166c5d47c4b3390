/**
 * Merging Misaki's gold and silver lexicons into one table (see import-misaki.ts). Misaki grows each dictionary
 * with case variants before looking words up; the merged table keeps the original keys plus only those grown keys
 * whose answer the run-time case rule would otherwise get wrong, so its lookups equal Misaki's.
 */
import { caseVariant, lookupWithCase } from "../lexicon-case.js";
import type { MisakiEntry } from "./misaki-table.js";

export type Dictionary = ReadonlyMap<string, MisakiEntry>;

/** Parses one of Misaki's JSON lexicons; `name` is used in errors. */
export function parseMisakiDictionary(json: string, name: string): Dictionary {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const dictionary = new Map<string, MisakiEntry>();
  for (const [word, value] of Object.entries(parsed)) {
    if (typeof value === "string") dictionary.set(word, value);
    else if (
      typeof value === "object" &&
      value !== null &&
      typeof (value as { DEFAULT?: unknown }).DEFAULT === "string"
    ) {
      // Misaki writes a missing pronunciation for a tag as null; the tag then falls back to DEFAULT.
      const entry = Object.fromEntries(Object.entries(value).filter(([, phonemes]) => typeof phonemes === "string"));
      dictionary.set(word, entry as MisakiEntry as Exclude<MisakiEntry, string>);
    } else throw new Error(`${name}: entry ${JSON.stringify(word)} is neither phonemes nor a tag table`);
  }
  return dictionary;
}

/** Misaki's `grow_dictionary`: every key with its case variant, original keys winning. */
function grow(dictionary: Dictionary): Map<string, MisakiEntry> {
  const grown = new Map<string, MisakiEntry>();
  for (const [word, entry] of dictionary) {
    const variant = caseVariant(word);
    if (variant !== undefined) grown.set(variant, entry);
  }
  for (const [word, entry] of dictionary) grown.set(word, entry);
  return grown;
}

/** Gold over silver, then the grown keys the case rule does not reproduce. */
export function mergeGoldSilver(gold: Dictionary, silver: Dictionary): Map<string, MisakiEntry> {
  const grownGold = grow(gold);
  const grownSilver = grow(silver);
  const expected = new Map(grownSilver);
  for (const [word, entry] of grownGold) expected.set(word, entry);

  const merged = new Map<string, MisakiEntry>(silver);
  for (const [word, entry] of gold) merged.set(word, entry);
  for (let round = 0; round < 5; round++) {
    let added = 0;
    for (const [word, entry] of expected) {
      if (lookupWithCase(word, (key) => merged.get(key)) !== entry) {
        merged.set(word, entry);
        added++;
      }
    }
    if (added === 0) return merged;
  }
  throw new Error("merging Misaki's gold and silver lexicons did not settle");
}
