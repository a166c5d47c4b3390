import { EventEmitter } from "node:events";
import {
  ProtocolError,
  type ModelQuality,
  type ModelStatusReport,
  type SynthesisTotals,
} from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { KokoroEngine, VoiceStore, type ExecutionProvider } from "../engine/index.js";
import {
  createFallbackSynthesizer,
  FALLBACK_SYNTHESIZER_NAME,
  type FallbackSynthesizer,
} from "../fallback-voice/index.js";
import { createEspeakFallback, createG2P, loadLexicon, type Fallback, type G2P } from "../g2p/index.js";
import {
  DEFAULT_MODEL_DTYPE,
  installedModelDtype,
  modelUnavailableError,
  type ExistingPaths,
  type ModelManager,
  type ModelPaths,
  type ModelStatus,
} from "../models/index.js";
import { createTextCounters, type TextCounters } from "../text/index.js";
import { markStartup } from "../telemetry/startup-timeline.js";
import type { SynthesisSample } from "../telemetry/telemetry.js";
import { KokoroSynthesizer } from "./kokoro-synthesizer.js";
import { awaitingSynthesizer } from "./awaiting-synthesizer.js";
import {
  NO_SYNTHESIS,
  type Synthesizer,
  type SynthesizerProvider,
  type SynthesizerRequestOptions,
} from "../synthesizer/synthesizer.js";

export interface SpeechModelOptions {
  manager: ModelManager;
  dataDir: string;
  /** Model and voices the user already has (flag or env): verified in place, never copied. */
  existing?: ExistingPaths;
  /** Where the compiled lexicons are; the package's `assets/lexicon/` by default. */
  lexiconDir?: string;
  executionProvider?: ExecutionProvider;
  /** Without it the G2P spells or reports words the lexicon cannot resolve instead of asking espeak-ng. */
  useEspeakFallback?: boolean;
  /** Quiet time after which the espeak-ng host process is stopped to free its memory (the G2P's default when unset). */
  espeakIdleReleaseMs?: number;
  /**
   * Speak with espeak-ng's own voice (GPL-3, `daemon/src/fallback-voice/`) while the model is not ready. Default on;
   * without the `espeak-ng` package installed it has no effect.
   */
  useFallbackVoice?: boolean;
  /** Starts the fallback voice; `createFallbackSynthesizer` unless a test gives another. */
  createFallbackVoice?: () => Promise<FallbackSynthesizer | null>;
  /** Trim silence around segments (see trim-silence.ts). */
  trimSilence?: boolean;
  /** Receives every segment's inference time, audio length and tokens (RTF, ms per token). */
  onSynthesized?: (sample: SynthesisSample) => void;
  log?: Logger;
}

type Events = { status: [ModelStatusReport] };

/**
 * Owns the speech model's life in the daemon: finds installed files at start (or the user's own), downloads on
 * request, loads the engine, voices and lexicons, and hands out the synthesizer once ready. Until then speech waits
 * while an installed model is verified or loaded, the fallback voice speaks when there is no model (waiting for it
 * while it starts), and otherwise `speak` gets `model_unavailable` with the state and, while downloading, the
 * progress. Nothing here blocks the socket: every step runs in the background and reports through `status` events.
 */
export class SpeechModel extends EventEmitter<Events> implements SynthesizerProvider {
  readonly textCounters: TextCounters = createTextCounters();
  private readonly options: SpeechModelOptions;
  private report: ModelStatusReport = { state: "missing" };
  private ready: {
    synthesizer: KokoroSynthesizer;
    engine: KokoroEngine;
    g2p: G2P;
    espeak: Fallback | undefined;
  } | null = null;
  private memoryCleanups = 0;
  private loading: Promise<void> | null = null;
  /** Handed to speech requests while the model loads or the fallback voice starts; see `synthesizer`. */
  private awaiting: { until: Promise<void>; synthesizer: Synthesizer } | null = null;
  private fallback: FallbackSynthesizer | null = null;
  private fallbackStarted = false;
  /** Set while the fallback voice starts (a second or so after a daemon with no model starts). */
  private fallbackStarting: Promise<void> | null = null;
  /** Why the fallback voice could not start, kept to tell the user with every `model_unavailable` it causes. */
  private fallbackError: unknown = null;

  constructor(options: SpeechModelOptions) {
    super();
    this.options = options;
    options.manager.on("status", (status) => {
      if (this.report.state !== "loading" && this.report.state !== "ready") this.setReport(fromManager(status));
    });
  }

  /**
   * Looks for a model at start: the user's files, else an installed download. Does not download. The fallback voice
   * starts only when there is no model to load (or it fails to load), so an installed daemon never pays for it.
   * On return that is decided (loading or the fallback voice under way), though neither is done.
   */
  start(): void {
    if (this.options.existing) {
      this.install(this.options.manager.useExisting(this.options.existing));
      return;
    }
    const quality = installedModelDtype(this.options.dataDir);
    if (quality) this.install(this.options.manager.ensure({ model: quality }));
    else this.startFallbackVoice();
  }

  /** Starts a download of the model (and voices) unless one is loaded or under way. */
  download(quality: ModelQuality = DEFAULT_MODEL_DTYPE): ModelStatusReport {
    if (!this.ready && !this.loading) this.install(this.options.manager.ensure({ model: quality }));
    return this.status();
  }

  /** While the fallback voice speaks, or is starting to, the report says so: `synthesizer` and `provider` are "fallback". */
  status(): ModelStatusReport {
    if (this.ready || (!this.fallback && !this.fallbackStarting)) return this.report;
    return { ...this.report, synthesizer: FALLBACK_SYNTHESIZER_NAME, provider: "fallback" };
  }

  /**
   * The synthesizer, or `model_unavailable` saying why (missing, downloading 42 %, loading, failed). With
   * `awaitLoading`, a model that is installed and only being verified or loaded (the first seconds after the daemon
   * starts, which is exactly when the extension's first Speak arrives) gives a synthesizer that waits for it.
   */
  synthesizer(options: SynthesizerRequestOptions = {}): Synthesizer {
    // A stream keeps the synthesizer it started with: one begun on the fallback finishes on it, the next gets Kokoro.
    if (this.ready) return this.ready.synthesizer;
    if (this.fallback) return this.fallback;
    const coming = options.awaitLoading ? this.synthesizerComing() : null;
    if (coming === null) throw this.unavailableError();
    // One waiting synthesizer per thing awaited: every request in the meantime shares it.
    if (this.awaiting?.until !== coming.until) {
      const { until } = coming;
      const synthesizer = awaitingSynthesizer(coming.name, async () => {
        await until;
        return this.synthesizer();
      });
      this.awaiting = { until, synthesizer };
    }
    return this.awaiting.synthesizer;
  }

  /** `model_unavailable` saying why, and why the fallback voice is not speaking instead when it failed to start. */
  private unavailableError(): ProtocolError {
    const error = modelUnavailableError(this.report);
    if (this.fallbackError === null) return error;
    const reason = this.fallbackError instanceof Error ? this.fallbackError.message : String(this.fallbackError);
    return new ProtocolError("model_unavailable", `${error.message} The fallback voice could not start: ${reason}`, {
      cause: this.fallbackError,
    });
  }

  /** What will speak soon without the user doing anything, and what it waits for: the fallback voice, or the model. */
  private synthesizerComing(): { name: string; until: Promise<void> } | null {
    if (this.fallbackStarting) return { name: FALLBACK_SYNTHESIZER_NAME, until: this.fallbackStarting };
    const loadingInstalled = this.report.state === "verifying" || this.report.state === "loading";
    if (this.loading && loadingInstalled) return { name: "kokoro", until: this.loading };
    return null;
  }

  synthesisCounters(): SynthesisTotals {
    const fallbackStreams = this.fallback?.counters.streams ?? 0;
    if (!this.ready) return { ...NO_SYNTHESIS, fallbackStreams };
    const counters = this.ready.synthesizer.counters;
    return {
      fallbackStreams,
      memoryCleanups: this.memoryCleanups,
      segmentRetries: 0,
      inferences: counters.inferences,
      phonemeTokens: counters.tokens,
      droppedSymbols: counters.droppedSymbols,
      fallbackWords: counters.fallbackWords,
      providerFallbacks: this.ready.engine.stats().fallbacks,
    };
  }

  engineStats(): ReturnType<KokoroEngine["stats"]> | null {
    return this.ready?.engine.stats() ?? null;
  }

  g2pStats(): ReturnType<G2P["stats"]> | null {
    return this.ready?.g2p.stats() ?? null;
  }

  /** RSS of the helper processes the model runs (the espeak-ng host while it is up), as they last reported it. */
  helperRssBytes(): number {
    return this.ready?.espeak?.stats().host.rssBytes ?? 0;
  }

  async close(): Promise<void> {
    this.options.manager.dispose();
    await this.ready?.engine.close();
    await this.ready?.espeak?.close();
    await this.fallback?.close();
  }

  private install(paths: Promise<ModelPaths>): void {
    const loading = paths
      .then((ready) => this.load(ready))
      .catch((error: unknown) => {
        this.options.log?.warn({ err: error }, "speech model unavailable");
        this.startFallbackVoice();
        if (this.report.state !== "failed") {
          this.setReport({ state: "failed", error: { code: "load_failed", message: errorMessage(error) } });
        }
      })
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      });
    this.loading = loading;
  }

  private async load(paths: ModelPaths): Promise<void> {
    this.setReport({ state: "loading" });
    markStartup("modelFilesChecked");
    const voices = await VoiceStore.open(paths.voicesPath);
    markStartup("voicesOpened");
    const engine = new KokoroEngine(this.options.log ? { voices, log: this.options.log } : { voices });
    // The session loads and warms up in its worker thread: the lexicons are read meanwhile on this one.
    const loading = engine.load(
      this.options.executionProvider
        ? { modelPath: paths.modelPath, executionProvider: this.options.executionProvider }
        : { modelPath: paths.modelPath },
    );
    // Awaited below, after the lexicons: marked handled now, so a load failing first is not an unhandled rejection.
    loading.catch(() => undefined);
    let lexicons;
    try {
      const [us, gb] = await Promise.all([
        loadLexicon("en-us", this.options.lexiconDir),
        loadLexicon("en-gb", this.options.lexiconDir),
      ]);
      lexicons = { "en-us": us, "en-gb": gb };
      markStartup("lexiconsLoaded");
    } catch (error) {
      // The load goes on in its worker: wait for it so that the engine can be closed, then report the lexicons.
      await loading.then(
        () => engine.close(),
        (loadError: unknown) => this.options.log?.warn({ err: loadError }, "the model failed to load as well"),
      );
      throw error;
    }
    const loaded = await loading;
    markStartup("engineLoaded", { modelLoadMs: loaded.loadMs, modelWarmupMs: loaded.warmupMs });
    const espeak =
      this.options.useEspeakFallback === false
        ? undefined
        : createEspeakFallback({
            ...(this.options.espeakIdleReleaseMs !== undefined
              ? { idleReleaseMs: this.options.espeakIdleReleaseMs }
              : {}),
            onRelease: () => (this.memoryCleanups += 1),
            ...(this.options.log ? { log: this.options.log } : {}),
          });
    const g2p = createG2P(espeak ? { lexicons, fallback: espeak } : { lexicons });
    // The first utterance usually follows the daemon's start (the extension starts it to speak): start the espeak-ng
    // host now, in the background, so a name in the first sentence does not wait for it (a made-up word is one the
    // lexicon cannot resolve). It stops again after its idle time.
    void g2p.phonemize("zorblaxian", "en-us");
    const synthesizer = new KokoroSynthesizer({
      engine,
      voices,
      g2p,
      textCounters: this.textCounters,
      trimSilence: this.options.trimSilence ?? false,
      ...(this.options.onSynthesized ? { onSynthesized: this.options.onSynthesized } : {}),
    });
    this.ready = { synthesizer, engine, g2p, espeak };
    this.setReport({
      state: "ready",
      synthesizer: synthesizer.name,
      modelFile: paths.modelPath,
      ...(paths.dtype ? { dtype: paths.dtype } : {}),
      flavour: loaded.flavour,
      provider: loaded.provider,
      loadMs: Math.round(loaded.loadMs),
      warmupMs: Math.round(loaded.warmupMs),
    });
    markStartup("modelReady");
    this.options.log?.info({ ...this.report }, "speech model ready");
  }

  private startFallbackVoice(): void {
    if (this.options.useFallbackVoice === false || this.fallbackStarted) return;
    this.fallbackStarted = true;
    const create = this.options.createFallbackVoice ?? createFallbackSynthesizer;
    this.fallbackStarting = create().then(
      (fallback) => {
        this.fallback = fallback;
        this.fallbackStarting = null;
        markStartup("fallbackVoiceReady");
        if (!this.ready) this.emit("status", this.status());
      },
      (error: unknown) => {
        this.options.log?.warn({ err: error }, "the fallback voice could not start");
        this.fallbackError = error;
        this.fallbackStarting = null;
      },
    );
  }

  private setReport(report: ModelStatusReport): void {
    this.report = report;
    this.emit("status", this.status());
  }
}

function fromManager(status: ModelStatus): ModelStatusReport {
  // The manager's "ready" means the files are verified; the engine still has to load them before speech is ready.
  const report: ModelStatusReport = { state: status.state === "ready" ? "loading" : status.state };
  if (status.progress) {
    const { bytesDone, bytesTotal, percent, bytesPerSecond, etaSeconds } = status.progress;
    report.progress = {
      bytesDone,
      bytesTotal: bytesTotal ?? null,
      percent: percent ?? null,
      bytesPerSecond,
      etaSeconds: etaSeconds ?? null,
    };
  }
  if (status.error) report.error = { code: status.error.code, message: status.error.message };
  return report;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
