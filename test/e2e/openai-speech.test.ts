/**
 * The OpenAI-compatible endpoint of a real daemon process (loaded with the tone fixture synthesizer), driven by the
 * official `openai` SDK the way an editor or agent would: WAV and PCM for a paragraph must be exactly the audio the
 * synthesizer made, errors must arrive as the SDK's typed errors, and the WebSocket protocol must keep working
 * beside it.
 */
import OpenAI, { APIError, AuthenticationError, BadRequestError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS } from "@kokoro-speech/protocol";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { rejectionOf } from "../helpers/errors.js";

const PARAGRAPH =
  "Kokoro Speech reads what you select. It runs on this machine, with no account and no network. " +
  "Editors, note apps and agents that speak OpenAI's speech API can use it as their voice! Does it stream? It does.";

let daemon: DaemonProcess;
let openai: OpenAI;

beforeAll(async () => {
  daemon = await startDaemonProcess({ sink: "null", withFixtureSynthesizer: true });
  openai = new OpenAI({ apiKey: daemon.token, baseURL: `http://127.0.0.1:${daemon.port}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  expect(await daemon.stop()).toBe(0);
});

describe("the daemon's OpenAI-compatible speech endpoint", () => {
  it("renders a paragraph as WAV: a 24 kHz mono 16-bit header, then exactly the synthesized samples", async () => {
    const response = await openai.audio.speech.create({
      model: "tts-1",
      voice: "alloy",
      input: PARAGRAPH,
      response_format: "wav",
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const expected = fixtureAudioFor(PARAGRAPH);
    expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
    expect(bytes.readUInt32LE(24)).toBe(24_000);
    expect(bytes.readUInt16LE(22)).toBe(1);
    expect(bytes.readUInt16LE(34)).toBe(16);
    expect(bytes.byteLength).toBe(44 + expected.byteLength);
    expect(bytes.subarray(44).equals(expected)).toBe(true);
  });

  it("renders a paragraph as raw s16le PCM of exactly the synthesized length", async () => {
    const response = await openai.audio.speech.create({
      model: "kokoro",
      voice: "bm_george",
      input: PARAGRAPH,
      response_format: "pcm",
      speed: 0.8,
    });
    const pcm = Buffer.from(await response.arrayBuffer());
    expect(pcm.byteLength).toBe(fixtureAudioFor(PARAGRAPH, 0.8).byteLength);
    expect(pcm.equals(fixtureAudioFor(PARAGRAPH, 0.8))).toBe(true);
  });

  it("maps refusals to the SDK's typed errors with our codes", async () => {
    const base = { model: "tts-1", voice: "af_heart", input: "Hello." } as const;
    const badVoice = await rejectionOf(openai.audio.speech.create({ ...base, voice: "nobody" }));
    expect(badVoice).toBeInstanceOf(BadRequestError);
    expect(badVoice).toMatchObject({ code: "unknown_voice", param: "voice" });

    const tooLong = await rejectionOf(openai.audio.speech.create({ ...base, input: "a".repeat(MAX_TEXT_CHARS + 1) }));
    expect(tooLong).toBeInstanceOf(APIError);
    expect(tooLong).toMatchObject({ status: 413, code: "text_too_long" });

    const stranger = new OpenAI({
      apiKey: "0".repeat(64),
      baseURL: `http://127.0.0.1:${daemon.port}/v1`,
      maxRetries: 0,
    });
    const unauthorized = await rejectionOf(stranger.audio.speech.create(base));
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
  });

  it("leaves the WebSocket protocol and the built-in endpoints as they were", async () => {
    const client = await daemon.connect();
    const { streamId } = await client.request({ type: "speak", text: "Still here.", voice: "af_heart" });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    await client.close();
    const health = await fetch(`http://127.0.0.1:${daemon.port}/health`);
    expect(health.status).toBe(200);
  });
});
