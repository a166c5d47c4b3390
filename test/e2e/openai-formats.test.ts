/**
 * The OpenAI endpoint's formats on the real Kokoro path (text front end → Misaki G2P → onnxruntime-node on the
 * generated stand-in model) in a real daemon process, driven by the official `openai` SDK. The PCM render is the
 * reference: every encoded format must decode (ffmpeg) to that render's duration within 2 % at the right rate,
 * and SSE deltas must reassemble to it byte for byte. Voice specs go through the real voice-pack loader, so a
 * blend is really blended and a malformed one is refused by the engine's own parser.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI, { BadRequestError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_RATE_HZ, type DaemonStatus } from "@kokoro-speech/protocol";
import { writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { rejectionOf } from "../helpers/errors.js";
import { decodeAudio } from "../helpers/ffmpeg.js";
import { waitFor } from "../helpers/pcm.js";

const PARAGRAPH = [
  "Kokoro Speech reads what you select, on this machine and with no account.",
  "Editors, note apps and agents that speak OpenAI's speech API can use it as their voice.",
  "It answers in mp3 by default, and in Opus, FLAC, WAV or raw PCM when asked.",
].join(" ");
const LONG_TEXT = Array.from({ length: 150 }, (_, i) => `This is sentence ${i + 1} of a rather long text.`).join(" ");

let modelDir: string;
let daemon: DaemonProcess;
let openai: OpenAI;
let pcmRender: Buffer;

async function inferences(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${daemon.port}/status`);
  return ((await response.json()) as DaemonStatus).counters.inferences;
}

async function render(format: "mp3" | "opus" | "aac" | "flac" | "wav" | "pcm", voice = "af_fixture"): Promise<Buffer> {
  const response = await openai.audio.speech.create({
    model: "kokoro",
    voice,
    input: PARAGRAPH,
    response_format: format,
  });
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  modelDir = await mkdtemp(join(tmpdir(), "kokoro-openai-formats-"));
  await writeStandInModel(join(modelDir, "model.onnx"), "kokoro-onnx");
  await mkdir(join(modelDir, "voices"));
  await writeVoiceBin(join(modelDir, "voices", "af_fixture.bin"), 0);
  await writeVoiceBin(join(modelDir, "voices", "af_other.bin"), 1);
  daemon = await startDaemonProcess({
    sink: "null",
    extraArgs: ["--model-path", join(modelDir, "model.onnx"), "--voices-path", join(modelDir, "voices")],
  });
  openai = new OpenAI({ apiKey: daemon.token, baseURL: `http://127.0.0.1:${daemon.port}/v1`, maxRetries: 0 });
  await waitFor(async () => {
    const response = await fetch(`http://127.0.0.1:${daemon.port}/status`);
    const { model } = (await response.json()) as DaemonStatus;
    if (model.state === "failed") throw new Error(`model failed: ${model.error?.message}`);
    return model.state === "ready" && model.synthesizer === "kokoro";
  }, 30_000);
  pcmRender = await render("pcm");
});

afterAll(async () => {
  await daemon.stop();
  await rm(modelDir, { recursive: true, force: true });
});

describe("every format on the Kokoro path, decoded by ffmpeg against the PCM render", () => {
  const expected = {
    mp3: { codec: "mp3", rate: SAMPLE_RATE_HZ },
    opus: { codec: "opus", rate: 48_000 },
    aac: { codec: "aac", rate: SAMPLE_RATE_HZ },
    flac: { codec: "flac", rate: SAMPLE_RATE_HZ },
    wav: { codec: "pcm_s16le", rate: SAMPLE_RATE_HZ },
  } as const;
  for (const [format, { codec, rate }] of Object.entries(expected) as Array<
    [keyof typeof expected, (typeof expected)[keyof typeof expected]]
  >) {
    it(`${format}: ${codec} at ${rate} Hz, within 2 % of the PCM render's duration`, async () => {
      const renderSeconds = pcmRender.byteLength / 2 / SAMPLE_RATE_HZ;
      expect(renderSeconds).toBeGreaterThan(3);
      const decoded = await decodeAudio(await render(format));
      expect(decoded).toMatchObject({ codec, sampleRateHz: rate, channelCount: 1 });
      expect(Math.abs(decoded.durationS - renderSeconds) / renderSeconds).toBeLessThan(0.02);
      if (format === "wav") expect(Buffer.from(decoded.samples.buffer).equals(pcmRender)).toBe(true);
    });
  }

  it("SSE: the deltas reassemble to the PCM render byte for byte", async () => {
    const response = await openai.audio.speech.create({
      model: "gpt-4o-mini-tts",
      voice: "af_fixture",
      input: PARAGRAPH,
      response_format: "pcm",
      stream_format: "sse",
    });
    const events = (await response.text())
      .split("\n\n")
      .filter((block) => block.startsWith("data: "))
      .map((block) => JSON.parse(block.slice("data: ".length)) as { type: string; audio?: string });
    expect(events.at(-1)?.type).toBe("speech.audio.done");
    const deltas = events.filter((event) => event.type === "speech.audio.delta");
    expect(deltas.length).toBe(events.length - 1);
    expect(Buffer.concat(deltas.map((delta) => Buffer.from(delta.audio!, "base64"))).equals(pcmRender)).toBe(true);
  });
});

describe("voices on the Kokoro path", () => {
  it("speaks a blend, which differs from either of its voices", async () => {
    const blend = await render("pcm", "af_fixture:0.5+af_other:0.5");
    expect(blend.byteLength).toBeGreaterThan(0);
    expect(blend.equals(pcmRender)).toBe(false);
    expect(blend.equals(await render("pcm", "af_other"))).toBe(false);
  });

  const refused: Array<[string, string, string]> = [
    ["a malformed blend", "af_fixture:0.5+", "invalid_voice_spec"],
    ["a blend with a bad weight", "af_fixture:-1+af_other", "invalid_voice_spec"],
    ["an unknown voice", "af_nobody", "unknown_voice"],
  ];
  for (const [name, voice, code] of refused) {
    it(`refuses ${name} with 400 ${code}`, async () => {
      const error = await rejectionOf(
        openai.audio.speech.create({ model: "tts-1", voice, input: "Hello.", response_format: "mp3" }),
      );
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, code, param: "voice", type: "invalid_request_error" });
    });
  }
});

describe("a client that leaves an mp3 stream", () => {
  it("stops the synthesis: no inference runs after the abort is logged", async () => {
    const abort = new AbortController();
    const response = await openai.audio.speech.create(
      { model: "kokoro", voice: "af_fixture", input: LONG_TEXT, response_format: "mp3" },
      { signal: abort.signal },
    );
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    abort.abort();
    await reader.cancel().catch(() => undefined);
    await waitFor(() => daemon.stderr().includes("openai speech aborted"), 10_000);
    const afterAbort = await inferences();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await inferences()).toBe(afterAbort);
  });
});
