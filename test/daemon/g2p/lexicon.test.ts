import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  indexLexicon,
  loadLexicon,
  parseLexicon,
  parseLexiconIndex,
  serializeLexicon,
  serializeLexiconIndex,
  type LexiconData,
} from "../../../daemon/src/g2p/lexicon.js";

const DATA: LexiconData = {
  variant: "en-us",
  notice: "test notice",
  words: { hello: "həlˈO", a: "ɐ", zebra: "zˈibɹə", A: "ˈA", "don't": "dˈOnt" },
  heteronyms: { read: { DEFAULT: "ɹˈid", VBD: "ɹˈɛd" } },
};

describe("parseLexicon", () => {
  const lexicon = parseLexicon(serializeLexicon(DATA), "en-us");

  it("finds every word that was serialised", () => {
    for (const [word, phonemes] of Object.entries(DATA.words)) expect(lexicon.lookup(word)).toBe(phonemes);
    expect(lexicon.size).toBe(Object.keys(DATA.words).length);
  });

  it("misses words that are absent, including Object.prototype names", () => {
    for (const word of ["hell", "zebras", "", "constructor", "toString"]) expect(lexicon.lookup(word)).toBeUndefined();
    expect(lexicon.heteronym("constructor")).toBeUndefined();
  });

  it("tells CMUdict-only words apart without changing their phonemes", () => {
    const marked = parseLexicon(serializeLexicon({ ...DATA, cmudictOnly: new Set(["zebra"]) }), "en-us");
    expect([marked.lookup("zebra"), marked.isCmudictOnly("zebra")]).toEqual(["zˈibɹə", true]);
    expect([marked.lookup("hello"), marked.isCmudictOnly("hello"), marked.isCmudictOnly("absent")]).toEqual([
      "həlˈO",
      false,
      false,
    ]);
  });

  it("returns heteronym tables", () => {
    expect(lexicon.heteronym("read")).toEqual({ DEFAULT: "ɹˈid", VBD: "ɹˈɛd" });
  });

  it("refuses an asset of the other variant", () => {
    expect(() => parseLexicon(serializeLexicon(DATA), "en-gb")).toThrow(/en-us/);
  });

  it("refuses an asset of another format", () => {
    const stale = serializeLexicon(DATA).replace('"format":4', '"format":3');
    expect(() => parseLexicon(stale, "en-us")).toThrow(/format 3/);
  });

  it("refuses text without a header", () => {
    expect(() => parseLexicon("hello\thəlˈO", "en-us")).toThrow(/header/);
  });
});

describe("the lexicon index", () => {
  const bytes = Buffer.from(serializeLexicon(DATA));
  const index = indexLexicon(bytes);

  it("round-trips through its file format and gives the same lookups as indexing at load", () => {
    const parsed = parseLexiconIndex(serializeLexiconIndex(index));
    expect(parsed).toBeDefined();
    expect([...(parsed?.lineStarts ?? [])]).toEqual([...index.lineStarts]);
    const withIndex = parseLexicon(bytes, "en-us", parsed);
    for (const [word, phonemes] of Object.entries(DATA.words)) expect(withIndex.lookup(word)).toBe(phonemes);
    for (const word of ["", "a\t", "zz", "é", "Ab"]) expect(withIndex.lookup(word)).toBeUndefined();
  });

  it("finds every key whatever its first bytes (one letter, apostrophe, capitals, accents, other scripts)", () => {
    const words: Record<string, string> = {};
    const keys = [
      "'s",
      "'twas",
      "A",
      "AA",
      "Ab",
      "a",
      "aa",
      "ab",
      "b",
      "ba",
      "café",
      "cafe",
      "é",
      "éclair",
      "日本",
      "Zz",
    ];
    keys.forEach((key, index) => (words[key] = `p${index}`));
    const tricky = parseLexicon(serializeLexicon({ ...DATA, words }), "en-us");
    for (const key of keys) expect(tricky.lookup(key), key).toBe(words[key]);
    for (const absent of ["'", "B", "ac", "caf", "日", "z"]) expect(tricky.lookup(absent), absent).toBeUndefined();
  });

  it("is refused when the bytes are not an index", () => {
    expect(parseLexiconIndex(new Uint8Array(12))).toBeUndefined();
    expect(parseLexiconIndex(Buffer.from("not an index at all"))).toBeUndefined();
  });
});

describe("loadLexicon", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "kokoro-lexicon-"));
    await writeFile(join(directory, "en-us.tsv"), serializeLexicon(DATA));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("reads an asset from a directory", async () => {
    const lexicon = await loadLexicon("en-us", directory);
    expect(lexicon.lookup("hello")).toBe("həlˈO");
  });

  it("uses the index beside the asset, and indexes the asset itself when the index is stale", async () => {
    const stale = serializeLexiconIndex(indexLexicon(Buffer.from(serializeLexicon({ ...DATA, words: { a: "ɐ" } }))));
    await writeFile(join(directory, "en-us.idx"), stale);
    const lexicon = await loadLexicon("en-us", directory);
    expect([lexicon.lookup("hello"), lexicon.lookup("zebra"), lexicon.size]).toEqual(["həlˈO", "zˈibɹə", 5]);
  });

  it("names the build step when the asset is missing", async () => {
    await expect(loadLexicon("en-gb", directory)).rejects.toThrow(/npm run build/);
  });
});
