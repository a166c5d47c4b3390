import { describe, expect, it } from "vitest";
import { guessPosTag, isDemonstrativeThat, parentTag, type PosContext } from "../../../daemon/src/g2p/pos-context.js";

const CASES: [context: PosContext, expected: ReturnType<typeof guessPosTag>][] = [
  [{ previousWord: "to" }, "VB"],
  [{ previousWord: "will" }, "VB"],
  [{ previousWord: "they" }, "VBP"],
  [{ previousWord: "i", nextWord: "the" }, "VBP"],
  // A question: "did you read it", "have you read it".
  [{ secondPreviousWord: "did", previousWord: "you" }, "VB"],
  [{ previousWord: "have" }, "VBD"],
  [{ previousWord: "was" }, "VBD"],
  [{ previousWord: "yesterday" }, "VBD"],
  [{ previousWord: "the" }, "NOUN"],
  [{ previousWord: "the", nextWord: "of" }, "NOUN"],
  [{ previousWord: "their", nextWord: "friend" }, "ADJ"],
  // "the teacher read the poem": a content word, then an object.
  [{ previousWord: "teacher", nextWord: "the" }, "VBD"],
  [{ previousWord: "green" }, undefined],
  [{}, undefined],
];

describe("guessPosTag", () => {
  for (const [context, expected] of CASES) {
    it(`tags a word in ${JSON.stringify(context)} as ${String(expected)}`, () => {
      expect(guessPosTag(context)).toBe(expected);
    });
  }
});

describe("isDemonstrativeThat", () => {
  it.each([
    [{ nextWord: "was" }, true],
    [{ previousWord: "hear", nextWord: "noise" }, true],
    [{ previousWord: "like" }, true],
    [{ previousWord: "if", nextWord: "'s" }, true],
    [{ previousWord: "warned", nextWord: "the" }, false],
    [{ previousWord: "think", nextWord: "we" }, false],
    [{ previousWord: "comments", nextWord: "start" }, false],
  ] as [PosContext, boolean][])("%j → %s", (context, expected) => {
    expect(isDemonstrativeThat(context)).toBe(expected);
  });
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
