import { describe, expect, it } from "vitest";
import { createTextCounters } from "../../../daemon/src/text/counters.js";
import { foldPunctuation, readSymbols, tidySpacing } from "../../../daemon/src/text/punctuation.js";

describe("foldPunctuation", () => {
  it.each([
    ["“quoted”", '"quoted"'],
    ["it’s", "it's"],
    ["‘single’", "'single'"],
    ["wait...", "wait… "],
    ["wait . . . then", "wait…  then"],
    ["yes—no", "yes — no"],
    ["yes -- no", "yes — no"],
    ["yes - no", "yes — no"],
    ["10-20", "10-20"],
    ["well-known", "well-known"],
    ["终于。好", "终于. 好"],
  ])("folds %j into %j", (input, expected) => {
    expect(foldPunctuation(input)).toBe(expected);
  });
});

describe("readSymbols", () => {
  it.each([
    ["salt & pepper", "salt and pepper"],
    ["x = y + z", "x equals y plus z"],
    ["a -> b", "a to b"],
    ["~5 minutes", "about 5 minutes"],
    ["and/or", "and or"],
  ])("reads %j as %j", (input, expected) => {
    expect(readSymbols(input)).toBe(expected);
  });

  it("drops symbols without a spoken form and counts them", () => {
    const counters = createTextCounters();
    expect(tidySpacing(readSymbols("a | b ^ c # d", counters))).toBe("a b c d");
    expect(counters.droppedSymbols).toBe(3);
  });

  it("reads a spaced asterisk between operands as times", () => {
    expect(tidySpacing(readSymbols("a * b", createTextCounters()))).toBe("a times b");
  });
});

describe("tidySpacing", () => {
  it.each([
    ["  many   spaces  ", "many spaces"],
    ["no space before , or .", "no space before, or."],
    ["What?!?!", "What?"],
    ["empty () brackets", "empty brackets"],
    [", leading comma", "leading comma"],
    ["end,.", "end."],
  ])("tidies %j into %j", (input, expected) => {
    expect(tidySpacing(input)).toBe(expected);
  });
});
