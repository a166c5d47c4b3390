import { describe, expect, it } from "vitest";
import { mergeGoldSilver, parseMisakiDictionary } from "../../../../daemon/src/g2p/build/merge-misaki.js";
import {
  parseMisakiTable,
  readMisakiTable,
  serializeMisakiTable,
} from "../../../../daemon/src/g2p/build/misaki-table.js";
import { lookupWithCase } from "../../../../daemon/src/g2p/lexicon-case.js";

/** What Misaki's own lookup answers: each dictionary grown with case variants, gold before silver. */
function misakiLookup(gold: Record<string, unknown>, silver: Record<string, unknown>, word: string): unknown {
  const grown = (dictionary: Record<string, unknown>): Map<string, unknown> => {
    const result = new Map<string, unknown>();
    for (const [key, value] of Object.entries(dictionary)) {
      if (key.length < 2) continue;
      const lower = key.toLowerCase();
      const capitalized = lower.charAt(0).toUpperCase() + lower.slice(1);
      if (key === lower && key !== capitalized) result.set(capitalized, value);
      else if (key === capitalized && key !== lower) result.set(lower, value);
    }
    for (const [key, value] of Object.entries(dictionary)) result.set(key, value);
    return result;
  };
  return grown(gold).get(word) ?? grown(silver).get(word);
}

const GOLD = {
  read: { DEFAULT: "ɹˈid", VBD: "ɹˈɛd", NOUN: null },
  apple: "ˈæpᵊl",
  Polish: "pˈOlɪʃ",
  US: { DEFAULT: "jˌuˈɛs", None: "ʌs" },
};
const SILVER = { apple: "ˈæpəl", polish: "pˈɑlɪʃ", Pear: "pˈɛɹ", Apple: "ˈæpəl" };

describe("mergeGoldSilver", () => {
  const gold = parseMisakiDictionary(JSON.stringify(GOLD), "gold");
  const silver = parseMisakiDictionary(JSON.stringify(SILVER), "silver");
  const merged = mergeGoldSilver(gold, silver);

  it("answers every key and case variant as Misaki's grown gold-then-silver lookup does", () => {
    const words = ["read", "Read", "apple", "Apple", "APPLE", "polish", "Polish", "pear", "Pear", "US", "us", "x"];
    for (const word of words) {
      const expected = misakiLookup(GOLD, SILVER, word);
      const normalized =
        typeof expected === "object" && expected !== null
          ? Object.fromEntries(Object.entries(expected).filter(([, phonemes]) => phonemes !== null))
          : expected;
      expect(
        lookupWithCase(word, (key) => merged.get(key)),
        word,
      ).toEqual(normalized);
    }
  });

  it("drops tags Misaki leaves empty (null) so they fall back to DEFAULT", () => {
    expect(gold.get("read")).toEqual({ DEFAULT: "ɹˈid", VBD: "ɹˈɛd" });
  });

  it("refuses an entry that is neither phonemes nor a tag table", () => {
    expect(() => parseMisakiDictionary('{"bad": 3}', "us_gold.json")).toThrow(/us_gold.json: entry "bad"/);
    expect(() => parseMisakiDictionary('{"bad": {"VERB": "x"}}', "us_gold.json")).toThrow(/bad/);
  });
});

describe("the committed Misaki tables", () => {
  it("round-trip through their text format", () => {
    const table = {
      variant: "en-us" as const,
      source: "test",
      notice: "notice",
      entries: new Map<string, string | { DEFAULT: string }>([
        ["b", "bˈi"],
        ["a", { DEFAULT: "ɐ" }],
      ]),
    };
    const parsed = parseMisakiTable(serializeMisakiTable(table), "en-us");
    expect([...parsed.entries]).toEqual([
      ["a", { DEFAULT: "ɐ" }],
      ["b", "bˈi"],
    ]);
    expect(() => parseMisakiTable(serializeMisakiTable(table), "en-gb")).toThrow(/re-import/);
  });

  it("hold Misaki's gold pronunciations and tag tables for both variants, with the licence notice", () => {
    const american = readMisakiTable("en-us");
    const british = readMisakiTable("en-gb");
    expect(american.entries.size).toBeGreaterThan(150_000);
    expect(british.entries.size).toBeGreaterThan(150_000);
    expect(american.notice).toMatch(/Apache License, Version 2.0/);
    expect(american.entries.get("record")).toEqual({ DEFAULT: "ɹˈɛkəɹd", VERB: "ɹəkˈɔɹd" });
    expect(american.entries.get("on")).toBe("ˌɔn");
    expect(british.entries.get("on")).toBe("ˌɒn");
  });
});
