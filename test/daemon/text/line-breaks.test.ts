import { describe, expect, it } from "vitest";
import { isLineBreakBoundary } from "../../../daemon/src/text/line-breaks.js";
import { Lookahead, NEED_MORE_INPUT } from "../../../daemon/src/text/lookahead.js";

/** Decides the first line break of `text`. */
function decide(text: string, isFinal = true): boolean {
  const breakAt = text.indexOf("\n");
  return isLineBreakBoundary(text.slice(0, breakAt), new Lookahead(text, isFinal), breakAt + 1);
}

describe("isLineBreakBoundary", () => {
  it.each([
    ["a line before a capital", "Milk\nEggs", true],
    ["a line before a digit", "Totals\n42 apples", true],
    ["a line before a bullet", "shopping list\n- eggs", true],
    ["a line before a numbered item", "steps\n1. open", true],
    ["a line before a heading", "end of text\n## next", true],
    ["a line before a code fence", "run this\n```", true],
    ["a heading before lower case", "# Title\nlower case", true],
    ["a soft wrap before lower case", "a long line\nwrapped here", false],
    ["a line ending in a function word", "Warm water and\nHot water", false],
    ["a line ending in a comma", "Dear Ana,\nThanks", false],
    ["a line ending in a hyphen", "multi-\nStage", false],
    ["a line ending in terminal punctuation (the full-stop rule decides)", "Dr.\nSmith", false],
  ])("decides %s: boundary %s", (_name, text, expected) => {
    expect(decide(text)).toBe(expected);
  });

  it("waits for more text when the next line is too short to classify", () => {
    expect(() => decide("list\n-", false)).toThrow();
    try {
      decide("list\n-", false);
    } catch (error) {
      expect(error).toBe(NEED_MORE_INPUT);
    }
  });
});
