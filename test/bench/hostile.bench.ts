/**
 * Memory under hostile frames (issue 12). Run with `npm run bench -- hostile`; `KOKORO_BENCH_HOSTILE_FRAMES` sets
 * the count (default 100,000).
 *
 * One client sends the fuzz test's hostile frames (test/helpers/hostile-frames.ts: every request type with
 * wrong-typed fields, prototype-shadowing keys, 250,000-character strings, nesting 100,000 deep, corrupted chunk
 * frames) to a real daemon process (test fixture synthesizer, null sink), in batches of 500, each closed by a
 * `status` whose answer says every frame before it was handled. The daemon's resident memory is read from that
 * `status` (`memory.rssBytes`): at the start, its peak over the run, at the end, and 10 s after the end.
 */
import fc from "fast-check";
import WebSocket from "ws";
import { PROTOCOL_VERSION, WEBSOCKET_PATH, type DaemonStatus } from "@kokoro-speech/protocol";
import { startDaemonProcess } from "../helpers/daemon-process.js";
import { hostileBinary, hostileRequest } from "../helpers/hostile-frames.js";
import { summarize, type BenchRow } from "./stats.js";

const FRAMES = Number(process.env.KOKORO_BENCH_HOSTILE_FRAMES ?? 100_000);
const BATCH = 500;
const MB = 1024 * 1024;

export async function runHostileBenchmarks(): Promise<BenchRow[]> {
  const daemon = await startDaemonProcess({
    sink: "null",
    withFixtureSynthesizer: true,
    extraArgs: ["--log-level", "silent"],
  });
  const socket = new WebSocket(`ws://127.0.0.1:${daemon.port}${WEBSOCKET_PATH}`);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const waiting = new Map<string, (status: DaemonStatus) => void>();
  socket.on("message", (data, isBinary) => {
    if (isBinary) return;
    const message = JSON.parse(String(data)) as { type: string; id?: string; result?: DaemonStatus };
    if (message.type === "ack" && message.id !== undefined) waiting.get(message.id)?.(message.result!);
  });
  socket.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, client: "hostile", token: daemon.token }));
  let syncs = 0;
  const status = (): Promise<DaemonStatus> => {
    const id = `bench-status-${syncs++}`;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ type: "status", id }));
    });
  };
  let frameNumber = 0;
  const frames = fc.oneof(
    { weight: 4, arbitrary: hostileRequest(() => `h${frameNumber++}`).map((frame) => frame.text as string | Buffer) },
    { weight: 1, arbitrary: hostileBinary as fc.Arbitrary<string | Buffer> },
  );
  const rssMb = async (): Promise<number> => (await status()).memory.rssBytes / MB;
  try {
    const startMb = await rssMb();
    let peakMb = startMb;
    const started = performance.now();
    for (let sent = 0; sent < FRAMES; sent += BATCH) {
      for (const frame of fc.sample(frames, { seed: sent, numRuns: BATCH })) socket.send(frame);
      peakMb = Math.max(peakMb, await rssMb());
    }
    const elapsedS = (performance.now() - started) / 1000;
    const endMb = await rssMb();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const settledMb = await rssMb();
    if (daemon.child.exitCode !== null) throw new Error("the daemon exited under hostile frames");
    return [
      summarize(`daemon RSS before ${FRAMES} hostile frames`, "MB", [startMb]),
      summarize(`daemon RSS peak while they arrive`, "MB", [peakMb]),
      summarize(`daemon RSS right after the last`, "MB", [endMb]),
      summarize(`daemon RSS 10 s later`, "MB", [settledMb]),
      summarize(`hostile frames handled per second`, "frames/s", [FRAMES / elapsedS]),
    ];
  } finally {
    socket.close();
    await daemon.stop();
  }
}
