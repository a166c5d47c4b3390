/**
 * Benchmark runner: `npm run bench` runs every suite but the soak; `npm run bench -- <suite>` runs one. Prints a
 * Markdown table to paste into docs/benchmarks.md together with the command and the machine. Build first
 * (`npm run build`).
 */
import { cpus } from "node:os";
import { runDaemonBenchmarks } from "./daemon.bench.js";
import { runEngineBenchmarks } from "./engine.bench.js";
import { runFrontEndBenchmarks } from "./frontend.bench.js";
import { runOpenAiBenchmarks } from "./openai.bench.js";
import { runRealBenchmarks } from "./real.bench.js";
import { runSoak } from "./soak.js";
import { runSpeakBenchmarks } from "./speak.bench.js";
import { toMarkdown, type BenchRow } from "./stats.js";

const SUITES: Record<string, () => Promise<BenchRow[]>> = {
  daemon: runDaemonBenchmarks,
  engine: runEngineBenchmarks,
  frontend: runFrontEndBenchmarks,
  speak: runSpeakBenchmarks,
  openai: runOpenAiBenchmarks,
  soak: runSoak,
  real: runRealBenchmarks,
};

/**
 * Suites that run only when named: the soak takes half an hour and needs KOKORO_BENCH_SOAK_MINUTES; `real` needs the
 * real-model fixture and the kokoro-onnx venv (npm run fetch:real-model -- --venv).
 */
const ON_REQUEST_ONLY = new Set(["soak", "real"]);

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(", ")}; known: ${Object.keys(SUITES).join(", ")}\n`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(SUITES).filter((name) => !ON_REQUEST_ONLY.has(name));
process.stdout.write(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}\n\n`);
for (const name of names) {
  let rows: BenchRow[];
  try {
    rows = await SUITES[name]!();
  } catch (error) {
    // Reported here: the phonemizer package rethrows unhandled rejections with its whole minified source attached.
    process.stderr.write(
      `suite ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`## ${name}\n\n${toMarkdown(rows)}\n\n`);
}
process.exit(0);
