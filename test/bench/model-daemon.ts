/**
 * A real daemon process serving a given model file (`--model-path`, `--voices-path`) into the null sink, for the
 * speak-path benchmarks and the soak. The null sink plays nothing but the player still paces by its clock, so
 * scheduling, look-ahead and underruns behave as on a device.
 */
import { performance } from "node:perf_hooks";
import type { DaemonClient, DaemonEventMessage, ModelStatusReport } from "@kokoro-speech/protocol";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";

export interface ModelFiles {
  readonly modelPath: string;
  readonly voicesPath: string;
  readonly voice: string;
}

export interface ModelDaemon {
  readonly daemon: DaemonProcess;
  readonly client: DaemonClient;
  /** Spawn → `welcome` received. */
  readonly welcomeMs: number;
  /** Spawn → model state `ready` (engine load and warm-up, voices and lexicons). */
  readonly readyMs: number;
}

/** A short sentence with a made-up word: it loads espeak-ng's WASM and the voice pack before anything is measured. */
const WARM_UP_TEXT = "Warming up the zorblefrax engine now.";

/** Starts the daemon and waits for its model; a model that fails to load rejects with the daemon's reason. */
export async function startModelDaemon(model: ModelFiles, env?: NodeJS.ProcessEnv): Promise<ModelDaemon> {
  const start = performance.now();
  const daemon = await startDaemonProcess({
    sink: "null",
    ...(env ? { env } : {}),
    extraArgs: ["--model-path", model.modelPath, "--voices-path", model.voicesPath, "--log-level", "silent"],
  });
  const client = await daemon.connect("bench");
  const welcomeMs = performance.now() - start;
  try {
    await modelReady(client);
  } catch (error) {
    await client.close();
    await daemon.stop();
    throw error;
  }
  return { daemon, client, welcomeMs, readyMs: performance.now() - start };
}

/**
 * Ready with a synthesizer: the model manager's own "ready" (files verified) is also reported as state `ready`, just
 * before the engine starts loading, so the state alone does not say that `speak` will work.
 */
function isLoaded(model: ModelStatusReport): boolean {
  return model.state === "ready" && model.synthesizer !== undefined;
}

async function modelReady(client: DaemonClient): Promise<void> {
  let onDaemon: (event: DaemonEventMessage) => void = () => {};
  const changed = new Promise<void>((resolve, reject) => {
    onDaemon = (event) => {
      if (event.event !== "model") return;
      if (isLoaded(event.model)) resolve();
      if (event.model.state === "failed") reject(new Error(`model failed: ${event.model.error?.message}`));
    };
    client.on("daemon", onDaemon);
  });
  try {
    await client.request({ type: "subscribe", topics: ["daemon"] });
    const { model } = await client.status();
    if (model.state === "failed") throw new Error(`model failed: ${model.error?.message}`);
    if (!isLoaded(model)) await changed;
  } finally {
    client.off("daemon", onDaemon);
    await client.request({ type: "subscribe", topics: [] });
  }
}

/**
 * Speaks `text` with `sendAudio` and resolves with the time from sending the request to the first chunk frame's
 * arrival (chunks are sent as they are handed to the device), then stops the stream.
 */
export async function timeToFirstChunkMs(client: DaemonClient, text: string, voice: string): Promise<number> {
  const firstChunk = new Promise<number>((resolve) => client.once("chunk", () => resolve(performance.now())));
  const start = performance.now();
  const { streamId } = await client.request({ type: "speak", text, voice, sendAudio: true });
  const ttfaMs = (await firstChunk) - start;
  await client.request({ type: "stop", streamId: streamId! }).catch(() => undefined);
  await client.waitForTerminal(streamId!);
  return ttfaMs;
}

/** One untimed speak up to its first audio: the espeak-ng module, the voice pack and the JIT are warm afterwards. */
export async function warmUp(client: DaemonClient, voice: string): Promise<void> {
  await timeToFirstChunkMs(client, WARM_UP_TEXT, voice);
}

export async function stopModelDaemon(running: ModelDaemon): Promise<void> {
  await running.client.close();
  await running.daemon.stop();
}
