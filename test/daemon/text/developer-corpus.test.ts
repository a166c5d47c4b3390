import { describe, expect, it } from "vitest";
import { loadCorpus, loadCorpusFile, passRateTable, runCorpus, type CorpusResult } from "./corpus/developer-corpus.js";

/** The corpus goal of issue 20 (docs/normalization.md records the measured rate). */
const CORPUS_GOAL = 0.95;
/** No single family may lag far behind, or a family could be broken while the total still passes. */
const FAMILY_FLOOR = 0.8;

const results = runCorpus([...loadCorpusFile("main"), ...loadCorpusFile("holdout")]);
const families = [...new Set(results.map((result) => result.family))];

function describeFailures(failed: readonly CorpusResult[]): string {
  return failed
    .map((r) => `line ${r.line}: ${JSON.stringify(r.input)}\n  expected ${r.expected}\n  actual   ${r.actual}`)
    .join("\n");
}

describe("developer-text corpus, read through the segments stage", () => {
  it("has at least 300 lines in every family the issues name", () => {
    expect(results.length).toBeGreaterThanOrEqual(300);
    expect(families.length).toBeGreaterThanOrEqual(25);
    for (const family of families) {
      expect(results.filter((r) => r.family === family).length, family).toBeGreaterThanOrEqual(6);
    }
  });

  it.each(families)("reads the family %s as developers say it", (family) => {
    const rows = results.filter((result) => result.family === family);
    const failed = rows.filter((result) => !result.passed);
    expect(1 - failed.length / rows.length, describeFailures(failed)).toBeGreaterThanOrEqual(FAMILY_FLOOR);
  });

  it(`reads at least ${CORPUS_GOAL * 100} % of all lines as expected`, () => {
    const failed = results.filter((result) => !result.passed);
    const rate = 1 - failed.length / results.length;
    expect(rate, `${passRateTable(results)}\n${describeFailures(failed)}`).toBeGreaterThanOrEqual(CORPUS_GOAL);
  });

  it("parses the corpus format: families, arrows and line breaks", () => {
    const rows = loadCorpus("# comment\n## A\none\\ntwo ⇒ one. two.\n\n## B\nx ⇒ \n");
    expect(rows).toEqual([
      { family: "A", input: "one\ntwo", expected: "one. two.", line: 3 },
      { family: "B", input: "x", expected: "", line: 6 },
    ]);
    expect(() => loadCorpus("## A\nno arrow here\n")).toThrow(/line 2/);
  });
});
