/**
 * The calibrated stand-in must pass for a Kokoro export wherever the real daemon meets it: the engine detects its
 * signature, and it renders 600 samples per token (pads included) within the PCM range, different for different
 * tokens. Its cost is not asserted here (no timing assertions); the speak suite reports it.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KokoroEngine, VoiceStore } from "../../daemon/src/engine/index.js";
import {
  CALIBRATED_VOICE,
  CALIBRATED_WIDTH,
  encodeCalibratedModel,
  writeCalibratedModel,
} from "../fixtures/calibrated-model.js";
import { STAND_IN_SAMPLES_PER_TOKEN, writeVoiceBin } from "../fixtures/stand-in-model.js";

let directory: string;
let engine: KokoroEngine;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "kokoro-calibrated-"));
  await mkdir(join(directory, "voices"));
  await writeVoiceBin(join(directory, "voices", `${CALIBRATED_VOICE}.bin`), 0);
  engine = new KokoroEngine({ voices: await VoiceStore.fromDirectory(join(directory, "voices")) });
});

afterAll(async () => {
  await engine.close();
  await rm(directory, { recursive: true, force: true });
});

describe("calibrated stand-in model", () => {
  it("loads in the engine as an onnx-community export with a float speed", async () => {
    const report = await engine.load({ modelPath: await writeCalibratedModel(join(directory, "m.onnx"), 2) });
    expect(report).toMatchObject({ flavour: "onnx-community", speedDtype: "float32", provider: "cpu" });
  });

  it.each([["ə"], ["hˈɛlO wˈɜɹld"], ["ðə kwˈɪk bɹˈWn fˈɑks ʤˈʌmps ˈOvəɹ ðə lˈAzi dˈɔɡ."]])(
    "renders 600 samples per token of %s, pads included",
    async (phonemes) => {
      const result = await engine.synthesize({ phonemes, voice: CALIBRATED_VOICE, speed: 1 });
      expect(result.droppedSymbols).toBe(0);
      expect(result.samples).toBe(STAND_IN_SAMPLES_PER_TOKEN * (result.tokens + 2));
    },
  );

  it("produces non-silent audio that differs between token sequences", async () => {
    const first = await engine.synthesize({ phonemes: "ab", voice: CALIBRATED_VOICE, speed: 1 });
    const second = await engine.synthesize({ phonemes: "ba", voice: CALIBRATED_VOICE, speed: 1 });
    expect(first.pcm.some((byte) => byte !== 0)).toBe(true);
    expect(first.pcm.equals(second.pcm)).toBe(false);
  });

  it("gives each layer its own weights when asked, so the file grows like a real model's and still loads", async () => {
    const oneMatrixBytes = CALIBRATED_WIDTH * CALIBRATED_WIDTH * 4;
    const shared = encodeCalibratedModel(3).byteLength;
    expect(encodeCalibratedModel(3, true).byteLength - shared).toBeGreaterThanOrEqual(2 * oneMatrixBytes);
    const distinct = new KokoroEngine({ voices: await VoiceStore.fromDirectory(join(directory, "voices")) });
    try {
      await distinct.load({ modelPath: await writeCalibratedModel(join(directory, "distinct.onnx"), 3, true) });
      const result = await distinct.synthesize({ phonemes: "hˈɛlO", voice: CALIBRATED_VOICE, speed: 1 });
      expect(result.samples).toBe(STAND_IN_SAMPLES_PER_TOKEN * (result.tokens + 2));
    } finally {
      await distinct.close();
    }
  });

  it.each([[0], [-1], [1.5]])("refuses a depth of %s layers with a RangeError", (layers) => {
    expect(() => encodeCalibratedModel(layers)).toThrow(RangeError);
  });
});
