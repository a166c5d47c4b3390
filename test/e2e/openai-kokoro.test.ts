/**
 * The OpenAI-compatible endpoint on the real Kokoro path (text front end → Misaki G2P → onnxruntime-node on the
 * generated stand-in model, 600 samples per token) in a real daemon process. The stand-in's audio decodes back to the
 * token ids the model received, compared with the ids of the text's own G2P computed in the test, so a lost,
 * repeated or reordered segment shows; and `GET /status` counts inferences, so a client abort that did not stop the
 * render would show as inferences that keep coming.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DaemonStatus } from "@kokoro-speech/protocol";
import { writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { waitFor } from "../helpers/pcm.js";
import { expectedTokenIds, spokenTokenIds } from "../helpers/stand-in-speech.js";

const PARAGRAPH = [
  "Kokoro Speech reads what you select. It costs $5.50 a month, or nothing at all on Jan 3rd, 2025.",
  "Dr. Smith arrived at 3:05pm, e.g. after the meeting. She said the results were 10-20% better than in 1990.",
].join(" ");
const LONG_TEXT = Array.from({ length: 150 }, (_, i) => `This is sentence ${i + 1} of a rather long text.`).join(" ");
const SHORT_TEXT = "Hello there.";
const WAV_HEADER_BYTES = 44;

let modelDir: string;
let daemon: DaemonProcess;
/** Computed before the daemon starts: building the lexicon blocks this process for seconds, long enough for the
 * daemon to close an idle keep-alive socket that the next fetch would then reuse. */
let paragraphIds: number[];
let openai: OpenAI;

async function counters(): Promise<DaemonStatus["counters"]> {
  const response = await fetch(`http://127.0.0.1:${daemon.port}/status`);
  return ((await response.json()) as DaemonStatus).counters;
}

async function renderPcm(input: string): Promise<Buffer> {
  const response = await openai.audio.speech.create({
    model: "kokoro",
    voice: "af_fixture",
    input,
    response_format: "pcm",
  });
  return Buffer.from(await response.arrayBuffer());
}

/** Inferences one complete render of `input` runs. */
async function inferencesFor(input: string): Promise<number> {
  const before = (await counters()).inferences;
  await renderPcm(input);
  return (await counters()).inferences - before;
}

beforeAll(async () => {
  paragraphIds = await expectedTokenIds(PARAGRAPH, "en-us");
  modelDir = await mkdtemp(join(tmpdir(), "kokoro-openai-model-"));
  await writeStandInModel(join(modelDir, "model.onnx"), "kokoro-onnx");
  await mkdir(join(modelDir, "voices"));
  await writeVoiceBin(join(modelDir, "voices", "af_fixture.bin"), 0);
  daemon = await startDaemonProcess({
    sink: "null",
    extraArgs: ["--model-path", join(modelDir, "model.onnx"), "--voices-path", join(modelDir, "voices")],
  });
  openai = new OpenAI({ apiKey: daemon.token, baseURL: `http://127.0.0.1:${daemon.port}/v1`, maxRetries: 0 });
  await waitFor(async () => {
    const response = await fetch(`http://127.0.0.1:${daemon.port}/status`);
    const { model } = (await response.json()) as DaemonStatus;
    if (model.state === "failed") throw new Error(`model failed: ${model.error?.message}`);
    // The files are reported `ready` just before the engine loads; requests need the loaded synthesizer.
    return model.state === "ready" && model.synthesizer === "kokoro";
  }, 30_000);
});

afterAll(async () => {
  await daemon.stop();
  await rm(modelDir, { recursive: true, force: true });
});

describe("the OpenAI endpoint on the Kokoro path", () => {
  it("renders a paragraph as WAV holding exactly the speech of its text, every segment once and in order", async () => {
    const before = await counters();
    const response = await openai.audio.speech.create({
      model: "tts-1",
      voice: "af_fixture",
      input: PARAGRAPH,
      response_format: "wav",
    });
    const wav = Buffer.from(await response.arrayBuffer());
    // More than one inference, or there would be no segments to lose or reorder.
    expect((await counters()).inferences - before.inferences).toBeGreaterThan(1);
    expect(wav.subarray(0, 4).toString("latin1")).toBe("RIFF");
    const spoken = spokenTokenIds(wav.subarray(WAV_HEADER_BYTES));
    expect(spoken.length).toBeGreaterThan(50);
    expect(spoken).toEqual(paragraphIds);
  });

  it("stops synthesizing when the client aborts, and runs no inference after that", async () => {
    const fullInferences = await inferencesFor(LONG_TEXT);
    const shortInferences = await inferencesFor(SHORT_TEXT);
    const before = (await counters()).inferences;

    const abort = new AbortController();
    const response = await openai.audio.speech.create(
      { model: "kokoro", voice: "af_fixture", input: LONG_TEXT, response_format: "pcm" },
      { signal: abort.signal },
    );
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    abort.abort();
    await reader.cancel().catch(() => undefined);
    // Logged once the render's iterator is closed: no inference of it can start after this line.
    await waitFor(() => daemon.stderr().includes("openai speech aborted"), 10_000);
    const afterAbort = (await counters()).inferences;
    expect(afterAbort - before).toBeLessThan(fullInferences);

    // The next request runs exactly its own inferences: nothing of the aborted render is still queued.
    await renderPcm(SHORT_TEXT);
    expect((await counters()).inferences).toBe(afterAbort + shortInferences);
  });
});
