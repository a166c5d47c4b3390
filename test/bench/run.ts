/**
 * Benchmark runner: `npm run bench` runs every suite but the soak; `npm run bench -- <suite>` runs one. Prints a
 * Markdown table per suite, headed by the line docs/benchmarks.md keeps with it: command, commit, date, machine and
 * load average. Build first
 * (`npm run build`).
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { runColdSpeakBenchmarks } from "./cold-speak.bench.js";
import { runDaemonBenchmarks } from "./daemon.bench.js";
import { runEngineBenchmarks } from "./engine.bench.js";
import { runFrontEndBenchmarks } from "./frontend.bench.js";
import { runHostileBenchmarks } from "./hostile.bench.js";
import { runIdleRestartBenchmarks } from "./idle-restart.bench.js";
import { runOpenAiBenchmarks } from "./openai.bench.js";
import { runRealBenchmarks } from "./real.bench.js";
import { runSoak } from "./soak.js";
import { runSpeakBenchmarks } from "./speak.bench.js";
import { runStallBenchmarks } from "./stall.bench.js";
import { toMarkdown, type BenchRow } from "./stats.js";

const SUITES: Record<string, () => Promise<BenchRow[]>> = {
  daemon: runDaemonBenchmarks,
  engine: runEngineBenchmarks,
  frontend: runFrontEndBenchmarks,
  hostile: runHostileBenchmarks,
  speak: runSpeakBenchmarks,
  openai: runOpenAiBenchmarks,
  stall: runStallBenchmarks,
  "idle-restart": runIdleRestartBenchmarks,
  "cold-speak": runColdSpeakBenchmarks,
  soak: runSoak,
  real: runRealBenchmarks,
};

/**
 * Suites that run only when named: the soak takes half an hour and needs KOKORO_BENCH_SOAK_MINUTES; `real` needs the
 * real-model fixture and the kokoro-onnx venv (npm run fetch:real-model -- --venv).
 */
const ON_REQUEST_ONLY = new Set(["soak", "real"]);

/** The commit the figures come from (marked when the work tree differs from it). */
function commitOf(): string {
  const git = (args: string[]): string => execFileSync("git", args, { encoding: "utf8" }).trim();
  try {
    const commit = git(["rev-parse", "--short", "HEAD"]);
    return git(["status", "--porcelain", "--untracked-files=no"]) === "" ? commit : `${commit} + uncommitted changes`;
  } catch {
    return "unknown commit";
  }
}

/**
 * The line every table in docs/benchmarks.md carries: command, commit, date, machine and how loaded it was (the
 * 1-minute load average against the core count: figures taken on a busy machine say so).
 */
function provenance(suites: readonly string[]): string {
  const cores = cpus().length;
  const load = loadavg()[0] ?? 0;
  const busy =
    load > cores / 2
      ? ` · taken under load (load average ${load.toFixed(2)} on ${cores} cores)`
      : ` · load average ${load.toFixed(2)} on ${cores} cores`;
  const date = new Date().toISOString().slice(0, 10);
  const machine = `Node ${process.version}, ${cores} × ${cpus()[0]?.model ?? "unknown CPU"}`;
  return `Command: \`npm run bench -- ${suites.join(" ")}\` · commit ${commitOf()} · ${date} · ${machine}${busy}`;
}

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(", ")}; known: ${Object.keys(SUITES).join(", ")}\n`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(SUITES).filter((name) => !ON_REQUEST_ONLY.has(name));
for (const name of names) {
  // Taken before the suite runs: the load average is the machine's, not the suite's own.
  const header = provenance(requested);
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
  process.stdout.write(`## ${name}\n\n${header}\n\n${toMarkdown(rows)}\n\n`);
}
process.exit(0);
