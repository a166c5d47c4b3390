/**
 * Daemon benchmarks (issue: workspace, protocol v1 and the daemon). Run with `npm run bench -- daemon`.
 *
 * - cold start: spawn `kokoro-speech serve` → first `welcome` over WebSocket (goal ≤ 300 ms).
 * - stop/pause → silence: audio still queued in the device when stop or pause is requested, plus any write that
 *   completes after it, through the real player and the real `speaker` sink into an ALSA capture (goal ≤ 50 ms).
 * - protocol: per-chunk overhead and chunks/s of client → daemon chunk frames over loopback.
 *
 * No caches exist on these paths; nothing is warmed between runs except the OS file cache.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { BYTES_PER_SECOND, DAEMON_PROCESS_ENV, DaemonClient, STATE_FILES } from "@kokoro-speech/shared";
import { createSink } from "../../daemon/src/audio/index.js";
import { ClientPcmSource } from "../../daemon/src/player/client-pcm-source.js";
import { Player, type PlayerListener } from "../../daemon/src/player/player.js";
import { PlaybackStream } from "../../daemon/src/player/stream.js";
import { createAlsaCapture } from "../helpers/alsa.js";
import { CLI_PATH, startDaemonProcess } from "../helpers/daemon-process.js";
import { makePcm, sendPcm } from "../helpers/pcm.js";
import { summarize, type BenchRow } from "./stats.js";

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

/**
 * Audio that still sounds after stop/pause: what the device held when the request came (handed minus played by
 * the playback clock) plus anything handed after the request, in ms.
 */
async function silenceAfterMs(action: "stop" | "pause", env: NodeJS.ProcessEnv): Promise<number> {
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
  if (action === "stop") player.stop(1);
  else player.pause(1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const lateBytes = handedBytes - handedAtRequest;
  await player.shutdown();
  return queuedMs + (lateBytes / BYTES_PER_SECOND) * 1000;
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

export async function runDaemonBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cold: Array<{ listeningMs: number; welcomeMs: number }> = [];
  for (let i = 0; i < 15; i++) cold.push(await coldStartMs());
  const listening = cold.map((run) => run.listeningMs);
  rows.push(summarize("cold start → accepting connections (port bound)", "ms", listening, "≤ 300 ms"));
  rows.push(
    summarize(
      "cold start → first welcome (handshake done)",
      "ms",
      cold.map((run) => run.welcomeMs),
    ),
  );

  const capture = await createAlsaCapture();
  try {
    for (const action of ["stop", "pause"] as const) {
      const samples: number[] = [];
      for (let i = 0; i < 15; i++) samples.push(await silenceAfterMs(action, capture.env));
      rows.push(summarize(`${action} → silence (audio still sounding)`, "ms", samples, "≤ 50 ms"));
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
  rows.push(summarize("chunk frames per second over loopback", "chunks/s", rate));
  return rows;
}
