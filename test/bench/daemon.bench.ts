/**
 * Daemon benchmarks (issue: workspace, protocol v1 and the daemon). Run with `npm run bench -- daemon`.
 *
 * - cold start: spawn `kokoro-speech serve` → first `welcome` over WebSocket (goal ≤ 300 ms).
 * - stop/pause → silence: through the real player and the real `speaker` sink into an ALSA capture, the audio the
 *   capture received after the request arrived (goal ≤ 50 ms), the audio the speaker host still held then, and the
 *   player's own estimate beside them.
 * - protocol: per-chunk overhead and chunks/s of client → daemon chunk frames over loopback.
 *
 * No caches exist on these paths; nothing is warmed between runs except the OS file cache.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { BYTES_PER_SECOND, DAEMON_PROCESS_ENV, DaemonClient, STATE_FILES } from "@kokoro-speech/protocol";
import { createSink } from "../../daemon/src/audio/index.js";
import { ClientPcmSource } from "../../daemon/src/player/client-pcm-source.js";
import { Player, type PlayerListener } from "../../daemon/src/player/player.js";
import { PlaybackStream } from "../../daemon/src/player/stream.js";
import { createAlsaCapture, type AlsaCapture } from "../helpers/alsa.js";
import { CLI_PATH, startDaemonProcess } from "../helpers/daemon-process.js";
import { makePcm, sendPcm } from "../helpers/pcm.js";
import { summarize, summarizeHigherIsBetter, type BenchRow } from "./stats.js";

/** Spawn → the daemon prints that it listens (its port accepts connections), and spawn → first `welcome`. */
export async function coldStartMs(): Promise<{ listeningMs: number; welcomeMs: number }> {
  const stateDir = await mkdtemp(join(tmpdir(), "kokoro-bench-"));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [CLI_PATH, "serve", "--port", "0", "--sink", "null", "--state-dir", stateDir, "--log-level", "silent"],
    { env: { ...process.env, ...DAEMON_PROCESS_ENV }, stdio: ["ignore", "pipe", "ignore"] },
  );
  let listeningMs = 0;
  const port = await new Promise<number>((resolve) => {
    let out = "";
    child.stdout.on("data", (data: Buffer) => {
      out += data.toString();
      const match = /:(\d+) /.exec(out);
      if (match) {
        listeningMs = performance.now() - t0;
        resolve(Number(match[1]));
      }
    });
  });
  const token = (await readFile(join(stateDir, STATE_FILES.token), "utf8")).trim();
  const client = await DaemonClient.connect({ port, token, clientName: "bench" });
  const welcomeMs = performance.now() - t0;
  await client.close();
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  await rm(stateDir, { recursive: true, force: true });
  return { listeningMs, welcomeMs };
}

const quietListener: PlayerListener = {
  streamEvent: () => {},
  streamAudio: () => {},
  playerChanged: () => {},
  audioChanged: () => {},
};

interface SilenceSample {
  /** Observed: bytes the ALSA capture received after the request arrived, as time at the device's rate. */
  readonly capturedAfterMs: number;
  /** Handed to the speaker host but not yet taken by the addon when the request arrived. */
  readonly hostBacklogMs: number;
  /** The player's own estimate (its device backlog plus anything handed after), bounded by its 50 ms lead. */
  readonly estimateMs: number;
}

function capturedBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Audio that still reaches the device after stop/pause. Observed from the ALSA capture: the bytes the `file` plugin
 * wrote after the request arrived (until the sink closed), turned into time at the device's rate. Beside it, what the
 * `speaker` host still held when the request came, and the player's own estimate for comparison.
 */
async function silenceAfter(action: "stop" | "pause", capture: AlsaCapture): Promise<SilenceSample> {
  const env = capture.env;
  let handedBytes = 0;
  const sink = createSink({ kind: "speaker", env });
  const countingSink = {
    ...sink,
    kind: sink.kind,
    open: () => sink.open(),
    close: () => sink.close(),
    onLost: (listener: Parameters<typeof sink.onLost>[0]) => sink.onLost(listener),
    get bytesAccepted() {
      return sink.bytesAccepted;
    },
    write: (pcm: Buffer) => {
      handedBytes += pcm.byteLength;
      return sink.write(pcm);
    },
  };
  const player = new Player({ createSink: () => countingSink, sinkName: "speaker", listener: quietListener });
  const source = new ClientPcmSource();
  const stream = new PlaybackStream({ id: 1, kind: "play", ownerId: 0, source, sendAudio: false });
  player.start(stream, "interrupt");
  const pcm = makePcm(24_000 * 3, 1);
  for (let seq = 0; seq * 4_800 < pcm.byteLength; seq++) source.push(seq, pcm.subarray(seq * 4_800, (seq + 1) * 4_800));
  // Let playback run a random 300–800 ms so the request lands at an arbitrary point of the pacing cycle.
  await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 500));
  // What sits in the device when the request arrives: handed minus what the playback clock says has played.
  const queuedMs = player.deviceBacklogMs();
  const handedAtRequest = handedBytes;
  const capturedAtRequest = capturedBytes(capture.capturePath);
  const hostBacklogBytes = handedBytes - sink.bytesAccepted;
  if (action === "stop") player.stop(1);
  else player.pause(1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const lateBytes = handedBytes - handedAtRequest;
  // Closing the sink ends the host and ALSA flushes the capture file: everything the device got is in it then.
  await player.shutdown();
  const capturedAfterBytes = capturedBytes(capture.capturePath) - capturedAtRequest;
  const toMs = (bytes: number): number => (bytes / BYTES_PER_SECOND) * 1000;
  return {
    capturedAfterMs: toMs(capturedAfterBytes),
    hostBacklogMs: toMs(hostBacklogBytes),
    estimateMs: queuedMs + toMs(lateBytes),
  };
}

async function chunkThroughput(
  chunkBytes: number,
  chunkCount: number,
): Promise<{ perChunkUs: number; chunksPerS: number }> {
  const daemon = await startDaemonProcess({ sink: "null", extraArgs: ["--log-level", "silent"] });
  const client = await daemon.connect();
  const { streamId } = await client.request({ type: "play" });
  const pcm = makePcm((chunkBytes / 2) * chunkCount, 2);
  const t0 = performance.now();
  sendPcm(client, streamId!, pcm, chunkBytes);
  // Requests are handled in arrival order, so this ack means every chunk before it was decoded and queued.
  await client.request({ type: "status" });
  const elapsedMs = performance.now() - t0;
  await client.close();
  await daemon.stop();
  return { perChunkUs: (elapsedMs * 1000) / chunkCount, chunksPerS: chunkCount / (elapsedMs / 1000) };
}

/** Twenty runs, so the tail column is a real 95th percentile. */
const COLD_START_RUNS = 20;
const SILENCE_RUNS = 20;

export async function runDaemonBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cold: Array<{ listeningMs: number; welcomeMs: number }> = [];
  for (let i = 0; i < COLD_START_RUNS; i++) cold.push(await coldStartMs());
  const listening = cold.map((run) => run.listeningMs);
  rows.push(summarize("cold start → accepting connections (port bound)", "ms", listening));
  // The goal is the client's view: a daemon is started when a client has its welcome, not when the port is bound.
  const welcome = cold.map((run) => run.welcomeMs);
  rows.push(summarize("cold start → first welcome (handshake done)", "ms", welcome, "≤ 300 ms"));

  const capture = await createAlsaCapture();
  try {
    for (const action of ["stop", "pause"] as const) {
      const samples: SilenceSample[] = [];
      for (let i = 0; i < SILENCE_RUNS; i++) samples.push(await silenceAfter(action, capture));
      rows.push(
        summarize(
          `${action} → silence, observed: audio the ALSA capture got after the request`,
          "ms",
          samples.map((sample) => sample.capturedAfterMs),
          "≤ 50 ms",
        ),
        summarize(
          `${action}: audio the speaker host still held at the request`,
          "ms",
          samples.map((sample) => sample.hostBacklogMs),
        ),
        summarize(
          `${action} → silence, the player's estimate (bounded by its 50 ms lead)`,
          "ms",
          samples.map((sample) => sample.estimateMs),
        ),
      );
    }
  } finally {
    await capture.cleanup();
  }

  const perChunk: number[] = [];
  const rate: number[] = [];
  for (let i = 0; i < 5; i++) {
    const result = await chunkThroughput(480, 2_000);
    perChunk.push(result.perChunkUs);
    rate.push(result.chunksPerS);
  }
  rows.push(summarize("chunk frame client → daemon, 480 B (10 ms)", "µs/chunk", perChunk));
  rows.push(summarizeHigherIsBetter("chunk frames per second over loopback", "chunks/s", rate));
  return rows;
}
