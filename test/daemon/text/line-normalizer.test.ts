import { describe, expect, it } from "vitest";
import { CODE_BLOCK_NOTICE } from "../../../daemon/src/text/markdown.js";
import { normalizeLines } from "../../../daemon/src/text/line-normalizer.js";
import { ensureSentenceEnd, normalizeText } from "../../../daemon/src/text/normalize.js";
import { loadCorpusFile, spokenBySegments } from "./corpus/developer-corpus.js";

describe("normalizeLines", () => {
  it("gives one line per input line and skips a fenced block's body", () => {
    expect(normalizeLines(["Run it:", "```ts", "const x = 1;", "```", "Done at 5pm."])).toEqual([
      "Run it:",
      CODE_BLOCK_NOTICE,
      "",
      "",
      "Done at five P-M.",
    ]);
  });

  it("closes a fence only with the marker that opened it, and runs an unclosed one to the end", () => {
    expect(normalizeLines(["~~~", "```", "x == y", "~~~", "a && b"])).toEqual([
      CODE_BLOCK_NOTICE,
      "",
      "",
      "",
      "a and b",
    ]);
    expect(normalizeLines(["```", "10-20", "more"])).toEqual([CODE_BLOCK_NOTICE, "", ""]);
  });

  it("agrees with the speak path on every single-line corpus line", () => {
    const rows = [...loadCorpusFile("main"), ...loadCorpusFile("holdout")].filter((row) => !row.input.includes("\n"));
    expect(rows.length).toBeGreaterThan(300);
    const disagreements = rows.filter(
      (row) => ensureSentenceEnd(normalizeLines([row.input])[0] ?? "") !== spokenBySegments(row.input),
    );
    expect(disagreements.map((row) => row.input)).toEqual([]);
    expect(normalizeLines(["a", "b"])).toEqual([normalizeText("a"), normalizeText("b")]);
  });
});
