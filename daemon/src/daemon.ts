/**
 * Assembles a running daemon: lock, token, synthesizer, player, hub and server, in that order, and takes them
 * down in reverse.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { DAEMON_NAME, PROTOCOL_VERSION, type DaemonIdentity } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { createSink, type SinkOptions } from "./audio/index.js";
import type { DaemonConfig } from "./config.js";
import { Player } from "./player/player.js";
import { ClientConnection } from "./server/connection.js";
import { removeDiscoveryFile, writeDiscoveryFile } from "./server/discovery-file.js";
import { startHttpServer } from "./server/http-server.js";
import { createOpenAiRoutes } from "./server/openai/index.js";
import { Hub } from "./server/hub.js";
import { acquireInstanceLock } from "./server/instance-lock.js";
import { ensureToken } from "./server/token.js";
import { installedModelDtype } from "./models/installed-model.js";
import { DeferredSpeechProvider } from "./synthesis/deferred-provider.js";
import { SegmentRetryProvider } from "./synthesis/segment-retry.js";
import type { SpeechModel } from "./synthesis/speech-model.js";
import {
  FixedSynthesizerProvider,
  type Synthesizer,
  type SynthesizerFactory,
  type SynthesizerProvider,
} from "./synthesis/synthesizer.js";
import { formatPrometheus, PROMETHEUS_CONTENT_TYPE } from "./telemetry/prometheus.js";
import { markStartup } from "./telemetry/startup-timeline.js";
import { Telemetry } from "./telemetry/telemetry.js";
import { DAEMON_VERSION } from "./version.js";

export interface RunningDaemon {
  port: number;
  identity: DaemonIdentity;
  /** How long nothing has happened (see `Hub.idleForMs`); 0 while busy. */
  idleForMs(): number;
  close(): Promise<void>;
}

export type StartResult = { started: true; daemon: RunningDaemon } | { started: false; runningPid: number };

/** The configured port is taken by another program: the daemon says so instead of silently moving elsewhere. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} on 127.0.0.1 is in use by another program; choose another with --port or KOKORO_SPEECH_PORT`);
    this.name = "PortInUseError";
  }
}

function sinkOptionsFor(spec: string, log: Logger): SinkOptions {
  if (spec === "speaker") return { kind: "speaker", log };
  if (spec === "null") return { kind: "null", log };
  return { kind: "wav", path: resolve(spec.slice("wav:".length)), log };
}

async function loadSynthesizer(modulePath: string): Promise<Synthesizer> {
  const module = (await import(pathToFileURL(resolve(modulePath)).href)) as { createSynthesizer?: SynthesizerFactory };
  if (typeof module.createSynthesizer !== "function") {
    throw new Error(`${modulePath} does not export createSynthesizer()`);
  }
  return module.createSynthesizer();
}

interface Speech {
  readonly speech: SynthesizerProvider;
  /** Loads what speech needs beyond the fixture; called once the port is open. */
  readonly load: () => void;
  readonly closeSpeech: () => Promise<void>;
}

/** Whether the user named model files, or a downloaded model is in the data directory (verified when loaded). */
function isModelInstalled(config: DaemonConfig): boolean {
  return config.modelPath !== undefined || installedModelDtype(config.dataDir) !== null;
}

/**
 * The test fixture when `--synthesizer-module` names one; otherwise the Kokoro model, found or downloaded, whose
 * modules are imported only in `load`, after the port is open (see deferred-provider.ts).
 */
async function createSpeech(config: DaemonConfig, telemetry: Telemetry, log: Logger): Promise<Speech> {
  const retrying = (speech: SynthesizerProvider): SynthesizerProvider =>
    config.retryFailedSegment ? new SegmentRetryProvider(speech, log) : speech;
  if (config.synthesizerModule) {
    const speech = new FixedSynthesizerProvider(await loadSynthesizer(config.synthesizerModule));
    return { speech: retrying(speech), load: () => {}, closeSpeech: async () => {} };
  }
  const deferred = new DeferredSpeechProvider(isModelInstalled(config), config.fallbackVoice);
  let loaded: Promise<SpeechModel | null> = Promise.resolve(null);
  const load = (): void => {
    loaded = loadSpeechModel(config, telemetry, log).then(
      (model) => {
        deferred.ready(model);
        return model;
      },
      (error: unknown) => {
        log.error({ err: error }, "cannot load the speech modules");
        return null;
      },
    );
  };
  return { speech: retrying(deferred), load, closeSpeech: async () => (await loaded)?.close() };
}

async function loadSpeechModel(config: DaemonConfig, telemetry: Telemetry, log: Logger): Promise<SpeechModel> {
  const [{ SpeechModel }, { ModelManager }] = await Promise.all([
    import("./synthesis/speech-model.js"),
    import("./models/index.js"),
  ]);
  const model = new SpeechModel({
    manager: new ModelManager({ dataDir: config.dataDir, log }),
    dataDir: config.dataDir,
    ...(config.modelPath && config.voicesPath
      ? { existing: { modelPath: resolve(config.modelPath), voicesPath: resolve(config.voicesPath) } }
      : {}),
    executionProvider: config.provider,
    trimSilence: config.trimSilence,
    useFallbackVoice: config.fallbackVoice,
    espeakIdleReleaseMs: config.espeakIdleMs,
    onSynthesized: (sample) => telemetry.recordSynthesis(sample),
    log,
  });
  // Handed over once it knows whether it loads a model or starts the fallback voice, so no request falls between.
  model.start();
  return model;
}

export async function startDaemon(config: DaemonConfig, log: Logger): Promise<StartResult> {
  const lock = await acquireInstanceLock(config.stateDir);
  if (!lock.acquired) return { started: false, runningPid: lock.pid };
  try {
    const { token, tokenPath } = await ensureToken(config.stateDir);
    const telemetry = new Telemetry();
    const { speech, load: loadSpeech, closeSpeech } = await createSpeech(config, telemetry, log);
    const identity: DaemonIdentity = {
      name: DAEMON_NAME,
      version: DAEMON_VERSION,
      pid: process.pid,
      protocol: PROTOCOL_VERSION,
    };
    const hub = new Hub({ identity, startedAtMs: Date.now(), speech, telemetry, log });
    const sinkOptions = sinkOptionsFor(config.sink, log);
    const player = new Player({
      createSink: () => createSink(sinkOptions),
      sinkName: config.sink,
      listener: hub,
      log,
      audioIdleCloseMs: config.audioIdleCloseMs,
    });
    hub.attachPlayer(player);

    let nextConnectionId = 1;
    const server = await startHttpServer({
      port: config.port,
      identity,
      status: () => hub.status(),
      metrics: () => ({ contentType: PROMETHEUS_CONTENT_TYPE, body: formatPrometheus(hub.status()) }),
      routes: createOpenAiRoutes({ token, speech, log }),
      log,
      onConnection: (socket) => {
        hub.addConnection(
          new ClientConnection({ id: nextConnectionId++, socket, token, version: DAEMON_VERSION, handler: hub, log }),
        );
      },
    }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? new PortInUseError(config.port) : error;
    });

    await writeDiscoveryFile(config.stateDir, {
      name: DAEMON_NAME,
      pid: process.pid,
      port: server.port,
      host: "127.0.0.1",
      version: DAEMON_VERSION,
      protocol: PROTOCOL_VERSION,
      tokenPath,
      startedAt: new Date().toISOString(),
    });
    markStartup("listening");
    log.info({ port: server.port, sink: config.sink, model: speech.status().state }, "daemon listening");
    loadSpeech();

    let closing: Promise<void> | null = null;
    return {
      started: true,
      daemon: {
        port: server.port,
        identity,
        idleForMs: () => hub.idleForMs(),
        close: () =>
          (closing ??= (async () => {
            await player.shutdown();
            await server.close();
            await closeSpeech();
            await removeDiscoveryFile(config.stateDir);
            await lock.release();
          })()),
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
