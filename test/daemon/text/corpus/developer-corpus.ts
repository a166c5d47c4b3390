/**
 * The developer-text corpus (issues 15 and 20): lines written for this project, each with the words a developer
 * would say, read through the speak path's text stage exactly as `kokoro-speech segments` prints it.
 */
import { readFileSync } from "node:fs";
import { segmentText } from "../../../../daemon/src/text/index.js";

export interface CorpusRow {
  readonly family: string;
  readonly input: string;
  readonly expected: string;
  /** Line in the corpus file, for failure reports. */
  readonly line: number;
}

export interface CorpusResult extends CorpusRow {
  readonly actual: string;
  readonly passed: boolean;
}

/** The main corpus, and the held-out lines written after the rules and run once before any rule changed. */
export const CORPUS_FILES = {
  main: new URL("../../../fixtures/normalization/developer-corpus.txt", import.meta.url),
  holdout: new URL("../../../fixtures/normalization/developer-corpus-holdout.txt", import.meta.url),
} as const;

/** Parses the corpus file: "## family" headings, rows "input ⇒ expected", "\n" in inputs for line breaks. */
export function loadCorpus(text: string): CorpusRow[] {
  const rows: CorpusRow[] = [];
  let family = "";
  text.split("\n").forEach((raw, index) => {
    if (raw.startsWith("## ")) {
      family = raw.slice(3).trim();
      return;
    }
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const arrow = raw.indexOf(" ⇒");
    if (arrow < 0) throw new Error(`corpus line ${index + 1} has no ⇒`);
    rows.push({
      family,
      input: raw.slice(0, arrow).replace(/\\n/g, "\n"),
      expected: raw.slice(arrow + 2).trim(),
      line: index + 1,
    });
  });
  return rows;
}

/** What `segments` prints for `input`, its lines joined by a space; empty when nothing is speakable. */
export function spokenBySegments(input: string): string {
  try {
    return [...segmentText(input)].map((segment) => segment.spokenText).join(" ");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "empty_text") return "";
    throw error;
  }
}

/** Reads one corpus file. */
export function loadCorpusFile(which: keyof typeof CORPUS_FILES): CorpusRow[] {
  return loadCorpus(readFileSync(CORPUS_FILES[which], "utf8"));
}

export function runCorpus(rows: readonly CorpusRow[]): CorpusResult[] {
  return rows.map((row) => {
    const actual = spokenBySegments(row.input);
    return { ...row, actual, passed: actual === row.expected };
  });
}

/** Pass rate per family and overall, as a Markdown table. */
export function passRateTable(results: readonly CorpusResult[]): string {
  const families = [...new Set(results.map((result) => result.family))];
  const row = (name: string, subset: readonly CorpusResult[]): string => {
    const passed = subset.filter((result) => result.passed).length;
    return `| ${name} | ${subset.length} | ${passed} | ${((100 * passed) / subset.length).toFixed(1)} % |`;
  };
  return [
    "| family | lines | read as expected | pass rate |",
    "|---|---:|---:|---:|",
    ...families.map((family) =>
      row(
        family,
        results.filter((result) => result.family === family),
      ),
    ),
    row("**all**", results),
  ].join("\n");
}
