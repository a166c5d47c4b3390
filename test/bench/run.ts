/**
 * Benchmark runner: `npm run bench` runs every suite; `npm run bench -- <suite>` runs one. Prints a Markdown table
 * to paste into docs/benchmarks.md together with the command and the machine. Build first (`npm run build`).
 */
import { cpus } from "node:os";
import { runDaemonBenchmarks } from "./daemon.bench.js";
import { toMarkdown, type BenchRow } from "./stats.js";

const SUITES: Record<string, () => Promise<BenchRow[]>> = {
  daemon: runDaemonBenchmarks,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(", ")}; known: ${Object.keys(SUITES).join(", ")}\n`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(SUITES);
process.stdout.write(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}\n\n`);
for (const name of names) {
  const rows = await SUITES[name]!();
  process.stdout.write(`## ${name}\n\n${toMarkdown(rows)}\n\n`);
}
process.exit(0);
