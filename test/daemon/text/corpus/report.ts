/**
 * Prints the developer corpus's pass rate per family and every line read differently from its expectation.
 * Run: `npx tsx test/daemon/text/corpus/report.ts [main|holdout|all] [--failures]` (default: all).
 */
import { loadCorpusFile, passRateTable, runCorpus, type CorpusRow } from "./developer-corpus.js";

const which = process.argv.find((arg) => arg === "main" || arg === "holdout") ?? "all";
const rows: CorpusRow[] =
  which === "all" ? [...loadCorpusFile("main"), ...loadCorpusFile("holdout")] : loadCorpusFile(which);
const results = runCorpus(rows);
process.stdout.write(`${passRateTable(results)}\n`);
if (process.argv.includes("--failures")) {
  for (const result of results.filter((r) => !r.passed)) {
    process.stdout.write(
      `\nline ${result.line} (${result.family})\n  input:    ${JSON.stringify(result.input)}\n  expected: ${result.expected}\n  actual:   ${result.actual}\n`,
    );
  }
}
