import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { PHONEME_VOCAB, ProtocolError } from "@kokoro-speech/protocol";
import { KokoroEngine } from "../../../daemon/src/engine/engine.js";
import { splitPhonemesByTokenLimit } from "../../../daemon/src/engine/token-split.js";
import { VoiceStore } from "../../../daemon/src/engine/voices.js";
import { WorkerSession } from "../../../daemon/src/engine/worker-session.js";
import {
  decodeStandInOutput,
  fixtureRowFromMean,
  fixtureStyleBase,
  pcmToFloats,
  STAND_IN_SAMPLES_PER_TOKEN,
  writeStandInModel,
  writeVoiceBin,
  type DecodedFrame,
  type StandInFlavour,
} from "../../fixtures/stand-in-model.js";

const VOICE_INDEX = { af_heart: 1, af_bella: 2, bf_emma: 3 } as const;
const HELLO = "həlˈO wˈɜɹld";

let directory: string;
let voices: VoiceStore;
const models = {} as Record<StandInFlavour, string>;
const engines: KokoroEngine[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "kokoro-engine-test-"));
  for (const flavour of ["onnx-community", "kokoro-onnx", "int32-speed"] as const) {
    models[flavour] = await writeStandInModel(join(directory, `${flavour}.onnx`), flavour);
  }
  for (const [name, index] of Object.entries(VOICE_INDEX)) await writeVoiceBin(join(directory, `${name}.bin`), index);
  voices = await VoiceStore.fromDirectory(directory);
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  await rm(directory, { recursive: true, force: true });
});

async function loadedEngine(flavour: StandInFlavour = "onnx-community"): Promise<KokoroEngine> {
  const engine = new KokoroEngine({ voices });
  engines.push(engine);
  await engine.load({ modelPath: models[flavour], intraOpNumThreads: 1 });
  return engine;
}

/** Vocabulary ids of a phoneme string, looked up independently of the tokenizer under test. */
function vocabIds(phonemes: string): number[] {
  return Array.from(phonemes).flatMap((symbol) => {
    const id = PHONEME_VOCAB.get(symbol);
    return id === undefined ? [] : [id];
  });
}

/** Splits decoded frames back into the inferences that produced them (each is wrapped in two pads). */
function framesPerInference(frames: DecodedFrame[], pieceTokenCounts: number[]): DecodedFrame[][] {
  const result: DecodedFrame[][] = [];
  let start = 0;
  for (const count of pieceTokenCounts) {
    result.push(frames.slice(start, start + count + 2));
    start += count + 2;
  }
  return result;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as ProtocolError).code).toBe(code);
}

describe("KokoroEngine on the stand-in models", () => {
  it.each(["onnx-community", "kokoro-onnx", "int32-speed"] as const)(
    "loads the %s export on CPU, warms it up and reports its signature",
    async (flavour) => {
      const engine = await loadedEngine(flavour);
      const stats = engine.stats();
      expect(stats).toMatchObject({ provider: "cpu", fallbacks: 0, inferences: 0, flavour });
      expect(stats.speedDtype).toBe(flavour === "int32-speed" ? "int32" : "float32");
      expect(Number.isFinite(stats.loadMs)).toBe(true);
      expect(Number.isFinite(stats.warmupMs)).toBe(true);
    },
  );

  it.each(["onnx-community", "kokoro-onnx"] as const)(
    "feeds the %s export the exact ids, the style row for the token count and the speed",
    async (flavour) => {
      const engine = await loadedEngine(flavour);
      const ids = vocabIds(HELLO);
      const result = await engine.synthesize({ phonemes: HELLO, voice: "af_bella", speed: 1.25 });

      expect(result).toMatchObject({ tokens: ids.length, pieces: 1, droppedSymbols: 0, appliedSpeed: 1.25 });
      expect(result.samples).toBe(STAND_IN_SAMPLES_PER_TOKEN * (ids.length + 2));
      expect(result.pcm.length).toBe(result.samples * 2);
      const frames = decodeStandInOutput(pcmToFloats(result.pcm));
      expect(frames.map((frame) => frame.tokenId)).toEqual([0, ...ids, 0]);
      const base = fixtureStyleBase(VOICE_INDEX.af_bella, ids.length - 1);
      for (const frame of frames) {
        expect(fixtureRowFromMean(VOICE_INDEX.af_bella, frame.styleMean)).toBe(ids.length - 1);
        expect(frame.styleFirst).toBeCloseTo(base + 1 / 8, 4);
        expect(frame.styleLast).toBeCloseTo(base - 1 / 8, 4);
        expect(frame.speed).toBeCloseTo(1.25, 3);
      }
    },
  );

  it("clamps model output beyond [-1, 1] to full scale instead of wrapping", async () => {
    const engine = await loadedEngine();
    const { pcm } = await engine.synthesize({ phonemes: "a", voice: "af_heart", speed: 1 });
    // The stand-in writes +1.5 and -1.5 at offsets 5 and 6 of every token frame.
    expect(pcm.readInt16LE(5 * 2)).toBe(32767);
    expect(pcm.readInt16LE(6 * 2)).toBe(-32767);
  });

  it.each([
    [0.5, 1],
    [0.9, 1],
    [1.49, 1],
    [1.5, 2],
    [2, 2],
  ])("sends speed %s to an int32-speed graph as %s and flags the rounding", async (speed, expected) => {
    const engine = await loadedEngine("int32-speed");
    const result = await engine.synthesize({ phonemes: HELLO, voice: "af_heart", speed });
    const frames = decodeStandInOutput(pcmToFloats(result.pcm));
    expect(frames[0]?.speed).toBeCloseTo(expected, 3);
    expect(result.appliedSpeed).toBe(expected);
    expect(result.speedRounded).toBe(speed !== expected);
  });

  it("sends fractional speeds unchanged to a float32-speed graph", async () => {
    const engine = await loadedEngine("kokoro-onnx");
    const result = await engine.synthesize({ phonemes: HELLO, voice: "af_heart", speed: 0.55 });
    expect(result.speedRounded).toBe(false);
    expect(decodeStandInOutput(pcmToFloats(result.pcm))[0]?.speed).toBeCloseTo(0.55, 3);
  });

  it("counts symbols outside the vocabulary and sends every other symbol", async () => {
    const engine = await loadedEngine();
    // « » - and ASCII g are not Kokoro symbols (kokoro-model.md §4).
    const phonemes = "«ɡˈʊd» ɡ-g";
    const result = await engine.synthesize({ phonemes, voice: "af_heart", speed: 1 });
    expect(result.droppedSymbols).toBe(4);
    expect(engine.stats().droppedSymbols).toBe(4);
    const sent = decodeStandInOutput(pcmToFloats(result.pcm)).map((frame) => frame.tokenId);
    expect(sent).toEqual([0, ...vocabIds(phonemes), 0]);
    expect(result.tokens).toBe(Array.from(phonemes).length - 4);
  });

  it("splits a long phoneme string into inferences of at most 510 tokens and loses nothing", async () => {
    const engine = await loadedEngine("kokoro-onnx");
    const sentence = "ðə kwˈɪk bɹˈWn fˈɑks ʤˈʌmps ˌOvəɹ ðə lˈAzi dˈɔɡ, ˈæftəɹ ˈɔl; ";
    const phonemes = `${sentence.repeat(12)}ɛnd.`.repeat(3);
    const pieceTokens = splitPhonemesByTokenLimit(phonemes).map((piece) => vocabIds(piece).length);
    expect(pieceTokens.length).toBeGreaterThan(2);

    const result = await engine.synthesize({ phonemes, voice: "bf_emma", speed: 1 });

    expect(result.pieces).toBe(pieceTokens.length);
    expect(result.tokens).toBe(vocabIds(phonemes).length);
    expect(result.samples).toBe(STAND_IN_SAMPLES_PER_TOKEN * pieceTokens.reduce((sum, tokens) => sum + tokens + 2, 0));
    const inferences = framesPerInference(decodeStandInOutput(pcmToFloats(result.pcm)), pieceTokens);
    const sentIds = inferences.flatMap((frames) => frames.slice(1, -1).map((frame) => frame.tokenId));
    expect(sentIds).toEqual(vocabIds(phonemes));
    inferences.forEach((frames, i) => {
      const tokens = pieceTokens[i] as number;
      expect(tokens).toBeLessThanOrEqual(510);
      expect(frames[0]?.tokenId).toBe(0);
      expect(frames.at(-1)?.tokenId).toBe(0);
      expect(fixtureRowFromMean(VOICE_INDEX.bf_emma, frames[0]?.styleMean ?? Number.NaN)).toBe(tokens - 1);
    });
    expect(engine.stats()).toMatchObject({ inferences: pieceTokens.length, tokens: vocabIds(phonemes).length });
  });

  it("blends voices with normalised weights before selecting the style row", async () => {
    const engine = await loadedEngine();
    const result = await engine.synthesize({ phonemes: HELLO, voice: "af_heart:3+af_bella:1", speed: 1 });
    const row = vocabIds(HELLO).length - 1;
    const expected =
      0.75 * fixtureStyleBase(VOICE_INDEX.af_heart, row) + 0.25 * fixtureStyleBase(VOICE_INDEX.af_bella, row);
    expect(decodeStandInOutput(pcmToFloats(result.pcm))[0]?.styleMean).toBeCloseTo(expected, 4);
  });

  it("returns no audio and runs no inference for phonemes without a single vocabulary symbol", async () => {
    const engine = await loadedEngine();
    const result = await engine.synthesize({ phonemes: "«»", voice: "af_heart", speed: 1 });
    expect(result).toMatchObject({ samples: 0, tokens: 0, pieces: 0, droppedSymbols: 2 });
    expect(engine.stats().inferences).toBe(0);
  });

  it.each([0.49, 2.01, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses speed %s with speed_out_of_range",
    async (speed) => {
      const engine = await loadedEngine();
      await expectCode(engine.synthesize({ phonemes: HELLO, voice: "af_heart", speed }), "speed_out_of_range");
    },
  );

  it.each([
    ["af_nobody", "unknown_voice"],
    ["af_heart+af_nobody", "unknown_voice"],
    ["af_heart:0", "invalid_voice_spec"],
    ["../af_heart", "invalid_voice_spec"],
  ])("refuses voice %s with %s", async (voice, code) => {
    const engine = await loadedEngine();
    await expectCode(engine.synthesize({ phonemes: HELLO, voice, speed: 1 }), code);
  });

  it("fails with model_unavailable before a model is loaded and after close", async () => {
    const engine = new KokoroEngine({ voices });
    await expectCode(engine.synthesize({ phonemes: HELLO, voice: "af_heart", speed: 1 }), "model_unavailable");
    await engine.load({ modelPath: models["onnx-community"], intraOpNumThreads: 1 });
    await engine.close();
    await expectCode(engine.synthesize({ phonemes: HELLO, voice: "af_heart", speed: 1 }), "model_unavailable");
  });

  it("refuses a file that is not an ONNX model with model_unavailable", async () => {
    const path = join(directory, "not-a-model.onnx");
    await writeFile(path, "definitely not protobuf");
    await expectCode(new KokoroEngine({ voices }).load({ modelPath: path }), "model_unavailable");
  });

  it.each(["cuda", "coreml"] as const)(
    "falls back to CPU once when the %s provider cannot create a session, and counts it",
    async (executionProvider) => {
      const engine = new KokoroEngine({ voices });
      engines.push(engine);
      const report = await engine.load({
        modelPath: models["onnx-community"],
        executionProvider,
        intraOpNumThreads: 1,
      });
      expect(report.provider).toBe("cpu");
      expect(engine.stats()).toMatchObject({ provider: "cpu", fallbacks: 1 });
      const result = await engine.synthesize({ phonemes: HELLO, voice: "af_heart", speed: 1 });
      expect(decodeStandInOutput(pcmToFloats(result.pcm)).map((frame) => frame.tokenId)).toEqual([
        0,
        ...vocabIds(HELLO),
        0,
      ]);
      expect(engine.stats().fallbacks).toBe(1);
    },
  );

  it("runs concurrent calls one inference at a time, in call order, each with its own inputs", async () => {
    const engine = await loadedEngine();
    const requests = [
      { phonemes: "a", voice: "af_heart", speed: 0.5 },
      { phonemes: HELLO, voice: "af_bella", speed: 1 },
      { phonemes: "ðə kˈæt", voice: "bf_emma", speed: 1.5 },
      { phonemes: "ɡˈʊd nˈIt", voice: "af_heart", speed: 2 },
      { phonemes: "jˈɛs", voice: "af_bella", speed: 0.75 },
      { phonemes: "nˈO", voice: "bf_emma", speed: 1.25 },
    ] as const;
    // Observed at the session the engine runs, not from the engine's own counter: how many runs overlap.
    let running = 0;
    let peakRunning = 0;
    const originalRun = WorkerSession.prototype.run;
    const runSpy = vi.spyOn(WorkerSession.prototype, "run").mockImplementation(async function (
      this: WorkerSession,
      ...args: Parameters<WorkerSession["run"]>
    ) {
      running++;
      peakRunning = Math.max(peakRunning, running);
      try {
        return await originalRun.apply(this, args);
      } finally {
        running--;
      }
    });
    onTestFinished(() => runSpy.mockRestore());
    const finished: number[] = [];
    const pending = requests.map((request, i) =>
      engine.synthesize(request).then((result) => {
        finished.push(i);
        return result;
      }),
    );
    expect(engine.stats().pendingSyntheses).toBe(requests.length);
    const results = await Promise.all(pending);

    expect(runSpy).toHaveBeenCalledTimes(requests.length);
    expect(peakRunning).toBe(1);
    expect(engine.stats().pendingSyntheses).toBe(0);
    expect(finished).toEqual(requests.map((_, i) => i));
    results.forEach((result, i) => {
      const request = requests[i] as (typeof requests)[number];
      const frames = decodeStandInOutput(pcmToFloats(result.pcm));
      const ids = vocabIds(request.phonemes);
      expect(frames.map((frame) => frame.tokenId)).toEqual([0, ...ids, 0]);
      expect(fixtureRowFromMean(VOICE_INDEX[request.voice], frames[0]?.styleMean ?? Number.NaN)).toBe(ids.length - 1);
      expect(frames[0]?.speed).toBeCloseTo(request.speed, 3);
    });
  });
});
