import { describe, expect, it } from "vitest";
import { resolveWord, startsWithVowel, type WordContext } from "../../../daemon/src/g2p/resolve-word.js";
import { compiledLexicon } from "./lexicon-fixture.js";

const lexicon = compiledLexicon("en-us");

const CASES: [word: string, context: WordContext, expected: string | undefined][] = [
  ["the", { nextPhonemes: "ˈæpᵊl" }, "ði"],
  ["the", { nextPhonemes: "kˈæt" }, "ðə"],
  ["the", {}, "ðə"],
  ["to", {}, "tu"],
  ["A", {}, "ˈA"],
  ["a", { nextPhonemes: "kˈæt" }, "ɐ"],
  ["I", {}, "ˌI"],
  ["Hello", {}, "həlˈO"],
  ["It", { nextPhonemes: "ɪz" }, "ˌɪt"],
  ["NASA", {}, "nˈæsə"],
  ["café", {}, "kæfˈA"],
  ["cats'", {}, "kˈæts"],
  ["present", { previousWord: "to" }, "pɹizˈɛnt"],
  ["present", { previousWord: "the" }, "pɹˈɛzᵊnt"],
  ["42", {}, "fˌɔɹtˈu"],
  ["qwzx", {}, undefined],
];

describe("resolveWord", () => {
  for (const [word, context, expected] of CASES) {
    it(`resolves "${word}" in ${JSON.stringify(context)} to ${String(expected)}`, () => {
      expect(resolveWord(word, context, lexicon)?.phonemes).toBe(expected);
    });
  }

  it("lets the user lexicon win, exact case first", () => {
    const user = new Map([
      ["Nginx", "ˈɛnʤɪnˌɛks"],
      ["hello", "hˈɛlO"],
    ]);
    expect(resolveWord("Nginx", {}, lexicon, user)).toEqual({ phonemes: "ˈɛnʤɪnˌɛks", source: "user" });
    expect(resolveWord("Hello", {}, lexicon, user)?.phonemes).toBe("hˈɛlO");
  });
});

describe("startsWithVowel", () => {
  it("skips stress marks and answers undefined for nothing", () => {
    expect([startsWithVowel("ˈæpᵊl"), startsWithVowel("kˈæt"), startsWithVowel(undefined)]).toEqual([
      true,
      false,
      undefined,
    ]);
  });
});
