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

  it("labels the tail p95 from 20 runs on, and as the worst run (max, or min where more is better) below", () => {
    const rows = [
      summarize("twenty", "ms", SAMPLES),
      summarize("five", "ms", SAMPLES.slice(0, 5)),
      summarizeHigherIsBetter("five, more is better", "×", SAMPLES.slice(0, 5)),
    ];
    expect(toMarkdown(rows).split("\n").slice(2)).toEqual([
      "| twenty | ms | 20 | 10.00 | 19.00 (p95) |  |",
      "| five | ms | 5 | 3.00 | 5.00 (max) |  |",
      "| five, more is better | × | 5 | 3.00 | 1.00 (min) |  |",
    ]);
  });

  it("prints a row that could not be measured with dashes and its reason", () => {
    const table = toMarkdown([absentRow("real model load", "not present")]);
    expect(table.split("\n")[2]).toBe("| real model load |  | 0 | — | — | not present |");
  });
});
