/**
 * The engine with the real Kokoro-82M int8 weights and the real kokoro-js voice packs, on hand-written Misaki
 * phoneme strings (no G2P in the way): the model loads and warms up, every English voice speaks, a blend speaks,
 * speed changes duration in proportion, and a paragraph over the 510-token limit is split with nothing lost.
 * Oracles come from the samples alone (audio-measures.ts) and from phoneme counts made here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_RATE_HZ, VOICE_CATALOG } from "@kokoro-speech/protocol";
import { KokoroEngine, VoiceStore } from "../../daemon/src/engine/index.js";
import { MAX_CLIPPED_FRACTION, measure, s16leToFloats } from "./audio-measures.js";
import { requireRealFixture } from "./real-fixture.js";
import { LONG_PARAGRAPH_PHONEMES, SENTENCE_PHONEMES, symbolCount } from "./phoneme-texts.js";

/**
 * Kokoro at speed 1 speaks about 12–18 phoneme symbols a second (spaces and punctuation included); these bounds leave
 * room for slow and fast voices but not for a stretched, truncated or doubled utterance.
 */
const MIN_MS_PER_SYMBOL = 35;
const MAX_MS_PER_SYMBOL = 120;
/** Speech normalised by the model sits around -20 dBFS; garbage (noise bursts, near-silence) falls outside. */
const MIN_VOICED_DBFS = -35;
const MAX_VOICED_DBFS = -8;

let engine: KokoroEngine;
let voices: VoiceStore;

beforeAll(async () => {
  const fixture = await requireRealFixture();
  voices = await VoiceStore.open(fixture.voicesDir);
  engine = new KokoroEngine({ voices });
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

function expectSpeech(pcm: Buffer, symbols: number, speed = 1): void {
  const m = measure(s16leToFloats(pcm));
  const msPerSymbol = (m.seconds * 1000 * speed) / symbols;
  expect(msPerSymbol).toBeGreaterThan(MIN_MS_PER_SYMBOL);
  expect(msPerSymbol).toBeLessThan(MAX_MS_PER_SYMBOL);
  expect(m.voicedDbfs).toBeGreaterThan(MIN_VOICED_DBFS);
  expect(m.voicedDbfs).toBeLessThan(MAX_VOICED_DBFS);
  expect(m.voicedFraction).toBeGreaterThan(0.5);
  expect(m.clippedSamples / (m.seconds * SAMPLE_RATE_HZ)).toBeLessThan(MAX_CLIPPED_FRACTION);
}

describe("the engine with the real Kokoro-82M weights", () => {
  it("loads the int8 export and warms up", async () => {
    const report = await engine.load({ modelPath: (await requireRealFixture()).modelPath });
    expect(report).toMatchObject({ provider: "cpu", flavour: "kokoro-onnx", speedDtype: "float32" });
    expect(report.warmupMs).toBeGreaterThan(0);
  }, 600_000);

  const english = VOICE_CATALOG.filter((voice) => voice.language === "en-us" || voice.language === "en-gb");

  it("knows all 28 English voices", () => {
    expect(english.map((voice) => voice.name).filter((name) => voices.names().includes(name))).toHaveLength(28);
  });

  for (const voice of english) {
    it(`${voice.name} speaks one sentence: voiced, at speech level, as long as its phonemes`, async () => {
      const result = await engine.synthesize({ phonemes: SENTENCE_PHONEMES, voice: voice.name, speed: 1 });
      expect(result.droppedSymbols).toBe(0);
      expect(result.pieces).toBe(1);
      expectSpeech(result.pcm, symbolCount(SENTENCE_PHONEMES));
    });
  }

  it("speaks a blend, which differs from both its voices", async () => {
    const blend = await engine.synthesize({ phonemes: SENTENCE_PHONEMES, voice: "af_heart:0.5+am_adam:0.5", speed: 1 });
    expectSpeech(blend.pcm, symbolCount(SENTENCE_PHONEMES));
    const heart = await engine.synthesize({ phonemes: SENTENCE_PHONEMES, voice: "af_heart", speed: 1 });
    const adam = await engine.synthesize({ phonemes: SENTENCE_PHONEMES, voice: "am_adam", speed: 1 });
    expect(blend.pcm.equals(heart.pcm)).toBe(false);
    expect(blend.pcm.equals(adam.pcm)).toBe(false);
  }, 600_000);

  it("changes duration in proportion to speed 0.5 and 2.0 (within 15 %)", async () => {
    const seconds = async (speed: number): Promise<number> =>
      (await engine.synthesize({ phonemes: SENTENCE_PHONEMES, voice: "af_heart", speed })).samples / SAMPLE_RATE_HZ;
    const normal = await seconds(1);
    const slow = await seconds(0.5);
    const fast = await seconds(2);
    expect(slow / normal).toBeGreaterThan(2 * 0.85);
    expect(slow / normal).toBeLessThan(2 * 1.15);
    expect(fast / normal).toBeGreaterThan(0.5 * 0.85);
    expect(fast / normal).toBeLessThan(0.5 * 1.15);
  }, 600_000);

  it("splits a paragraph over 510 tokens and loses nothing: as long as its sentences spoken one by one", async () => {
    const whole = LONG_PARAGRAPH_PHONEMES.join(" ");
    expect(symbolCount(whole)).toBeGreaterThan(510);
    const result = await engine.synthesize({ phonemes: whole, voice: "af_heart", speed: 1 });
    expect(result.pieces).toBeGreaterThan(1);
    expect(result.droppedSymbols).toBe(0);
    expect(result.tokens).toBe(symbolCount(whole));
    let separateSamples = 0;
    for (const sentence of LONG_PARAGRAPH_PHONEMES) {
      separateSamples += (await engine.synthesize({ phonemes: sentence, voice: "af_heart", speed: 1 })).samples;
    }
    // Pieces break at sentence ends, so the whole is the sentences' audio give or take their edges' pauses.
    expect(result.samples / separateSamples).toBeGreaterThan(0.9);
    expect(result.samples / separateSamples).toBeLessThan(1.1);
    expectSpeech(result.pcm, symbolCount(whole));
  }, 1_200_000);
});
