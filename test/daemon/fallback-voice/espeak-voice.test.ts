import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProtocolError, SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { EspeakVoice, type EspeakRenderOptions } from "../../../daemon/src/fallback-voice/espeak-voice.js";
import { resampledLength } from "../../../daemon/src/fallback-voice/resample.js";
import { readWavPcm } from "../../../daemon/src/fallback-voice/wav-pcm.js";

const SENTENCE = "The fallback voice reads this sentence aloud.";
const AMERICAN: EspeakRenderOptions = { language: "en-us", speed: 1 };

function samplesOf(pcm: Buffer): Int16Array {
  return new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength));
}

function rms(pcm: Buffer): number {
  const samples = samplesOf(pcm);
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe("EspeakVoice (real espeak-ng WASM)", () => {
  let voice: EspeakVoice;

  beforeAll(async () => {
    const loaded = await EspeakVoice.load();
    if (!loaded) throw new Error("the espeak-ng package should be installed in the daemon workspace");
    voice = loaded;
  });

  afterAll(async () => {
    await voice.close();
  });

  it("gets 16-bit mono WAV at espeak-ng's 22,050 Hz from the package", async () => {
    const { sampleRateHz, samples } = readWavPcm(await voice.renderWav(SENTENCE, AMERICAN));
    expect(sampleRateHz).toBe(22_050);
    expect(samples.length).toBeGreaterThan(sampleRateHz / 2);
  });

  it("converts espeak's WAV to the product rate, keeping its duration", async () => {
    const raw = readWavPcm(await voice.renderWav(SENTENCE, AMERICAN));
    const pcm = await voice.render(SENTENCE, AMERICAN);
    expect(pcm.byteLength / 2).toBe(resampledLength(raw.samples.length, raw.sampleRateHz, SAMPLE_RATE_HZ));
    expect(rms(pcm)).toBeGreaterThan(500);
  });

  it("speaks faster at a higher speed and slower at a lower one", async () => {
    const [slow, normal, fast] = await Promise.all(
      [0.5, 1, 2].map((speed) => voice.render(SENTENCE, { language: "en-us", speed })),
    );
    expect(fast!.byteLength).toBeLessThan(normal!.byteLength);
    expect(normal!.byteLength).toBeLessThan(slow!.byteLength);
  });

  it("renders again after a render: the same text twice gives the same audio", async () => {
    const first = await voice.render("Once.", AMERICAN);
    const second = await voice.render("Once.", AMERICAN);
    expect(first.byteLength).toBeGreaterThan(0);
    expect(second.equals(first)).toBe(true);
  });

  it("uses a different espeak-ng voice for British English", async () => {
    const american = await voice.render("Tomato, schedule, water.", AMERICAN);
    const british = await voice.render("Tomato, schedule, water.", { language: "en", speed: 1 });
    expect(rms(british)).toBeGreaterThan(500);
    expect(british.equals(american)).toBe(false);
  });

  it("speaks text that starts with a dash instead of reading it as an option", async () => {
    const pcm = await voice.render("-s is a flag elsewhere.", AMERICAN);
    expect(pcm.byteLength / 2 / SAMPLE_RATE_HZ).toBeGreaterThan(0.5);
    expect(rms(pcm)).toBeGreaterThan(500);
  });

  it("fails with synthesis_failed when espeak-ng exits with an error, leaving the process exit code alone", async () => {
    const unknownLanguage = { language: "xx-nowhere" as EspeakRenderOptions["language"], speed: 1 };
    const failure = await voice.render(SENTENCE, unknownLanguage).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isProtocolError(failure) && failure.code).toBe("synthesis_failed");
    expect(process.exitCode).toBeUndefined();
    expect(rms(await voice.render(SENTENCE, AMERICAN))).toBeGreaterThan(500);
  });

  it("starts a new worker for a render after close", async () => {
    const before = await voice.render("Before.", AMERICAN);
    await voice.close();
    const after = await voice.render("Before.", AMERICAN);
    expect(after.equals(before)).toBe(true);
  });
});
