import { describe, expect, it } from "vitest";
import { dictionary } from "cmu-pronouncing-dictionary";
import { isVocabSymbol } from "@kokoro-speech/shared";
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
