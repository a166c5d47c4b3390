import { describe, expect, it } from "vitest";
import { resolveInflection } from "../../../daemon/src/g2p/morphology.js";

// Stems as the lexicon has them; the words below are deliberately absent from this small table.
const STEMS: Readonly<Record<string, string>> = {
  cat: "kˈæt",
  dog: "dˈɔɡ",
  box: "bˈɑks",
  city: "sˈɪɾi",
  walk: "wˈɔk",
  want: "wˈɑnt",
  need: "nˈid",
  hate: "hˈAt",
  play: "plˈA",
  make: "mˈAk",
  run: "ɹˈʌn",
  sit: "sˈɪt",
  john: "ʤˈɑn",
};
const lookup = (stem: string): string | undefined => STEMS[stem];

const CASES: [word: string, variant: "en-us" | "en-gb", expected: string | undefined][] = [
  ["cats", "en-us", "kˈæts"],
  ["dogs", "en-us", "dˈɔɡz"],
  ["boxes", "en-us", "bˈɑksᵻz"],
  ["boxes", "en-gb", "bˈɑksɪz"],
  ["cities", "en-us", "sˈɪɾiz"],
  ["john's", "en-us", "ʤˈɑnz"],
  ["walked", "en-us", "wˈɔkt"],
  ["wanted", "en-us", "wˈɑntᵻd"],
  ["needed", "en-us", "nˈidᵻd"],
  ["hated", "en-us", "hˈAɾᵻd"],
  ["hated", "en-gb", "hˈAtɪd"],
  ["played", "en-us", "plˈAd"],
  ["walking", "en-us", "wˈɔkɪŋ"],
  ["making", "en-us", "mˈAkɪŋ"],
  ["running", "en-us", "ɹˈʌnɪŋ"],
  ["sitting", "en-us", "sˈɪɾɪŋ"],
  ["glass", "en-us", undefined],
  ["zzzing", "en-us", undefined],
];

describe("resolveInflection", () => {
  for (const [word, variant, expected] of CASES) {
    it(`resolves ${variant} "${word}" to ${String(expected)}`, () => {
      expect(resolveInflection(word, lookup, variant)).toBe(expected);
    });
  }
});
