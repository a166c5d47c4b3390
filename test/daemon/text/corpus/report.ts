/**
 * Prints the developer corpus's pass rate per family and every line read differently from its expectation.
 * Run: `npx tsx test/daemon/text/corpus/report.ts` (add `--failures` to list the lines that fail).
 */
import { passRateTable, runCorpus } from "./developer-corpus.js";

const results = runCorpus();
process.stdout.write(`${passRateTable(results)}\n`);
if (process.argv.includes("--failures")) {
  for (const result of results.filter((r) => !r.passed)) {
    process.stdout.write(
      `\nline ${result.line} (${result.family})\n  input:    ${JSON.stringify(result.input)}\n  expected: ${result.expected}\n  actual:   ${result.actual}\n`,
    );
  }
}
