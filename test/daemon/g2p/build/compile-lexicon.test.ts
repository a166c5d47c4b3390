import { describe, expect, it } from "vitest";
import { dictionary } from "cmu-pronouncing-dictionary";
import { isVocabSymbol } from "@kokoro-speech/protocol";
import { compileLexicon } from "../../../../daemon/src/g2p/build/compile-lexicon.js";

const american = compileLexicon(dictionary, "en-us");
const british = compileLexicon(dictionary, "en-gb");

describe("compileLexicon", () => {
  it("converts every CMUdict head word and skips the numbered alternates", () => {
    expect(american.words["hello"]).toBe("həlˈO");
    expect(american.words["read(2)"]).toBeUndefined();
    expect(Object.keys(american.words).length).toBeGreaterThan(125_000);
  });

  it("writes only symbols of the Kokoro vocabulary (besides ɾ, which G2P maps to T)", () => {
    for (const data of [american, british]) {
      const foreign = new Set<string>();
      for (const phonemes of Object.values(data.words)) {
        for (const symbol of phonemes) if (!isVocabSymbol(symbol) && symbol !== "ɾ") foreign.add(symbol);
      }
      expect([...foreign]).toEqual([]);
    }
  });

  it("writes function words without stress", () => {
    expect([american.words["the"], american.words["of"], american.words["and"]]).toEqual(["ði", "ʌv", "ænd"]);
  });

  it("derives noun and verb forms of stress-shift heteronyms from the CMUdict alternates", () => {
    expect(american.heteronyms["record"]).toEqual({ DEFAULT: "ɹˈɛkəɹd", NOUN: "ɹˈɛkəɹd", VERB: "ɹəkˈɔɹd" });
    expect(american.heteronyms["read"]).toEqual({ DEFAULT: "ɹˈid", VBD: "ɹˈɛd" });
  });

  it("stresses auxiliaries at the end of a sentence", () => {
    expect(american.heteronyms["have"]).toEqual({ DEFAULT: "hæv", None: "hˈæv" });
  });

  it("fixes CMUdict's number words the normaliser relies on", () => {
    expect([american.words["thirty"], american.words["zero"], american.words["nineteen"]]).toEqual([
      "θˈɜɹɾi",
      "zˈiɹO",
      "nˌIntˈin",
    ]);
  });

  it("stresses acronyms CMUdict spells out on their last letter, as spelled words", () => {
    expect([american.words["fbi"], american.words["ok"], british.words["usa"]]).toEqual([
      "ˌɛfbˌiˈI",
      "ˌOkˈA",
      "jˌuːˌɛsˈA",
    ]);
    expect(american.words["easy"]).toBe("ˈizi");
  });

  it("carries the CMUdict copyright notice", () => {
    expect(american.notice).toMatch(/Carnegie Mellon University/);
  });

  it("writes British letter names and non-rhotic vowels", () => {
    expect([british.words["Z"], british.words["car"]]).toEqual(["zˈɛd", "kˈɑː"]);
  });
});

describe("compileLexicon with Misaki's table", () => {
  const misaki = {
    variant: "en-us" as const,
    source: "test",
    notice: "Misaki notice",
    entries: new Map<string, string | { DEFAULT: string; VERB?: string }>([
      ["hello", "hˈɛlO"],
      ["Polish", "pˈOlɪʃ"],
      ["resident", "ɹˈɛzədᵊnt"],
      ["they", "ðA"],
      ["'ve", "v"],
      ["record", { DEFAULT: "ɹˈɛkəɹd", VERB: "ɹəkˈɔɹd" }],
      ["live", "lˈIv"],
    ]),
  };
  const merged = compileLexicon(dictionary, "en-us", misaki);

  it("takes Misaki's entries over CMUdict's and keeps CMUdict for words Misaki lacks", () => {
    expect(merged.words["hello"]).toBe("hˈɛlO");
    expect(merged.words["zebra"]).toBe(american.words["zebra"]);
    expect(merged.notice).toMatch(/^Misaki notice\n\n[\s\S]*Carnegie Mellon/);
  });

  it("drops CMUdict words Misaki reads through its case rule, its suffix rules or a clitic", () => {
    expect(merged.words["polish"]).toBeUndefined();
    expect(merged.words["residents"]).toBeUndefined();
    expect(merged.words["they've"]).toBeUndefined();
    expect([american.words["residents"], american.words["they've"]]).toEqual(["ɹˈɛzɪdᵊnts", "ðˈAv"]);
  });

  it("keeps Misaki's entries by part of speech and drops CMUdict's heteronym where Misaki has a word", () => {
    expect(merged.heteronyms["record"]).toEqual({ DEFAULT: "ɹˈɛkəɹd", VERB: "ɹəkˈɔɹd" });
    expect(merged.heteronyms["live"]).toBeUndefined();
    expect(merged.words["live"]).toBe("lˈIv");
  });
});
