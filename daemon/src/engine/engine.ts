/**
 * The Kokoro engine: phoneme strings in, 24 kHz s16le PCM out. It tokenizes, splits at the 510-token limit, runs
 * one inference per piece on a single onnxruntime session (serially, whatever the number of callers) and joins the
 * pieces. It does no G2P and no playback.
 */
import * as ort from "onnxruntime-node";
import type { Logger } from "pino";
import { PAD_TOKEN_ID, ProtocolError, SPEED_MAX, SPEED_MIN } from "@kokoro-speech/protocol";
import { floatsToS16le } from "./pcm.js";
import { SerialQueue } from "./serial-queue.js";
import {
  openKokoroSession,
  type ExecutionProvider,
  type KokoroSession,
  type ModelFlavour,
  type SessionSettings,
  type SpeedDtype,
} from "./session.js";
import { defaultIntraOpNumThreads } from "./threads.js";
import { splitPhonemesByTokenLimit } from "./token-split.js";
import { tokenizePhonemes } from "./tokenizer.js";
import { selectStyleRow, STYLE_DIM, type VoicePack } from "./voice-pack.js";
import type { VoiceStore } from "./voices.js";

/** A short, ordinary phrase ("hello world") so the warm-up exercises the same kernels real requests do. */
const WARM_UP_PHONEMES = "həlˈO wˈɜɹld";

export interface KokoroEngineOptions {
  /** Where voice ids and blends are resolved to packs. */
  readonly voices: VoiceStore;
  readonly log?: Logger;
}

export interface EngineLoadOptions {
  readonly modelPath: string;
  /** Defaults to "cpu". Any other provider falls back to CPU (once) if it cannot create a session or run. */
  readonly executionProvider?: ExecutionProvider;
  /** Defaults to the estimated physical core count (`defaultIntraOpNumThreads`). */
  readonly intraOpNumThreads?: number;
}

export interface EngineLoadReport {
  readonly provider: ExecutionProvider;
  readonly flavour: ModelFlavour;
  readonly speedDtype: SpeedDtype;
  readonly loadMs: number;
  readonly warmupMs: number;
}

export interface SynthesisRequest {
  readonly phonemes: string;
  /** A voice id or blend spec (`af_bella:0.6+af_heart:0.4`). */
  readonly voice: string;
  readonly speed: number;
}

export interface SynthesisResult {
  /** 24 kHz mono s16le. */
  readonly pcm: Buffer;
  readonly samples: number;
  /** Phoneme tokens sent to the model, pads excluded, over all pieces. */
  readonly tokens: number;
  /** Phoneme symbols outside the vocabulary, which never reached the model. */
  readonly droppedSymbols: number;
  /** Inferences run: more than one when the phonemes exceeded the 510-token limit. */
  readonly pieces: number;
  /** Time spent inside `session.run`, summed over pieces. */
  readonly inferenceMs: number;
  /** The speed the model received; differs from the request only for an int32-speed graph. */
  readonly appliedSpeed: number;
  /** Warning flag: the graph takes an int32 speed and the requested speed was rounded to fit it. */
  readonly speedRounded: boolean;
}

export interface EngineStats {
  readonly provider: ExecutionProvider | null;
  /** Times a non-CPU provider failed and the engine switched to CPU. */
  readonly fallbacks: number;
  readonly inferences: number;
  readonly tokens: number;
  readonly droppedSymbols: number;
  readonly loadMs: number | null;
  readonly warmupMs: number | null;
  readonly flavour: ModelFlavour | null;
  readonly speedDtype: SpeedDtype | null;
  /** Most inferences ever in flight at once; 1 while the serial queue holds. */
  readonly peakConcurrentInferences: number;
  /** synthesize calls queued or running. */
  readonly pendingSyntheses: number;
}

interface LoadedModel {
  readonly kokoro: KokoroSession;
  readonly settings: SessionSettings;
  readonly modelPath: string;
}

interface Piece {
  readonly ids: readonly number[];
  readonly style: Float32Array;
}

export class KokoroEngine {
  readonly #voices: VoiceStore;
  readonly #log: Logger | undefined;
  readonly #queue = new SerialQueue();
  #loaded: LoadedModel | null = null;
  #fallbacks = 0;
  #inferences = 0;
  #tokens = 0;
  #droppedSymbols = 0;
  #loadMs: number | null = null;
  #warmupMs: number | null = null;
  #running = 0;
  #peakRunning = 0;

  constructor(options: KokoroEngineOptions) {
    this.#voices = options.voices;
    this.#log = options.log;
  }

  /** Opens the model (replacing any loaded one) and runs one warm-up inference. */
  async load(options: EngineLoadOptions): Promise<EngineLoadReport> {
    return this.#queue.run(async () => {
      const settings: SessionSettings = {
        executionProvider: options.executionProvider ?? "cpu",
        intraOpNumThreads: options.intraOpNumThreads ?? defaultIntraOpNumThreads(),
      };
      await this.#release();
      const loadStart = performance.now();
      const { kokoro, provider } = await this.#openWithFallback(options.modelPath, settings);
      this.#loaded = { kokoro, settings: { ...settings, executionProvider: provider }, modelPath: options.modelPath };
      this.#loadMs = performance.now() - loadStart;
      if (kokoro.signature.speedDtype === "int32") {
        this.#log?.warn({ modelPath: options.modelPath }, "model takes an int32 speed: fractional speeds are rounded");
      }

      const warmupStart = performance.now();
      const warmUp: Piece = { ids: tokenizePhonemes(WARM_UP_PHONEMES).ids, style: new Float32Array(STYLE_DIM) };
      try {
        await this.#runPieceWithFallback(this.#loaded, warmUp, 1);
      } catch (error) {
        await this.#release();
        throw new ProtocolError("model_unavailable", "the model failed its warm-up inference", { cause: error });
      }
      this.#warmupMs = performance.now() - warmupStart;
      const report: EngineLoadReport = {
        provider: this.#loaded.settings.executionProvider,
        flavour: kokoro.signature.flavour,
        speedDtype: kokoro.signature.speedDtype,
        loadMs: this.#loadMs,
        warmupMs: this.#warmupMs,
      };
      this.#log?.info({ ...report, intraOpNumThreads: settings.intraOpNumThreads }, "kokoro model loaded");
      return report;
    });
  }

  /**
   * Synthesizes one phoneme string. `speed_out_of_range`, voice errors (`invalid_voice_spec`, `unknown_voice`) and
   * `model_unavailable` are raised before any inference runs; a failed inference is `synthesis_failed`.
   */
  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const { speed } = request;
    if (!Number.isFinite(speed) || speed < SPEED_MIN || speed > SPEED_MAX) {
      throw new ProtocolError("speed_out_of_range", `speed ${speed} is outside ${SPEED_MIN}–${SPEED_MAX}`);
    }
    // Queued before the voice is resolved so that calls are served strictly in call order.
    return this.#queue.run(async () =>
      this.#synthesizeNow(request.phonemes, await this.#voices.resolve(request.voice), speed),
    );
  }

  stats(): EngineStats {
    const signature = this.#loaded?.kokoro.signature;
    return {
      provider: this.#loaded?.settings.executionProvider ?? null,
      fallbacks: this.#fallbacks,
      inferences: this.#inferences,
      tokens: this.#tokens,
      droppedSymbols: this.#droppedSymbols,
      loadMs: this.#loadMs,
      warmupMs: this.#warmupMs,
      flavour: signature?.flavour ?? null,
      speedDtype: signature?.speedDtype ?? null,
      peakConcurrentInferences: this.#peakRunning,
      pendingSyntheses: this.#queue.pending,
    };
  }

  /** Releases the session after any queued work; `synthesize` then fails with `model_unavailable`. */
  async close(): Promise<void> {
    await this.#queue.run(() => this.#release());
  }

  async #synthesizeNow(phonemes: string, pack: VoicePack, speed: number): Promise<SynthesisResult> {
    if (this.#loaded === null) throw new ProtocolError("model_unavailable", "no model is loaded");
    const pieces: Piece[] = [];
    let dropped: string[] = [];
    for (const text of splitPhonemesByTokenLimit(phonemes)) {
      const tokenized = tokenizePhonemes(text);
      dropped = dropped.concat(tokenized.dropped);
      if (tokenized.ids.length > 0)
        pieces.push({ ids: tokenized.ids, style: selectStyleRow(pack, tokenized.ids.length) });
    }
    if (dropped.length > 0) {
      this.#droppedSymbols += dropped.length;
      this.#log?.warn({ dropped: [...new Set(dropped)], count: dropped.length }, "phoneme symbols not in vocabulary");
    }

    const waveforms: Float32Array[] = [];
    let inferenceMs = 0;
    let tokens = 0;
    for (const piece of pieces) {
      const run = await this.#runPieceWithFallback(this.#loaded, piece, speed);
      waveforms.push(run.waveform);
      inferenceMs += run.inferenceMs;
      tokens += piece.ids.length;
      this.#inferences++;
      this.#tokens += piece.ids.length;
    }
    const pcm = floatsToS16le(waveforms);
    const appliedSpeed = speedFedTo(this.#loaded.kokoro.signature.speedDtype, speed);
    return {
      pcm,
      samples: pcm.length / 2,
      tokens,
      droppedSymbols: dropped.length,
      pieces: pieces.length,
      inferenceMs,
      appliedSpeed,
      speedRounded: appliedSpeed !== speed,
    };
  }

  /** Runs one piece; a non-CPU provider that fails is replaced by a CPU session once and the piece retried. */
  async #runPieceWithFallback(
    loaded: LoadedModel,
    piece: Piece,
    speed: number,
  ): Promise<{ waveform: Float32Array; inferenceMs: number }> {
    try {
      return await this.#runPiece(loaded.kokoro, piece, speed);
    } catch (error) {
      if (loaded.settings.executionProvider === "cpu") {
        throw new ProtocolError("synthesis_failed", "inference failed", { cause: error });
      }
      this.#log?.warn(
        { err: error, provider: loaded.settings.executionProvider },
        "inference failed; switching to CPU",
      );
      await this.#release();
      const cpu: SessionSettings = { ...loaded.settings, executionProvider: "cpu" };
      const kokoro = await openKokoroSession(loaded.modelPath, cpu);
      this.#fallbacks++;
      this.#loaded = { kokoro, settings: cpu, modelPath: loaded.modelPath };
      try {
        return await this.#runPiece(kokoro, piece, speed);
      } catch (cpuError) {
        throw new ProtocolError("synthesis_failed", "inference failed on CPU too", { cause: cpuError });
      }
    }
  }

  async #runPiece(
    { session, signature }: KokoroSession,
    piece: Piece,
    speed: number,
  ): Promise<{ waveform: Float32Array; inferenceMs: number }> {
    const ids = new BigInt64Array(piece.ids.length + 2);
    ids[0] = BigInt(PAD_TOKEN_ID);
    for (let i = 0; i < piece.ids.length; i++) ids[i + 1] = BigInt(piece.ids[i] as number);
    ids[ids.length - 1] = BigInt(PAD_TOKEN_ID);
    const fedSpeed = speedFedTo(signature.speedDtype, speed);
    const feeds = {
      [signature.tokenInput]: new ort.Tensor("int64", ids, [1, ids.length]),
      [signature.styleInput]: new ort.Tensor("float32", piece.style, [1, STYLE_DIM]),
      [signature.speedInput]:
        signature.speedDtype === "int32"
          ? new ort.Tensor("int32", Int32Array.of(fedSpeed), [1])
          : new ort.Tensor("float32", Float32Array.of(fedSpeed), [1]),
    };
    this.#running++;
    this.#peakRunning = Math.max(this.#peakRunning, this.#running);
    const start = performance.now();
    try {
      const outputs = await session.run(feeds, [signature.audioOutput]);
      const inferenceMs = performance.now() - start;
      const audio = outputs[signature.audioOutput];
      // Exports differ in output rank ([N] or [1, N]); the flat data is the waveform either way.
      if (!(audio instanceof ort.Tensor) || !(audio.data instanceof Float32Array)) {
        throw new TypeError(`output ${signature.audioOutput} is not a float32 tensor`);
      }
      return { waveform: audio.data, inferenceMs };
    } finally {
      this.#running--;
    }
  }

  async #openWithFallback(
    modelPath: string,
    settings: SessionSettings,
  ): Promise<{ kokoro: KokoroSession; provider: ExecutionProvider }> {
    try {
      return { kokoro: await openKokoroSession(modelPath, settings), provider: settings.executionProvider };
    } catch (error) {
      if (settings.executionProvider === "cpu") throw error;
      this.#log?.warn({ err: error, provider: settings.executionProvider }, "provider unavailable; using CPU");
      this.#fallbacks++;
      const cpu: SessionSettings = { ...settings, executionProvider: "cpu" };
      return { kokoro: await openKokoroSession(modelPath, cpu), provider: "cpu" };
    }
  }

  async #release(): Promise<void> {
    const loaded = this.#loaded;
    this.#loaded = null;
    if (loaded !== null) await loaded.kokoro.session.release();
  }
}

/**
 * The speed value a graph receives. An int32 speed input can carry only the nearest integer, at least 1: truncating
 * 0.9 to 0 is what crashed kokoro-onnx on such graphs (kokoro-model.md §2.6).
 */
function speedFedTo(dtype: SpeedDtype, speed: number): number {
  return dtype === "int32" ? Math.max(1, Math.round(speed)) : speed;
}
