import { describe, expect, it } from "vitest";
import { absentRow, summarize, summarizeHigherIsBetter, toMarkdown } from "./stats.js";

const SAMPLES = Array.from({ length: 20 }, (_, index) => index + 1);

describe("bench statistics", () => {
  it("puts the slow tail (the 95th percentile) in the p95 column of a lower-is-better row", () => {
    expect(summarize("t", "ms", SAMPLES)).toMatchObject({ runs: 20, median: 10, p95: 19 });
  });

  it("puts the value 95 % of runs reached (the 5th percentile) in the p95 column of a higher-is-better row", () => {
    expect(summarizeHigherIsBetter("r", "words/s", SAMPLES)).toMatchObject({ runs: 20, median: 10, p95: 1 });
  });

  it("prints a row that could not be measured with dashes and its reason", () => {
    const table = toMarkdown([absentRow("real model load", "not present")]);
    expect(table.split("\n")[2]).toBe("| real model load |  | 0 | — | — | not present |");
  });
});
