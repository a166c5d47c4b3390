/**
 * Engine benchmarks (issue 3). Run with `npm run bench -- engine`.
 *
 * - overhead over a bare `session.run`: `KokoroEngine.synthesize` wall time minus the time it spent inside
 *   `session.run` (its own `inferenceMs`), i.e. voice lookup, queueing, tokenizing, style-row selection, tensor
 *   building and float → s16le conversion, per inference (goal ≤ 1 ms + 2 % of the inference). A second row times
 *   `session.run` on its own session with prebuilt feeds, to show that `inferenceMs` is a bare run.
 * - load and warm-up: `KokoroEngine.load` (session creation + signature check; then one warm-up inference) of the
 *   instant stand-in (test/fixtures/stand-in-model.ts), the calibrated stand-in (about 2 ms per token), and the real
 *   model when `KOKORO_SPEECH_MODEL_PATH` names one (with a fixture voice: timing does not depend on the style).
 *
 * No caches exist in the engine: every synthesize call runs the model. Voice packs are memoized by design (read once
 * per process); the first call of each engine is untimed so that read is not counted as overhead.
 */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-node";
import { PAD_TOKEN_ID } from "@kokoro-speech/protocol";
import { KokoroEngine, tokenizePhonemes, VoiceStore } from "../../daemon/src/engine/index.js";
import { openKokoroSession } from "../../daemon/src/engine/session.js";
import { defaultIntraOpNumThreads } from "../../daemon/src/engine/threads.js";
import { prepareCalibratedModel } from "../fixtures/calibrated-model.js";
import { writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { absentRow, summarize, type BenchRow } from "./stats.js";

const VOICE = "af_fixture";
const LOAD_RUNS = 5;
const STAND_IN_RUNS = 30;
const CALIBRATED_RUNS = 10;
const REAL_RUNS = 5;
const CALIBRATED_MS_PER_TOKEN = 2;
/** Ordinary phonemes ("the quick brown fox …"), cut to the token counts measured. */
const PHONEME_SOURCE = "ðə kwˈɪk bɹˈWn fˈɑks ʤˈʌmps ˈOvəɹ ðə lˈAzi dˈɔɡ ".repeat(12);

interface ModelUnderTest {
  readonly label: string;
  readonly path: string;
  readonly tokenCounts: readonly number[];
  readonly runs: number;
}

function phonemesOfLength(tokens: number): string {
  const phonemes = PHONEME_SOURCE.slice(0, tokens);
  if (tokenizePhonemes(phonemes).ids.length !== tokens) throw new RangeError(`cannot make ${tokens} tokens`);
  return phonemes;
}

function budgetMs(inferenceMs: number): number {
  return 1 + 0.02 * inferenceMs;
}

function median(values: number[]): number {
  return summarize("", "", values).median;
}

async function loadRows(model: ModelUnderTest, voices: VoiceStore): Promise<BenchRow[]> {
  const loadMs: number[] = [];
  const warmupMs: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    const engine = new KokoroEngine({ voices });
    const report = await engine.load({ modelPath: model.path });
    loadMs.push(report.loadMs);
    warmupMs.push(report.warmupMs);
    await engine.close();
  }
  return [
    summarize(`load, ${model.label}`, "ms", loadMs),
    summarize(`warm-up inference, ${model.label}`, "ms", warmupMs),
  ];
}

async function overheadRows(model: ModelUnderTest, voices: VoiceStore): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const engine = new KokoroEngine({ voices });
  await engine.load({ modelPath: model.path });
  const bare = await openKokoroSession(model.path, {
    executionProvider: "cpu",
    intraOpNumThreads: defaultIntraOpNumThreads(),
  });
  const style = (await voices.pack(VOICE)).subarray(0, 256);
  try {
    for (const tokens of model.tokenCounts) {
      const phonemes = phonemesOfLength(tokens);
      await engine.synthesize({ phonemes, voice: VOICE, speed: 1 });
      const overheadMs: number[] = [];
      const inferenceMs: number[] = [];
      for (let run = 0; run < model.runs; run++) {
        const start = performance.now();
        const result = await engine.synthesize({ phonemes, voice: VOICE, speed: 1 });
        overheadMs.push(performance.now() - start - result.inferenceMs);
        inferenceMs.push(result.inferenceMs);
      }
      const bareMs = await bareRunMs(bare, tokens, style, model.runs);
      const budget = budgetMs(median(bareMs)).toFixed(2);
      rows.push(
        summarize(`engine overhead, ${model.label}, ${tokens} tokens`, "ms", overheadMs, `≤ 1 ms + 2 % = ${budget} ms`),
        summarize(`session.run inside the engine, ${model.label}, ${tokens} tokens`, "ms", inferenceMs),
        summarize(`bare session.run, ${model.label}, ${tokens} tokens`, "ms", bareMs),
      );
    }
  } finally {
    await bare.session.release();
    await engine.close();
  }
  return rows;
}

/** `session.run` alone: feeds built once, output left as floats. */
async function bareRunMs(
  { session, signature }: Awaited<ReturnType<typeof openKokoroSession>>,
  tokens: number,
  style: Float32Array,
  runs: number,
): Promise<number[]> {
  const ids = new BigInt64Array(tokens + 2).fill(BigInt(PAD_TOKEN_ID));
  tokenizePhonemes(phonemesOfLength(tokens)).ids.forEach((id, index) => (ids[index + 1] = BigInt(id)));
  const feeds = {
    [signature.tokenInput]: new ort.Tensor("int64", ids, [1, ids.length]),
    [signature.styleInput]: new ort.Tensor("float32", style, [1, style.length]),
    [signature.speedInput]:
      signature.speedDtype === "int32"
        ? new ort.Tensor("int32", Int32Array.of(1), [1])
        : new ort.Tensor("float32", Float32Array.of(1), [1]),
  };
  await session.run(feeds, [signature.audioOutput]);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await session.run(feeds, [signature.audioOutput]);
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function runEngineBenchmarks(): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), "kokoro-bench-engine-"));
  try {
    await mkdir(join(directory, "voices"));
    await writeVoiceBin(join(directory, "voices", `${VOICE}.bin`), 0);
    const voices = await VoiceStore.fromDirectory(join(directory, "voices"));
    const calibrated = await prepareCalibratedModel(join(directory, "calibrated"), CALIBRATED_MS_PER_TOKEN);
    const models: ModelUnderTest[] = [
      {
        label: "instant stand-in",
        path: await writeStandInModel(join(directory, "stand-in.onnx"), "onnx-community"),
        tokenCounts: [10, 100, 500],
        runs: STAND_IN_RUNS,
      },
      {
        label: `calibrated stand-in (${calibrated.msPerToken.toFixed(2)} ms/token)`,
        path: calibrated.modelPath,
        tokenCounts: [100],
        runs: CALIBRATED_RUNS,
      },
    ];
    const realPath = process.env.KOKORO_SPEECH_MODEL_PATH;
    if (realPath) {
      const sizeMb = (await stat(realPath)).size / 1e6;
      models.push({
        label: `real model (${sizeMb.toFixed(0)} MB)`,
        path: realPath,
        tokenCounts: [100],
        runs: REAL_RUNS,
      });
    }
    const rows: BenchRow[] = [];
    for (const model of models) rows.push(...(await loadRows(model, voices)));
    if (!realPath) rows.push(absentRow("load and warm-up, real model", "not present (KOKORO_SPEECH_MODEL_PATH unset)"));
    for (const model of models) rows.push(...(await overheadRows(model, voices)));
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
