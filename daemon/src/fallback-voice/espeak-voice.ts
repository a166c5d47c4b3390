/**
 * espeak-ng's own voice, rendered by the npm WASM build (`espeak-ng`, GPL-3.0-or-later) and converted to the
 * product's PCM format. This is the only module that loads the package, and only through a dynamic `import()`,
 * so the daemon starts without its 18 MB of WASM and builds without the package.
 *
 * How the package behaves (measured on espeak-ng 1.0.2, Node 20):
 * - It is the espeak-ng command line compiled with Emscripten: one instance runs `main` once with `arguments`; the
 *   build exports neither `callMain` nor `malloc`, so an instance cannot be reused. Each render instantiates a new
 *   one from a WebAssembly.Module compiled once (compiling takes ~15 ms, reading the file ~20 ms).
 * - `-w <file>` writes a 16-bit mono WAV at 22,050 Hz into the instance's in-memory FS (`-q` would write nothing).
 * - Every render spends ~120 ms inside `main` loading espeak's data, then synthesizes far faster than real time.
 *   That `main` runs synchronously, which on the daemon's thread would stall the socket and the playback clock, so
 *   renders run in a worker thread.
 * - Each instance has a fixed 32 MB heap, freed with the instance; `main` calling `exit` would set
 *   `process.exitCode`, so the worker passes its own `quit`.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ProtocolError, SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { Resampler } from "./resample.js";
import { readWavPcm } from "./wav-pcm.js";

/** espeak-ng voices used for Kokoro's two English variants, as kokoro-js picks them. */
export type EspeakLanguage = "en-us" | "en";

/** espeak-ng's default speaking rate (`-s`), which Kokoro's speed 1 maps to. */
export const ESPEAK_DEFAULT_WORDS_PER_MINUTE = 175;

export interface EspeakRenderOptions {
  language: EspeakLanguage;
  /** Kokoro's speed factor; the words-per-minute rate scales with it. */
  speed: number;
}

const OUTPUT_WAV_PATH = "/speech.wav";

type WorkerReport =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "rendered"; id: number; wav: Uint8Array }
  | { type: "renderFailed"; id: number; message: string };

interface PendingRender {
  resolve: (wav: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's program. It is evaluated from this string because a separate worker file would have to exist as
 * JavaScript both in the build and when tests run the TypeScript sources. It imports the package, compiles the
 * WASM once and answers each render with the WAV bytes, or with espeak's error output.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFile } = require("node:fs/promises");
let espeak;
(async () => {
  const { default: createEspeak } = await import(workerData.moduleUrl);
  const wasm = await WebAssembly.compile(await readFile(workerData.wasmPath));
  espeak = { createEspeak, wasm };
  parentPort.postMessage({ type: "ready" });
})().catch((error) => parentPort.postMessage({ type: "failed", message: String(error && error.message || error) }));

function render(args) {
  const errorLines = [];
  let exitStatus = 0;
  return new Promise((resolve, reject) => {
    espeak.createEspeak({
      arguments: args,
      print: () => {},
      printErr: (line) => errorLines.push(line),
      quit: (status, toThrow) => { exitStatus = status; throw toThrow; },
      instantiateWasm: (imports, done) => {
        WebAssembly.instantiate(espeak.wasm, imports).then((instance) => done(instance, espeak.wasm), reject);
        return {};
      },
    }).then((instance) => {
      const path = workerData.outputPath;
      if (exitStatus !== 0 || !instance.FS.analyzePath(path).exists) {
        reject(new Error("espeak-ng exited with status " + exitStatus + ": " + errorLines.join(" ")));
        return;
      }
      resolve(instance.FS.readFile(path).slice());
    }, reject);
  });
}

parentPort.on("message", ({ id, args }) => {
  render(args).then(
    (wav) => parentPort.postMessage({ type: "rendered", id, wav }, [wav.buffer]),
    (error) => parentPort.postMessage({ type: "renderFailed", id, message: String(error && error.message || error) }),
  );
});
`;

function renderFailed(message: string): ProtocolError {
  return new ProtocolError("synthesis_failed", `The fallback voice failed: ${message}`);
}

/** `[[` switches espeak-ng to phoneme input; text must stay text. */
function escapePhonemeBrackets(text: string): string {
  return text.replaceAll("[[", "[ [");
}

/** Rounds, clamps and packs samples as s16le. */
function toS16le(samples: Float32Array): Buffer {
  const pcm = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    pcm.writeInt16LE(Math.max(-32_768, Math.min(32_767, Math.round(samples[i]!))), 2 * i);
  }
  return pcm;
}

/** Renders text with espeak-ng in a worker thread and returns 24 kHz mono s16le PCM. */
export class EspeakVoice {
  private readonly moduleUrl: string;
  private readonly wasmPath: string;
  private readonly resamplers = new Map<number, Resampler>();
  private readonly pending = new Map<number, PendingRender>();
  private nextRenderId = 1;
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  private constructor(modulePath: string) {
    this.moduleUrl = pathToFileURL(modulePath).href;
    this.wasmPath = join(dirname(modulePath), "espeak-ng.wasm");
  }

  /**
   * Starts the worker and waits until it has imported the package and compiled its WASM; `null` when the package
   * is not installed (a build without it). A package that is there but does not start rejects with the reason.
   */
  static async load(): Promise<EspeakVoice | null> {
    let modulePath: string;
    try {
      modulePath = createRequire(import.meta.url).resolve("espeak-ng");
    } catch {
      return null;
    }
    const voice = new EspeakVoice(modulePath);
    try {
      await voice.start();
    } catch (error) {
      await voice.close();
      throw error;
    }
    return voice;
  }

  /** Speaks `text` into PCM at the product rate. Concurrent renders are safe: each gets its own instance. */
  async render(text: string, options: EspeakRenderOptions): Promise<Buffer> {
    const { sampleRateHz, samples } = readWavPcm(await this.renderWav(text, options));
    return toS16le(this.resamplerFrom(sampleRateHz).resample(samples));
  }

  /** The WAV file espeak-ng writes for `text`, at espeak's own rate. */
  renderWav(text: string, options: EspeakRenderOptions): Promise<Uint8Array> {
    const wordsPerMinute = Math.round(ESPEAK_DEFAULT_WORDS_PER_MINUTE * options.speed);
    const args = ["-w", OUTPUT_WAV_PATH, "-v", options.language, "-s", String(wordsPerMinute)];
    // `--` ends the options, so text that starts with "-" is spoken rather than parsed as a flag.
    return this.request([...args, "--", escapePhonemeBrackets(text)]);
  }

  /** Ends the worker; renders still pending fail with `synthesis_failed`. A later render starts a new worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.forgetWorker(renderFailed("the voice was closed"));
    await worker?.terminate();
  }

  private resamplerFrom(sampleRateHz: number): Resampler {
    let resampler = this.resamplers.get(sampleRateHz);
    if (!resampler) {
      resampler = new Resampler(sampleRateHz, SAMPLE_RATE_HZ);
      this.resamplers.set(sampleRateHz, resampler);
    }
    return resampler;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { moduleUrl: this.moduleUrl, wasmPath: this.wasmPath, outputPath: OUTPUT_WAV_PATH },
    });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.on("message", (report: WorkerReport) => {
        if (report.type === "ready") {
          // An idle worker must not keep the daemon (or a test run) alive; `request` refs it while renders run.
          if (this.pending.size === 0) worker.unref();
          resolve();
        } else if (report.type === "failed") {
          const error = renderFailed(report.message);
          reject(error);
          this.forgetWorker(error);
          void worker.terminate();
        } else {
          this.workerOnReport(report);
        }
      });
      const onGone = (error: Error): void => {
        if (this.worker !== worker) return;
        reject(error);
        this.forgetWorker(error);
      };
      worker.on("error", (error) => onGone(renderFailed(error.message)));
      worker.on("exit", (code) => onGone(renderFailed(`the worker exited with code ${code}`)));
    });
    return this.ready;
  }

  private async request(args: string[]): Promise<Uint8Array> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw renderFailed("the voice was closed");
    const id = this.nextRenderId++;
    const wav = new Promise<Uint8Array>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    worker.ref();
    worker.postMessage({ id, args });
    return wav;
  }

  private workerOnReport(report: Extract<WorkerReport, { id: number }>): void {
    const pending = this.pending.get(report.id);
    if (!pending) return;
    this.pending.delete(report.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (report.type === "rendered") pending.resolve(report.wav);
    else pending.reject(renderFailed(report.message));
  }

  private forgetWorker(error: Error): void {
    this.worker = null;
    this.ready = null;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
