import { describe, expect, it } from "vitest";
import { guessPosTag } from "../../../daemon/src/g2p/pos-context.js";

const CASES: [previousWord: string | undefined, expected: ReturnType<typeof guessPosTag>][] = [
  ["to", "VERB"],
  ["will", "VERB"],
  ["they", "VERB"],
  ["have", "VBD"],
  ["was", "VBD"],
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
