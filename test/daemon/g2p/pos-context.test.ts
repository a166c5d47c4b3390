import { describe, expect, it } from "vitest";
import { guessPosTag, parentTag } from "../../../daemon/src/g2p/pos-context.js";

const CASES: [previousWord: string | undefined, expected: ReturnType<typeof guessPosTag>][] = [
  ["to", "VB"],
  ["will", "VB"],
  ["they", "VBP"],
  ["i", "VBP"],
  ["have", "VBD"],
  ["was", "VBD"],
  ["yesterday", "VBD"],
  ["the", "NOUN"],
  ["their", "NOUN"],
  ["green", undefined],
  [undefined, undefined],
];

describe("guessPosTag", () => {
  for (const [previousWord, expected] of CASES) {
    it(`tags a heteronym after ${String(previousWord)} as ${String(expected)}`, () => {
      expect(guessPosTag(previousWord)).toBe(expected);
    });
  }
});

describe("parentTag", () => {
  it.each([
    ["VB", "VERB"],
    ["VBD", "VERB"],
    ["VBN", "VERB"],
    ["VBP", "VERB"],
    ["NOUN", "NOUN"],
    ["DT", "DT"],
    ["ADJ", "ADJ"],
  ] as const)("maps %s to %s as Misaki does", (tag, parent) => {
    expect(parentTag(tag)).toBe(parent);
  });
});
