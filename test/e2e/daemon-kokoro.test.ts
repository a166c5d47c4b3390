/**
 * The real speak path in a real daemon: text front end → Misaki G2P → Kokoro engine on onnxruntime-node (a
 * generated stand-in model with the exact Kokoro signature, 600 samples per token) → player → the real `speaker`
 * addon into an ALSA capture. The capture is decoded back to the token ids the model received and compared with the
 * ids of the text's own G2P, computed in the test: a segment dropped, played twice or out of order fails.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DaemonClient, DaemonStatus, StreamEventMessage } from "@kokoro-speech/protocol";
import { writeCalibratedModel } from "../fixtures/calibrated-model.js";
import { writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { createAlsaCapture, type AlsaCapture } from "../helpers/alsa.js";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { waitFor } from "../helpers/pcm.js";
import { expectedTokenIds, spokenTokenIds } from "../helpers/stand-in-speech.js";

const TEXT = [
  "Kokoro Speech reads what you select. It costs $5.50 a month, or nothing at all on Jan 3rd, 2025.",
  "Dr. Smith arrived at 3:05pm, e.g. after the meeting.\nShe said the results were 10-20% better than in 1990.",
  "Finally, the washing machine\nmanual says: use warm or hot water temperature\nselection as appropriate.",
].join("\n\n");

let modelDir: string;
let capture: AlsaCapture;

beforeAll(async () => {
  modelDir = await mkdtemp(join(tmpdir(), "kokoro-model-"));
  await writeStandInModel(join(modelDir, "model.onnx"), "kokoro-onnx");
  await mkdir(join(modelDir, "voices"));
  // Synthetic packs under names that are not published voices: a published name must match its published sha256.
  await writeVoiceBin(join(modelDir, "voices", "af_fixture.bin"), 0);
  await writeVoiceBin(join(modelDir, "voices", "bf_fixture.bin"), 1);
});

afterAll(async () => {
  await rm(modelDir, { recursive: true, force: true });
});

async function startWithModel(): Promise<{
  daemon: DaemonProcess;
  client: DaemonClient;
  events: StreamEventMessage[];
}> {
  capture = await createAlsaCapture();
  const daemon = await startDaemonProcess({
    sink: "speaker",
    env: capture.env,
    extraArgs: ["--model-path", join(modelDir, "model.onnx"), "--voices-path", join(modelDir, "voices")],
  });
  const client = await daemon.connect();
  const events: StreamEventMessage[] = [];
  client.on("event", (event) => events.push(event));
  await waitFor(async () => {
    const { model } = await client.status();
    if (model.state === "failed") throw new Error(`model failed: ${model.error?.message}`);
    return model.state === "ready";
  }, 30_000);
  return { daemon, client, events };
}

describe("speak with the Kokoro engine", () => {
  it("speaks a three-paragraph text as one stream whose segments cover it and whose audio is the engine's", async () => {
    const { daemon, client, events } = await startWithModel();
    const model = (await client.status()).model;
    expect(model).toMatchObject({ state: "ready", synthesizer: "kokoro", flavour: "kokoro-onnx", provider: "cpu" });
    // A generated file is no published export: its weights' type is not claimed.
    expect(model).not.toHaveProperty("dtype");

    const { streamId } = await client.request({ type: "speak", text: TEXT, voice: "af_fixture" });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");

    const segments = events.flatMap((event) => (event.event === "segment" ? [event] : []));
    expect(segments.length).toBeGreaterThan(2);
    expect(segments.map((segment) => segment.index)).toEqual(segments.map((_, index) => index));
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(TEXT.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);

    const { counters } = await client.status();
    expect(counters.streamsCompleted).toBe(1);
    expect(counters.droppedSymbols).toBe(0);
    await client.close();
    expect(await daemon.stop()).toBe(0);
    // What was played, read back from the capture, against what the text itself phonemises to.
    const spoken = spokenTokenIds(await capture.read());
    expect(spoken.length).toBeGreaterThan(100);
    expect(spoken).toEqual(await expectedTokenIds(TEXT, "en-us"));
    await capture.cleanup();
  });

  it("answers model_unavailable while no model is installed, and keeps serving", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kokoro-empty-data-"));
    const daemon = await startDaemonProcess({
      sink: "null",
      extraArgs: ["--data-dir", dataDir, "--no-fallback-voice"],
    });
    const client = await daemon.connect();
    await expect(client.request({ type: "speak", text: "Hello there." })).rejects.toMatchObject({
      code: "model_unavailable",
    });
    expect((await client.status()).model.state).toBe("missing");
    await client.close();
    await daemon.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("speaks with the espeak-ng fallback voice while no model is installed, from the first request, and says so", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kokoro-empty-data-"));
    const fallbackCapture = await createAlsaCapture();
    const daemon = await startDaemonProcess({
      sink: "speaker",
      env: fallbackCapture.env,
      extraArgs: ["--data-dir", dataDir],
    });
    const client = await daemon.connect();
    const events: StreamEventMessage[] = [];
    client.on("event", (event) => events.push(event));
    // At once, as the extension does after starting the daemon: the fallback voice is still starting, and says so.
    const { model } = await client.status();
    expect(model).toMatchObject({ state: "missing", synthesizer: "fallback", provider: "fallback" });
    const { streamId } = await client.request({ type: "speak", text: "The model is not here yet. I still speak." });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    expect(events.find((event) => event.event === "started")).toMatchObject({ synthesizer: "fallback" });
    expect((await client.status()).counters.fallbackStreams).toBe(1);
    // The fallback voice now speaks, and checks voices as Kokoro does: none of these may be accepted and spoken.
    for (const [voice, code] of [
      ["af_nobody", "unknown_voice"],
      ["af_heart+af_nobody", "unknown_voice"],
      ["zz_nobody", "unknown_voice"],
      ["jf_alpha", "unsupported_language"],
    ]) {
      await expect(client.request({ type: "speak", text: "Not me.", voice })).rejects.toMatchObject({ code });
    }
    expect((await client.status()).counters.fallbackStreams).toBe(1);
    await client.close();
    await daemon.stop();
    const audio = await fallbackCapture.read();
    let energy = 0;
    for (let i = 0; i < audio.byteLength; i += 2) energy += audio.readInt16LE(i) ** 2;
    expect(audio.byteLength).toBeGreaterThan(24_000 * 2 * 0.5);
    expect(Math.sqrt(energy / (audio.byteLength / 2))).toBeGreaterThan(300);
    await fallbackCapture.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a voice that is not installed and a non-English voice with their codes", async () => {
    const { daemon, client } = await startWithModel();
    await expect(client.request({ type: "speak", text: "Hi.", voice: "am_adam" })).rejects.toMatchObject({
      code: "unknown_voice",
    });
    await expect(client.request({ type: "speak", text: "Hi.", voice: "jf_alpha" })).rejects.toMatchObject({
      code: "unsupported_language",
    });
    await expect(client.request({ type: "speak", text: "Hi.", voice: "af_fixture:x" })).rejects.toMatchObject({
      code: "invalid_voice_spec",
    });
    await client.close();
    await daemon.stop();
    await capture.cleanup();
  });

  it("stops the idle espeak-ng helper to free memory, counts it in /status and /metrics, and restarts it", async () => {
    const daemon = await startDaemonProcess({
      sink: "null",
      extraArgs: [
        ...["--model-path", join(modelDir, "model.onnx"), "--voices-path", join(modelDir, "voices")],
        ...["--espeak-idle-seconds", "0"],
      ],
    });
    const client = await daemon.connect();
    const status = async (): Promise<DaemonStatus> => client.status();
    await waitFor(async () => (await status()).model.state === "ready" && (await status()).counters.memoryCleanups > 0);

    // Made-up words: only the espeak-ng helper can pronounce them, so each stream needs a helper again.
    for (const [round, text] of ["The zorblefrax hummed.", "A quibbletrix replied."].entries()) {
      const before = await status();
      expect(before.memory.helperRssBytes).toBe(0);
      const { streamId } = await client.request({ type: "speak", text, voice: "af_fixture" });
      expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
      expect((await status()).counters.fallbackWords).toBe(round + 1);
      await waitFor(async () => (await status()).counters.memoryCleanups > before.counters.memoryCleanups);
    }
    const after = await status();
    expect(after.memory.helperRssBytes).toBe(0);
    const metrics = await (await fetch(`http://127.0.0.1:${daemon.port}/metrics`)).text();
    expect(metrics).toContain(`kokoro_speech_memory_cleanups_total ${after.counters.memoryCleanups}`);
    expect(metrics).toContain("kokoro_speech_helper_resident_memory_bytes 0");
    await client.close();
    expect(await daemon.stop()).toBe(0);
  });

  it("accepts speech sent while the model still loads, speaks it once loaded, and checks its voice then", async () => {
    // Distinct weights per layer: large enough (~67 MB) that loading takes a while after the port is open.
    const slowModel = await writeCalibratedModel(join(modelDir, "slow.onnx"), 16, true);
    const daemon = await startDaemonProcess({
      sink: "null",
      extraArgs: ["--model-path", slowModel, "--voices-path", join(modelDir, "voices")],
    });
    const client = await daemon.connect();
    const before = (await client.status()).model.state;
    const good = await client.request({ type: "speak", text: "Spoken once it is ready.", voice: "af_fixture" });
    const bad = await client.request({ type: "speak", text: "No such voice.", voice: "am_nobody", queue: "enqueue" });
    expect(["verifying", "loading"]).toContain(before);
    expect((await client.waitForTerminal(good.streamId!)).event).toBe("completed");
    const refused = await client.waitForTerminal(bad.streamId!);
    expect(refused.event === "failed" && refused.code).toBe("unknown_voice");
    const status = await client.status();
    expect(status.model.state).toBe("ready");
    expect(status.counters.inferences).toBeGreaterThan(0);
    await client.close();
    expect(await daemon.stop()).toBe(0);
  });
});
