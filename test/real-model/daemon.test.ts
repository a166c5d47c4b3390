/**
 * The whole product path with the real weights, in one real daemon: text → normalization → G2P → Kokoro-82M →
 * player → the real `speaker` addon into an ALSA capture file; and the OpenAI endpoint on the same daemon. The
 * captured audio must be the audio the daemon sent to the client (`sendAudio`), sound like speech (level, voiced
 * share, no clipping) and last as long as the text takes to say.
 */
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_RATE_HZ, type DaemonStatus } from "@kokoro-speech/protocol";
import { startCapturedDaemon, type CapturedDaemon } from "../helpers/captured-daemon.js";
import { waitFor } from "../helpers/pcm.js";
import { MAX_CLIPPED_FRACTION, measure, s16leToFloats } from "./audio-measures.js";
import { requireRealFixture } from "./real-fixture.js";

const TEXT =
  "Kokoro Speech reads what you select. It costs $5.50 a month, or nothing at all on Jan 3rd, 2025. " +
  "Dr. Smith arrived at 3:05pm, after the meeting.";
/** Spoken words: the numbers and abbreviations expand ("five dollars and fifty cents", "doctor", ...). */
const SPOKEN_WORDS = 40;
/** English read aloud runs at 2–4 words a second; Kokoro at speed 1 sits near 2.7. */
const MIN_WORDS_PER_SECOND = 1.5;
const MAX_WORDS_PER_SECOND = 4.5;

let captured: CapturedDaemon;

beforeAll(async () => {
  const fixture = await requireRealFixture();
  captured = await startCapturedDaemon({
    extraArgs: ["--model-path", fixture.modelPath, "--voices-path", fixture.voicesDir, "--log-level", "info"],
  });
  await waitFor(async () => {
    const { model } = await captured.client.status();
    if (model.state === "failed") throw new Error(`model failed: ${model.error?.message}`);
    return model.state === "ready" && model.synthesizer === "kokoro";
  }, 570_000);
}, 600_000);

afterAll(async () => {
  await captured?.cleanup();
});

function expectSpokenText(pcm: Buffer): void {
  const m = measure(s16leToFloats(pcm));
  expect(SPOKEN_WORDS / m.seconds).toBeGreaterThan(MIN_WORDS_PER_SECOND);
  expect(SPOKEN_WORDS / m.seconds).toBeLessThan(MAX_WORDS_PER_SECOND);
  expect(m.voicedDbfs).toBeGreaterThan(-35);
  expect(m.voicedDbfs).toBeLessThan(-8);
  expect(m.voicedFraction).toBeGreaterThan(0.5);
  expect(m.clippedSamples / (m.seconds * SAMPLE_RATE_HZ)).toBeLessThan(MAX_CLIPPED_FRACTION);
}

describe("a real daemon with the real Kokoro-82M weights", () => {
  it("reports the published int8 export", async () => {
    const { model } = await captured.client.status();
    expect(model).toMatchObject({ state: "ready", synthesizer: "kokoro", flavour: "kokoro-onnx", dtype: "int8" });
  });

  it("speaks text into the ALSA capture: the audio it sent, speech-like, as long as the words", async () => {
    const sent: Buffer[] = [];
    captured.client.on("chunk", (chunk) => sent.push(Buffer.from(chunk.pcm)));
    const { streamId } = await captured.client.request({
      type: "speak",
      text: TEXT,
      voice: "af_heart",
      sendAudio: true,
    });
    expect((await captured.client.waitForTerminal(streamId!)).event).toBe("completed");
    const { counters } = await captured.client.status();
    expect(counters.droppedSymbols).toBe(0);
    // Underruns are not checked: they measure speed (a loaded machine renders slower than real time), a benchmark's
    // business; the capture must hold the whole utterance either way.
    const { audio, exitCode } = await captured.capturedAfterShutdown();
    expect(exitCode).toBe(0);
    const sentAudio = Buffer.concat(sent);
    expect(audio.byteLength).toBe(sentAudio.byteLength);
    expect(audio.equals(sentAudio)).toBe(true);
    expectSpokenText(audio);
  }, 570_000);
});

describe("the OpenAI endpoint with the real weights", () => {
  let daemon: CapturedDaemon;

  beforeAll(async () => {
    const fixture = await requireRealFixture();
    daemon = await startCapturedDaemon({
      extraArgs: ["--model-path", fixture.modelPath, "--voices-path", fixture.voicesDir],
    });
    await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${daemon.daemon.port}/status`);
      const { model } = (await response.json()) as DaemonStatus;
      return model.state === "ready" && model.synthesizer === "kokoro";
    }, 570_000);
  }, 600_000);

  afterAll(async () => {
    await daemon?.cleanup();
  });

  it("renders WAV at 24 kHz that is speech as long as the words", async () => {
    const openai = new OpenAI({
      apiKey: daemon.daemon.token,
      baseURL: `http://127.0.0.1:${daemon.daemon.port}/v1`,
      maxRetries: 0,
    });
    const response = await openai.audio.speech.create({
      model: "tts-1",
      voice: "af_heart",
      input: TEXT,
      response_format: "wav",
    });
    const wav = Buffer.from(await response.arrayBuffer());
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.readUInt32LE(24)).toBe(SAMPLE_RATE_HZ);
    expect(wav.readUInt16LE(22)).toBe(1);
    expectSpokenText(wav.subarray(44));
  }, 570_000);
});
