/**
 * Soak (issue 5), not run in CI: `KOKORO_BENCH_SOAK_MINUTES=30 npm run bench -- soak`. Without the variable the
 * suite refuses to start, and `npm run bench` with no suite named never runs it.
 *
 * One daemon with the calibrated stand-in model (about 2 ms per token) and the null sink, for the given minutes:
 * speak (interrupting or queued), pause, resume, skip next/previous/restart, stop one and stop all, in random order
 * with random gaps of 50–1,500 ms. Reports the daemon's RSS drift (first sample after warm-up → last, sampled every
 * 10 s, plus the peak) and the terminal-event accounting: every stream whose `speak` was acknowledged must get
 * exactly one terminal event, and the daemon's counters must add up. Refusals a random action can legitimately
 * earn (nothing playing, stream not current, queue full) are expected; any other error code is counted.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { isProtocolError, type DaemonClient, type ErrorCode, type StreamEventMessage } from "@kokoro-speech/protocol";
import { prepareCalibratedModel } from "../fixtures/calibrated-model.js";
import { seededRandom } from "../helpers/seeded-random.js";
import { NEWS_ARTICLE_PARAGRAPHS } from "./fixtures/news-article.js";
import { startModelDaemon, stopModelDaemon, warmUp } from "./model-daemon.js";
import { summarize, type BenchRow } from "./stats.js";

const SOAK_MINUTES_VARIABLE = "KOKORO_BENCH_SOAK_MINUTES";
const RSS_SAMPLE_INTERVAL_MS = 10_000;
/** Set to print every memory sample on stderr as it is taken. */
const SOAK_TRACE_ENV = "KOKORO_BENCH_SOAK_TRACE";
/** The actions, texts and gaps come from a seeded generator: a soak that finds something can be run again as it was. */
const SOAK_SEED_ENV = "KOKORO_BENCH_SOAK_SEED";
const DEFAULT_SOAK_SEED = 16;
const SOAK_SEED = Number(process.env[SOAK_SEED_ENV] ?? DEFAULT_SOAK_SEED);
const random = seededRandom(SOAK_SEED);
const MIN_GAP_MS = 50;
const MAX_GAP_MS = 1_500;
const DRAIN_TIMEOUT_MS = 30_000;
const MS_PER_TOKEN = 2;
const MB = 1e6;
/** What a random action may be refused with while streams come and go; anything else is a finding. */
const EXPECTED_REFUSALS: ReadonlySet<ErrorCode> = new Set([
  "no_such_stream",
  "stream_not_current",
  "queue_full",
  "wrong_stream_kind",
]);

type Action = (client: DaemonClient, started: Set<number>) => Promise<unknown>;

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomText(): string {
  const first = Math.floor(random() * NEWS_ARTICLE_PARAGRAPHS.length);
  const count = 1 + Math.floor(random() * 3);
  return NEWS_ARTICLE_PARAGRAPHS.slice(first, first + count).join("\n\n");
}

function speakAction(voice: string, queue: "interrupt" | "enqueue"): Action {
  return async (client, started) => {
    const { streamId } = await client.request({ type: "speak", text: randomText(), voice, queue });
    started.add(streamId!);
  };
}

const CONTROL_ACTIONS: readonly Action[] = [
  (client) => client.request({ type: "pause" }),
  (client) => client.request({ type: "resume" }),
  (client) => client.request({ type: "skip", direction: "next" }),
  (client) => client.request({ type: "skip", direction: "previous" }),
  (client) => client.request({ type: "skip", direction: "restart" }),
  (client) => client.request({ type: "stop" }),
  (client) => client.request({ type: "stop", all: true }),
];

/** The soak's length from the environment, or undefined when it is not set to a positive number. */
export function soakMinutesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const minutes = Number(env[SOAK_MINUTES_VARIABLE]);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : undefined;
}

export async function runSoak(): Promise<BenchRow[]> {
  const minutes = soakMinutesFromEnv();
  if (minutes === undefined) throw new Error(`the soak runs only with ${SOAK_MINUTES_VARIABLE} set to its minutes`);
  const directory = await mkdtemp(join(tmpdir(), "kokoro-bench-soak-"));
  try {
    const model = await prepareCalibratedModel(directory, MS_PER_TOKEN);
    const running = await startModelDaemon(model);
    try {
      return await soak(running.client, model.voice, minutes * 60_000);
    } finally {
      await stopModelDaemon(running);
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function soak(client: DaemonClient, voice: string, durationMs: number): Promise<BenchRow[]> {
  await warmUp(client, voice);
  const terminals = new Map<number, number>();
  client.on("event", (event: StreamEventMessage) => {
    if (event.event === "completed" || event.event === "cancelled" || event.event === "failed") {
      terminals.set(event.streamId, (terminals.get(event.streamId) ?? 0) + 1);
    }
  });
  const baseline = (await client.status()).counters;
  const started = new Set<number>();
  const unexpected = new Map<string, number>();
  const actions: Action[] = [speakAction(voice, "interrupt"), speakAction(voice, "enqueue"), ...CONTROL_ACTIONS];
  const rssMb: number[] = [];
  const heapMb: number[] = [];
  let nextSampleMs = 0;
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    if (performance.now() >= nextSampleMs) {
      const { memory } = await client.status();
      rssMb.push(memory.rssBytes / MB);
      heapMb.push(memory.heapUsedBytes / MB);
      if (process.env[SOAK_TRACE_ENV]) console.error(`${new Date().toISOString()} ${JSON.stringify(memory)}`);
      nextSampleMs = performance.now() + RSS_SAMPLE_INTERVAL_MS;
    }
    try {
      await pick(actions)(client, started);
    } catch (error) {
      const code = isProtocolError(error) ? error.code : "not a protocol error";
      if (!isProtocolError(error) || !EXPECTED_REFUSALS.has(error.code)) {
        unexpected.set(code, (unexpected.get(code) ?? 0) + 1);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, MIN_GAP_MS + random() * (MAX_GAP_MS - MIN_GAP_MS)));
  }
  await client.request({ type: "stop", all: true });
  await drain(started, terminals);
  const status = await client.status();
  rssMb.push(status.memory.rssBytes / MB);
  heapMb.push(status.memory.heapUsedBytes / MB);

  const counters = status.counters;
  const daemonStarted = counters.streamsStarted - baseline.streamsStarted;
  const daemonEnded =
    counters.streamsCompleted +
    counters.streamsCancelled +
    counters.streamsFailed -
    (baseline.streamsCompleted + baseline.streamsCancelled + baseline.streamsFailed);
  const missing = [...started].filter((id) => !terminals.has(id)).length;
  const duplicated = [...terminals.values()].filter((count) => count > 1).length;
  const first = rssMb[0] as number;
  const last = rssMb.at(-1) as number;
  const one = (name: string, unit: string, value: number, goal?: string): BenchRow =>
    summarize(name, unit, [value], goal);
  return [
    one(`soak length (seed ${SOAK_SEED}, ${SOAK_SEED_ENV} to change)`, "min", durationMs / 60_000),
    one("streams started (acknowledged speaks)", "streams", started.size),
    one("streams without a terminal event", "streams", missing, "0"),
    one("streams with more than one terminal event", "streams", duplicated, "0"),
    one("daemon: started − (completed + cancelled + failed)", "streams", daemonStarted - daemonEnded, "0"),
    one("streams failed", "streams", counters.streamsFailed - baseline.streamsFailed, "0"),
    one(`unexpected errors (${[...unexpected.keys()].join(", ") || "none"})`, "count", sum(unexpected.values()), "0"),
    one("RSS after warm-up", "MB", first),
    one("RSS at the end", "MB", last),
    one("RSS drift (end − after warm-up)", "MB", last - first),
    one("RSS peak", "MB", Math.max(...rssMb)),
    // Where the drift happens: steady growth to the end is a leak; growth that stops early is caches filling up.
    ...[0.25, 0.5, 0.75].map((part) =>
      one(`RSS at ${part * 100} % of the run`, "MB", rssMb[Math.floor(part * (rssMb.length - 1))] as number),
    ),
    one("V8 heap used after warm-up", "MB", heapMb[0] as number),
    one("V8 heap used at the end", "MB", heapMb.at(-1) as number),
    one("underruns", "count", counters.underruns - baseline.underruns),
  ];
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Waits until every acknowledged stream has its terminal event, or the timeout passes. */
async function drain(started: ReadonlySet<number>, terminals: ReadonlyMap<number, number>): Promise<void> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (performance.now() < deadline && [...started].some((id) => !terminals.has(id))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
