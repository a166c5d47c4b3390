/**
 * Speak-path benchmarks (issue 5). Run with `npm run bench -- speak`. Model: the cost-calibrated stand-in
 * (test/fixtures/calibrated-model.ts), tuned at the start of the run to about 2 ms per token on this machine; its
 * measured cost is in the row names.
 *
 * - P1 pipeline overhead: one sentence through the real components in process (KokoroSynthesizer → SpeechSource →
 *   Player → null sink) with the instant stand-in model; request → first PCM handed to the sink (goal ≤ 5 ms).
 * - P2 TTFA: a real daemon per run; `speak` with `sendAudio: true`, request sent → first chunk frame received (chunks
 *   are sent as they are handed to the device; nothing is subtracted, so loopback is included). Compared with the
 *   first full sentence's inference: `KokoroEngine.synthesize` in process on that sentence's phonemes, made by the
 *   same normalization and G2P (goal ≤ 0.35× it: the primer must pay off).
 * - P3 stop/pause → silence and P6 cold start without a model: see the daemon suite. Here P6 is repeated with the
 *   model configured, with the time until the model is ready beside it.
 * - P4 underruns: whole paragraphs spoken by a daemon whose model runs at RTF 0.8 (calibrated to 20 ms per 25 ms
 *   token) and at the 2 ms-per-token model; the daemon's underrun counter (goal 0).
 * - P7 RSS: the daemon's RSS after the model loaded and one utterance (goal ≤ model file size + 150 MB), with the
 *   espeak-ng helper process's RSS beside it, and again at idle once the helper stopped (`--espeak-idle-seconds 0`);
 *   the same for a stand-in of real size (distinct weights per layer, about the int8 model's 92 MB), so that how
 *   onnxruntime holds weights shows; the real model too when `KOKORO_SPEECH_MODEL_PATH` and
 *   `KOKORO_SPEECH_VOICES_PATH` name one.
 *
 * Caches off: every daemon is fresh (its espeak fallback cache empty) and every in-process run builds a fresh G2P.
 * P2, P4 and P7 are given both ways: "first use" is the first speak after the daemon started and its model is ready
 * (no warm-up, a fresh segment pacer, the voice pack and the espeak helper not loaded yet); "warm" runs one untimed
 * utterance with a made-up word first (espeak-ng's WASM, the voice pack, the pacer's history), as in a daemon that
 * has been running. A first use that misses a goal is a finding.
 */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_VOICE, SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { createSink } from "../../daemon/src/audio/index.js";
import { KokoroEngine, VoiceStore } from "../../daemon/src/engine/index.js";
import { loadLexicon, type Lexicon } from "../../daemon/src/g2p/index.js";
import { Player, type PlayerListener } from "../../daemon/src/player/player.js";
import { SpeechSource } from "../../daemon/src/player/speech-source.js";
import { PlaybackStream } from "../../daemon/src/player/stream.js";
import { KokoroSynthesizer } from "../../daemon/src/synthesis/kokoro-synthesizer.js";
import {
  CALIBRATED_VOICE,
  prepareCalibratedModel,
  writeCalibratedModel,
  type CalibratedModel,
} from "../fixtures/calibrated-model.js";
import { STAND_IN_SAMPLES_PER_TOKEN, writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { NEWS_ARTICLE_PARAGRAPHS } from "./fixtures/news-article.js";
import { SPEAK_PARAGRAPHS } from "./fixtures/speak-paragraphs.js";
import { BENCH_VARIANT, firstSentencePhonemes, freshG2P, withFreshG2P } from "./front-end-path.js";
import { startModelDaemon, stopModelDaemon, timeToFirstChunkMs, warmUp, type ModelFiles } from "./model-daemon.js";
import { absentRow, summarize, type BenchRow } from "./stats.js";

const P1_RUNS = 30;
const P2_RUNS = 8;
const P4_RUNS = 3;
const REAL_RSS_RUNS = 3;
const IDLE_RSS_RUNS = 3;
/** Distinct 4 MB layers: a 97 MB file, about the size of the int8 Kokoro export the daemon installs by default. */
const REAL_SIZE_LAYERS = 21;
const MS_PER_TOKEN = 2;
/** Audio per token is 600 samples = 25 ms, so RTF 0.8 is 20 ms of inference per token. */
const RTF_LIMIT = 0.8;
const MS_AUDIO_PER_TOKEN = (STAND_IN_SAMPLES_PER_TOKEN / SAMPLE_RATE_HZ) * 1000;
const RSS_ALLOWANCE_MB = 150;
const P1_SENTENCE = "Kokoro Speech reads the text you select aloud.";
/** Two news paragraphs: about 20 s of audio at the stand-in's 25 ms per token. */
const UNDERRUN_TEXT = NEWS_ARTICLE_PARAGRAPHS.slice(0, 2).join("\n\n");

const MB = 1e6;

/** P1: request → first PCM handed to the sink, in process, instant model. */
async function pipelineOverheadMs(voices: VoiceStore, engine: KokoroEngine, lexicon: Lexicon): Promise<number> {
  const fresh = freshG2P(lexicon, true);
  const synthesizer = new KokoroSynthesizer({ engine, voices, g2p: fresh.g2p });
  let firstWriteAt: number | undefined;
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const listener: PlayerListener = {
    streamEvent: (_stream, message) => {
      if (message.event === "completed" || message.event === "cancelled" || message.event === "failed") resolveEnded();
    },
    streamAudio: () => {},
    playerChanged: () => {},
    audioChanged: () => {},
  };
  const createTimedSink = () => {
    const sink = createSink({ kind: "null" });
    return {
      kind: sink.kind,
      open: () => sink.open(),
      close: () => sink.close(),
      onLost: (lost: Parameters<typeof sink.onLost>[0]) => sink.onLost(lost),
      get bytesAccepted() {
        return sink.bytesAccepted;
      },
      write: (pcm: Buffer) => {
        firstWriteAt ??= performance.now();
        return sink.write(pcm);
      },
    };
  };
  const player = new Player({ createSink: createTimedSink, sinkName: "null", listener });
  const start = performance.now();
  const request = { text: P1_SENTENCE, voice: CALIBRATED_VOICE, speed: 1 };
  synthesizer.validate(request);
  const stream = new PlaybackStream({
    id: 1,
    kind: "speak",
    ownerId: 0,
    source: new SpeechSource((from) => synthesizer.segments(request, from)),
    sendAudio: false,
  });
  player.start(stream, "interrupt");
  while (firstWriteAt === undefined) await new Promise((resolve) => setImmediate(resolve));
  player.stop(1);
  await ended;
  await player.shutdown();
  await fresh.close();
  return firstWriteAt - start;
}

async function p1Rows(directory: string, voicesPath: string, lexicon: Lexicon): Promise<BenchRow[]> {
  const voices = await VoiceStore.fromDirectory(voicesPath);
  const engine = new KokoroEngine({ voices });
  await engine.load({ modelPath: await writeStandInModel(join(directory, "stand-in.onnx"), "onnx-community") });
  try {
    await pipelineOverheadMs(voices, engine, lexicon);
    const samples: number[] = [];
    for (let run = 0; run < P1_RUNS; run++) samples.push(await pipelineOverheadMs(voices, engine, lexicon));
    return [summarize("P1 pipeline overhead to first sample, instant model", "ms", samples, "≤ 5 ms")];
  } finally {
    await engine.close();
  }
}

/** `KokoroEngine.synthesize` wall time on the first full sentence of `text` (fresh G2P per run). */
async function firstSentenceInferenceMs(model: CalibratedModel, lexicon: Lexicon, text: string): Promise<number[]> {
  const engine = new KokoroEngine({ voices: await VoiceStore.fromDirectory(model.voicesPath) });
  await engine.load({ modelPath: model.modelPath });
  const samples: number[] = [];
  try {
    for (let run = 0; run < P2_RUNS; run++) {
      const phonemes = await withFreshG2P(lexicon, true, (g2p) => firstSentencePhonemes(text, g2p));
      const start = performance.now();
      await engine.synthesize({ phonemes, voice: model.voice, speed: 1 });
      samples.push(performance.now() - start);
    }
  } finally {
    await engine.close();
  }
  return samples;
}

interface DaemonRunSamples {
  readonly welcomeMs: number[];
  readonly readyMs: number[];
  readonly rssMb: number[];
  /** RSS right after the first speak of a daemon that had no warm-up. */
  readonly firstUseRssMb: number[];
  readonly helperRssMb: number[];
}

async function p2Rows(model: CalibratedModel, lexicon: Lexicon, lifecycle: DaemonRunSamples): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const label = `${model.msPerToken.toFixed(2)} ms/token`;
  for (const paragraph of SPEAK_PARAGRAPHS) {
    const sentenceMs = await firstSentenceInferenceMs(model, lexicon, paragraph.text);
    const sentenceMedianMs = summarize("", "", sentenceMs).median;
    const ttfaMs: number[] = [];
    const daemonTtfaMs: number[] = [];
    const firstUseTtfaMs: number[] = [];
    for (let run = 0; run < P2_RUNS; run++) {
      // First use: the first speak after the daemon started and its model is ready, no warm-up, a fresh pacer.
      const fresh = await startModelDaemon(model);
      try {
        lifecycle.welcomeMs.push(fresh.welcomeMs);
        lifecycle.readyMs.push(fresh.readyMs);
        firstUseTtfaMs.push(await timeToFirstChunkMs(fresh.client, paragraph.text, model.voice));
        lifecycle.firstUseRssMb.push((await fresh.client.status()).memory.rssBytes / MB);
      } finally {
        await stopModelDaemon(fresh);
      }
      const running = await startModelDaemon(model);
      try {
        lifecycle.welcomeMs.push(running.welcomeMs);
        lifecycle.readyMs.push(running.readyMs);
        await warmUp(running.client, model.voice);
        ttfaMs.push(await timeToFirstChunkMs(running.client, paragraph.text, model.voice));
        const status = await running.client.status();
        if (status.latency.lastTtfaMs !== null) daemonTtfaMs.push(status.latency.lastTtfaMs);
        lifecycle.rssMb.push(status.memory.rssBytes / MB);
        lifecycle.helperRssMb.push(status.memory.helperRssBytes / MB);
      } finally {
        await stopModelDaemon(running);
      }
    }
    rows.push(
      summarize(`P2 first full sentence inference, ${paragraph.name} (${label})`, "ms", sentenceMs),
      summarize(`P2 TTFA over the protocol, first use, ${paragraph.name} (${label})`, "ms", firstUseTtfaMs),
      summarize(
        `P2 TTFA ÷ first-sentence inference (median), first use, ${paragraph.name}`,
        "×",
        firstUseTtfaMs.map((ms) => ms / sentenceMedianMs),
        "≤ 0.35×",
      ),
      summarize(`P2 TTFA over the protocol, warm, ${paragraph.name} (${label})`, "ms", ttfaMs),
      summarize(`P2 TTFA inside the daemon (its lastTtfaMs), ${paragraph.name}`, "ms", daemonTtfaMs),
      summarize(
        `P2 TTFA ÷ first-sentence inference (median), warm, ${paragraph.name}`,
        "×",
        ttfaMs.map((ms) => ms / sentenceMedianMs),
        "≤ 0.35×",
      ),
    );
  }
  return rows;
}

/** P4: speaks the whole text and returns the underruns the daemon counted; `warm` runs one utterance first. */
async function underrunsOfOneRun(model: ModelFiles, warm: boolean): Promise<{ underruns: number; rtf: number | null }> {
  const running = await startModelDaemon(model);
  try {
    if (warm) await warmUp(running.client, model.voice);
    const before = (await running.client.status()).counters.underruns;
    const { streamId } = await running.client.request({ type: "speak", text: UNDERRUN_TEXT, voice: model.voice });
    const terminal = await running.client.waitForTerminal(streamId!);
    if (terminal.event !== "completed") throw new Error(`the underrun run ended ${terminal.event}`);
    const status = await running.client.status();
    return { underruns: status.counters.underruns - before, rtf: status.latency.rtf.p50 };
  } finally {
    await stopModelDaemon(running);
  }
}

async function p4Rows(models: readonly CalibratedModel[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const model of models) {
    const label = `model RTF ${(model.msPerToken / MS_AUDIO_PER_TOKEN).toFixed(2)}`;
    for (const warm of [false, true]) {
      const underruns: number[] = [];
      const rtf: number[] = [];
      for (let run = 0; run < P4_RUNS; run++) {
        const result = await underrunsOfOneRun(model, warm);
        underruns.push(result.underruns);
        if (result.rtf !== null) rtf.push(result.rtf);
      }
      const use = warm ? "warm" : "first use";
      rows.push(summarize(`P4 underruns, two news paragraphs, ${use}, ${label}`, "count", underruns, "0"));
      if (rtf.length > 0) {
        rows.push(summarize(`P4 segment RTF in the daemon (p50 of segments), ${use}, ${label}`, "×", rtf));
      }
    }
  }
  return rows;
}

async function realModelRssRows(): Promise<BenchRow[]> {
  const modelPath = process.env.KOKORO_SPEECH_MODEL_PATH;
  const voicesPath = process.env.KOKORO_SPEECH_VOICES_PATH;
  if (!modelPath || !voicesPath) {
    return [
      absentRow("P7 RSS with the real model loaded", "not present (KOKORO_SPEECH_MODEL_PATH/_VOICES_PATH unset)"),
    ];
  }
  const model = { modelPath, voicesPath, voice: DEFAULT_VOICE };
  const rssMb: number[] = [];
  const readyMs: number[] = [];
  for (let run = 0; run < REAL_RSS_RUNS; run++) {
    const running = await startModelDaemon(model);
    try {
      readyMs.push(running.readyMs);
      await warmUp(running.client, model.voice);
      rssMb.push((await running.client.status()).memory.rssBytes / MB);
    } finally {
      await stopModelDaemon(running);
    }
  }
  const sizeMb = (await stat(modelPath)).size / MB;
  return [
    summarize("P6 cold start → model ready, real model", "ms", readyMs),
    summarize(`P7 RSS, real model (${sizeMb.toFixed(0)} MB)`, "MB", rssMb, rssGoal(sizeMb)),
  ];
}

/**
 * P7 at idle: a daemon whose espeak-ng helper stops as soon as it is idle; RSS after one utterance (with a made-up
 * word, so the helper ran) once the daemon counted the helper's stop, and RSS right after the utterance.
 */
async function idleRss(model: ModelFiles): Promise<{ afterUtteranceMb: number[]; idleMb: number[] }> {
  const afterUtteranceMb: number[] = [];
  const idleMb: number[] = [];
  for (let run = 0; run < IDLE_RSS_RUNS; run++) {
    const running = await startModelDaemon(model, { ...process.env, KOKORO_SPEECH_ESPEAK_IDLE_SECONDS: "0" });
    try {
      const cleanupsBefore = (await running.client.status()).counters.memoryCleanups;
      await warmUp(running.client, model.voice);
      afterUtteranceMb.push((await running.client.status()).memory.rssBytes / MB);
      let status = await running.client.status();
      while (status.counters.memoryCleanups === cleanupsBefore || status.memory.helperRssBytes > 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = await running.client.status();
      }
      idleMb.push(status.memory.rssBytes / MB);
    } finally {
      await stopModelDaemon(running);
    }
  }
  return { afterUtteranceMb, idleMb };
}

/** `withAfterUtterance` adds the reading right after the utterance (the P2 runs already give it for their model). */
async function idleRssRows(model: ModelFiles, label: string, withAfterUtterance: boolean): Promise<BenchRow[]> {
  const modelMb = (await stat(model.modelPath)).size / MB;
  const { afterUtteranceMb, idleMb } = await idleRss(model);
  const name = `${label} (${modelMb.toFixed(0)} MB)`;
  const idle = summarize(`P7 RSS at idle, espeak-ng helper stopped, ${name}`, "MB", idleMb, rssGoal(modelMb));
  if (!withAfterUtterance) return [idle];
  return [summarize(`P7 RSS after load and one utterance, ${name}`, "MB", afterUtteranceMb, rssGoal(modelMb)), idle];
}

function rssGoal(modelMb: number): string {
  return `≤ ${modelMb.toFixed(0)} + ${RSS_ALLOWANCE_MB} = ${(modelMb + RSS_ALLOWANCE_MB).toFixed(0)} MB`;
}

export async function runSpeakBenchmarks(): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), "kokoro-bench-speak-"));
  try {
    const voicesPath = join(directory, "voices");
    await mkdir(voicesPath);
    await writeVoiceBin(join(voicesPath, `${CALIBRATED_VOICE}.bin`), 0);
    const lexicon = await loadLexicon(BENCH_VARIANT);
    const rows = await p1Rows(directory, voicesPath, lexicon);

    const calibrated = await prepareCalibratedModel(join(directory, "calibrated"), MS_PER_TOKEN);
    const lifecycle: DaemonRunSamples = { welcomeMs: [], readyMs: [], rssMb: [], firstUseRssMb: [], helperRssMb: [] };
    rows.push(...(await p2Rows(calibrated, lexicon, lifecycle)));
    const label = `calibrated model, ${calibrated.msPerToken.toFixed(2)} ms/token`;
    const modelMb = (await stat(calibrated.modelPath)).size / MB;
    rows.push(
      summarize(`P6 cold start → first welcome, ${label}`, "ms", lifecycle.welcomeMs, "≤ 300 ms"),
      summarize(`P6 cold start → model ready, ${label}`, "ms", lifecycle.readyMs),
      summarize(
        `P7 RSS after load and the first utterance (no warm-up), ${label} (${modelMb.toFixed(0)} MB)`,
        "MB",
        lifecycle.firstUseRssMb,
        rssGoal(modelMb),
      ),
      summarize(
        `P7 RSS after load and two utterances (warm-up, then measured), ${label} (${modelMb.toFixed(0)} MB)`,
        "MB",
        lifecycle.rssMb,
        rssGoal(modelMb),
      ),
      summarize(`P7 espeak-ng helper process RSS while it runs, ${label}`, "MB", lifecycle.helperRssMb),
      ...(await idleRssRows(calibrated, label, false)),
    );
    const realSize: ModelFiles = {
      modelPath: await writeCalibratedModel(join(directory, "real-size.onnx"), REAL_SIZE_LAYERS, true),
      voicesPath: calibrated.voicesPath,
      voice: calibrated.voice,
    };
    rows.push(...(await idleRssRows(realSize, `stand-in of real size, ${REAL_SIZE_LAYERS} distinct layers`, true)));

    const atLimit = await prepareCalibratedModel(
      join(directory, "rtf-limit"),
      RTF_LIMIT * MS_AUDIO_PER_TOKEN,
      calibrated,
    );
    rows.push(...(await p4Rows([atLimit, calibrated])));
    rows.push(...(await realModelRssRows()));
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
