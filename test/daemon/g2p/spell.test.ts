import { describe, expect, it } from "vitest";
import { isSpellable, spellWord } from "../../../daemon/src/g2p/spell.js";
import { compiledLexicon } from "./lexicon-fixture.js";

const lexicon = compiledLexicon("en-us");

const CASES: [word: string, expected: string | undefined][] = [
  ["USA", "jˌuˌɛsˈA"],
  ["tts", "tˌitˌiˈɛs"],
  ["B", "bˈi"],
  ["MP3", "ˌɛmpˌiθɹˈi"],
  ["café", undefined],
];

describe("spellWord", () => {
  for (const [word, expected] of CASES) {
    it(`spells ${word} as ${String(expected)}`, () => {
      expect(spellWord(word, lexicon)).toBe(expected);
    });
  }
});

describe("isSpellable", () => {
  it("accepts ASCII letters and digits only", () => {
    expect([isSpellable("Abc12"), isSpellable("naïve"), isSpellable("a-b"), isSpellable("")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
