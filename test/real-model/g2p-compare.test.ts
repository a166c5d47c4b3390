import { describe, expect, it } from "vitest";
import { differingWords, editDistance, phonemeWords, referenceWords } from "./g2p-compare.js";

describe("G2P parity measures", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "ðə", 2],
    ["kˈæt", "kˈæt", 0],
    ["kˈæt", "kˌæt", 1],
    ["ðə", "ði", 1],
    ["stɹˈits", "stɹˈit", 1],
  ])("edit distance of %j and %j is %i (code points)", (ours, reference, expected) => {
    expect(editDistance(ours, reference)).toBe(expected);
    expect(editDistance(reference, ours)).toBe(expected);
  });

  it("splits phoneme strings into words without punctuation", () => {
    expect(phonemeWords("hˈɛlO, wˈɜɹld! “jˈɛs” — nˈO…")).toEqual(["hˈɛlO", "wˈɜɹld", "jˈɛs", "nˈO"]);
  });

  it("labels every phoneme word of a multi-word token with the token's text", () => {
    expect(
      referenceWords([
        ["1998", "nˈIntˌin nˈIndi ˈAt"],
        [".", "."],
      ]),
    ).toEqual([
      { text: "1998", phonemes: "nˈIntˌin" },
      { text: "1998", phonemes: "nˈIndi" },
      { text: "1998", phonemes: "ˈAt" },
    ]);
  });

  it("names the substituted, missing and extra words after aligning", () => {
    const reference = referenceWords([
      ["The", "ðə"],
      ["cat", "kˈæt"],
      ["sat", "sˈæt"],
      ["on", "ˌɔn"],
      ["mats", "mˈæts"],
    ]);
    expect(differingWords(["ðə", "kˈæt", "sˈæt", "ɑn", "mˈæts"], reference)).toEqual([
      { text: "on", reference: "ˌɔn", ours: "ɑn" },
    ]);
    expect(differingWords(["ðə", "sˈæt", "ɑn", "ðə", "mˈæts"], reference)).toEqual([
      { text: "cat", reference: "kˈæt", ours: "" },
      { text: "on", reference: "ˌɔn", ours: "ɑn" },
      { text: "(extra)", reference: "", ours: "ðə" },
    ]);
    expect(differingWords(["ðə", "kˈæt", "sˈæt", "ˌɔn", "mˈæts"], reference)).toEqual([]);
  });
});
