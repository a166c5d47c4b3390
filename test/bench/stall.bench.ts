/**
 * Big requests must not stall playback (issue 12). Run with `npm run bench -- stall`.
 *
 * A real daemon process (stand-in model, null sink paced by its clock) plays a short speak stream; meanwhile a
 * 200,000-character `speak` arrives from the same client (`enqueue`, so the playing stream goes on and the big one
 * starts when it ends, inside the window). Measured over a 5 s window from just before the request: the daemon's
 * longest event-loop block (perf_hooks.monitorEventLoopDelay, preloaded into the daemon process by
 * fixtures/event-loop-monitor.mjs), the longest round trip of a WebSocket ping that a second client sends every
 * 10 ms, and the underruns the daemon counted. Goal: longest block ≤ 20 ms, 0 underruns.
 *
 * Each daemon serves one request right after its model is ready (first use) and a second one after that (warm).
 * No caches exist on this path.
 */
import { readFile, rm, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { PROTOCOL_VERSION, WEBSOCKET_PATH } from "@kokoro-speech/protocol";
import { writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { startModelDaemon, stopModelDaemon, type ModelDaemon, type ModelFiles } from "./model-daemon.js";
import { summarize, type BenchRow } from "./stats.js";

const LOOP_MONITOR = fileURLToPath(new URL("./fixtures/event-loop-monitor.mjs", import.meta.url));
const DAEMONS = 3;
const WINDOW_MS = 5_000;
const PING_EVERY_MS = 10;
const BIG_CHARS = 200_000;
/** About 2 s of audio from the stand-in model: it ends inside the window, so the big stream starts there. */
const PLAYING_TEXT = "The stream that plays while the big request arrives. It must not stall.";

const PARAGRAPH =
  "Dr. Smith arrived at 3:05pm on Jan 3rd, 2025, e.g. after the meeting; it cost $5.50. She said the results " +
  "were 10-20% better than in 1990.\n\n";
/** The shapes that made one step of the front end long: prose, and text without any sentence boundary. */
const BIG_TEXTS: Record<string, string> = {
  prose: PARAGRAPH.repeat(Math.ceil(BIG_CHARS / PARAGRAPH.length)).slice(0, BIG_CHARS),
  "words without a stop": "hello world ".repeat(BIG_CHARS / 12).slice(0, BIG_CHARS),
  "numbers without a stop": "12345 67890 ".repeat(BIG_CHARS / 12).slice(0, BIG_CHARS),
};

interface Observation {
  loopMaxMs: number;
  pingMaxMs: number;
  underruns: number;
}

/** Asks the preloaded monitor for the event-loop delays since the last ask. */
async function loopMaxMs(running: ModelDaemon, reportPath: string): Promise<number> {
  await rm(reportPath, { force: true });
  process.kill(running.daemon.pid, "SIGUSR2");
  for (;;) {
    try {
      return (JSON.parse(await readFile(reportPath, "utf8")) as { maxMs: number }).maxMs;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** A second client that pings every 10 ms and keeps the longest round trip. */
async function startPinger(running: ModelDaemon): Promise<{ stop: () => number }> {
  const socket = new WebSocket(`ws://127.0.0.1:${running.daemon.port}${WEBSOCKET_PATH}`);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  socket.send(
    JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, client: "pinger", token: running.daemon.token }),
  );
  await new Promise((resolve) => socket.once("message", resolve));
  const sent: number[] = [];
  let longest = 0;
  socket.on("pong", () => {
    const at = sent.shift();
    if (at !== undefined) longest = Math.max(longest, performance.now() - at);
  });
  const timer = setInterval(() => {
    sent.push(performance.now());
    socket.ping();
  }, PING_EVERY_MS);
  return {
    stop: () => {
      clearInterval(timer);
      socket.close();
      // Pings never answered count for as long as they waited.
      for (const at of sent) longest = Math.max(longest, performance.now() - at);
      return longest;
    },
  };
}

async function observe(running: ModelDaemon, reportPath: string, voice: string, text: string): Promise<Observation> {
  const { client } = running;
  await client.request({ type: "speak", text: PLAYING_TEXT, voice, queue: "interrupt" });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const pinger = await startPinger(running);
  const underrunsBefore = (await client.status()).counters.underruns;
  await loopMaxMs(running, reportPath);
  await client.request({ type: "speak", text, voice, queue: "enqueue" });
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const loop = await loopMaxMs(running, reportPath);
  const pingMaxMs = pinger.stop();
  const underruns = (await client.status()).counters.underruns - underrunsBefore;
  await client.request({ type: "stop", all: true });
  return { loopMaxMs: loop, pingMaxMs, underruns };
}

export async function runStallBenchmarks(): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), "kokoro-stall-"));
  const voicesPath = join(directory, "voices");
  await mkdir(voicesPath);
  await writeVoiceBin(join(voicesPath, "af_fixture.bin"), 0);
  const model: ModelFiles = {
    modelPath: await writeStandInModel(join(directory, "model.onnx"), "kokoro-onnx"),
    voicesPath,
    voice: "af_fixture",
  };
  const rows: BenchRow[] = [];
  try {
    for (const [name, text] of Object.entries(BIG_TEXTS)) {
      const first: Observation[] = [];
      const warm: Observation[] = [];
      for (let run = 0; run < DAEMONS; run++) {
        const reportPath = join(directory, `loop-${run}.json`);
        const running = await startModelDaemon(model, {
          ...process.env,
          NODE_OPTIONS: `--import ${LOOP_MONITOR}`,
          KOKORO_BENCH_LOOP_REPORT: reportPath,
        });
        try {
          first.push(await observe(running, reportPath, model.voice, text));
          warm.push(await observe(running, reportPath, model.voice, text));
        } finally {
          await stopModelDaemon(running);
        }
      }
      for (const [when, observations] of [
        ["first use", first],
        ["warm", warm],
      ] as const) {
        const label = `200,000 chars of ${name} during playback, ${when}`;
        rows.push(
          summarize(
            `${label}: longest event-loop block`,
            "ms",
            observations.map((o) => o.loopMaxMs),
            "≤ 20 ms",
          ),
          summarize(
            `${label}: longest ping round trip (2nd client)`,
            "ms",
            observations.map((o) => o.pingMaxMs),
          ),
          summarize(
            `${label}: underruns`,
            "count",
            observations.map((o) => o.underruns),
            "0",
          ),
        );
      }
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return rows;
}
