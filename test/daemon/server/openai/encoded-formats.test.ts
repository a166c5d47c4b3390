/**
 * Every response format of the speech endpoint, in process behind the daemon's real HTTP server and the real
 * encoder host, requested by the official `openai` SDK and checked by a real decoder (ffmpeg, test/helpers/
 * ffmpeg.ts): the codec and container the content type promises, the sample rate, and a duration within 2 % of
 * the PCM the synthesizer made (the tone fixture, so that PCM is known exactly). Also: the first encoded bytes go
 * out while later segments are still held, SSE deltas reassemble to the PCM render byte for byte, speeds outside
 * Kokoro's range are clamped and say so in a header, and a client that leaves mid-stream stops the encoder and the
 * synthesis.
 */
import { request as httpRequest } from "node:http";
import OpenAI, { APIError, BadRequestError } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { DAEMON_NAME, MAX_TEXT_CHARS, PROTOCOL_VERSION, SAMPLE_RATE_HZ, SPEED_MAX } from "@kokoro-speech/protocol";
import { startHttpServer, type RunningHttpServer } from "../../../../daemon/src/server/http-server.js";
import { createOpenAiRoutes, type OpenAiRoutes } from "../../../../daemon/src/server/openai/index.js";
import { FixedSynthesizerProvider } from "../../../../daemon/src/synthesis/synthesizer.js";
import { fixtureAudioFor, fixtureSegments } from "../../../fixtures/tone-synthesizer.js";
import { decodeAudio } from "../../../helpers/ffmpeg.js";
import { rejectionOf } from "../../../helpers/errors.js";
import { waitFor } from "../../../helpers/pcm.js";
import { GatedSynthesizer } from "./gated-synthesizer.js";

const TOKEN = "c".repeat(64);
/** About 6 s of fixture audio: long enough that an mp3's encoder delay and last-frame padding stay under 2 %. */
const TEXT = Array.from(
  { length: 12 },
  (_, i) => `Sentence ${i + 1} is here so that the encoders have several segments of audio to work through.`,
).join(" ");
const PCM = fixtureAudioFor(TEXT);
const PCM_SECONDS = PCM.byteLength / 2 / SAMPLE_RATE_HZ;

interface Served {
  port: number;
  routes: OpenAiRoutes;
  client: OpenAI;
  synthesizer: GatedSynthesizer;
}

let server: RunningHttpServer | null = null;
let routes: OpenAiRoutes | null = null;

afterEach(async () => {
  await server?.close();
  await routes?.encoders.stop();
  server = null;
  routes = null;
});

async function serve(): Promise<Served> {
  const synthesizer = new GatedSynthesizer();
  routes = createOpenAiRoutes({ token: TOKEN, speech: new FixedSynthesizerProvider(synthesizer) });
  server = await startHttpServer({
    port: 0,
    identity: { name: DAEMON_NAME, version: "test", pid: process.pid, protocol: PROTOCOL_VERSION },
    status: () => ({}),
    metrics: () => ({ contentType: "text/plain", body: "" }),
    routes,
    onConnection: (socket) => socket.close(),
  });
  const client = new OpenAI({ apiKey: TOKEN, baseURL: `http://127.0.0.1:${server.port}/v1`, maxRetries: 0 });
  return { port: server.port, routes, client, synthesizer };
}

/** Codec, container and the decoded sample rate each encoded format must show. */
const ENCODED: Array<{
  format: "mp3" | "opus" | "aac" | "flac" | "wav";
  contentType: string;
  codec: string;
  container: string;
  rate: number;
}> = [
  { format: "mp3", contentType: "audio/mpeg", codec: "mp3", container: "mp3", rate: SAMPLE_RATE_HZ },
  // Opus always decodes at 48 kHz (RFC 7845 §5.1); the input rate is in the header, checked below.
  { format: "opus", contentType: "audio/ogg", codec: "opus", container: "ogg", rate: 48_000 },
  { format: "aac", contentType: "audio/aac", codec: "aac", container: "aac", rate: SAMPLE_RATE_HZ },
  { format: "flac", contentType: "audio/flac", codec: "flac", container: "flac", rate: SAMPLE_RATE_HZ },
  { format: "wav", contentType: "audio/wav", codec: "pcm_s16le", container: "wav", rate: SAMPLE_RATE_HZ },
];

describe("every response format, decoded by ffmpeg", () => {
  for (const expected of ENCODED) {
    it(`${expected.format}: ${expected.contentType}, ${expected.codec} at ${expected.rate} Hz, the PCM render's duration ±2 %`, async () => {
      const { client } = await serve();
      const response = await client.audio.speech.create({
        model: "tts-1",
        voice: "alloy",
        input: TEXT,
        response_format: expected.format,
      });
      expect(response.headers.get("content-type")).toBe(expected.contentType);
      expect(response.headers.get("transfer-encoding")).toBe("chunked");
      const body = Buffer.from(await response.arrayBuffer());
      const decoded = await decodeAudio(body);
      expect(decoded).toMatchObject({ codec: expected.codec, channelCount: 1, sampleRateHz: expected.rate });
      expect(decoded.container.split(",")).toContain(expected.container);
      expect(Math.abs(decoded.durationS - PCM_SECONDS) / PCM_SECONDS).toBeLessThan(0.02);
      if (expected.format === "opus") {
        // OpusHead: the first packet of the first page (27-byte header, one lacing value); input rate at offset 12.
        expect(body.toString("ascii", 28, 36)).toBe("OpusHead");
        expect(body.readUInt32LE(28 + 12)).toBe(SAMPLE_RATE_HZ);
      }
      if (expected.format === "wav") expect(Buffer.from(decoded.samples.buffer).equals(PCM)).toBe(true);
    });
  }

  it("answers mp3 when no response_format is sent, as OpenAI does", async () => {
    const { port } = await serve();
    const response = await fetch(`http://127.0.0.1:${port}/v1/audio/speech`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "tts-1", voice: "nova", input: TEXT }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    const decoded = await decodeAudio(Buffer.from(await response.arrayBuffer()));
    expect(decoded).toMatchObject({ codec: "mp3", sampleRateHz: SAMPLE_RATE_HZ });
    expect(Math.abs(decoded.durationS - PCM_SECONDS) / PCM_SECONDS).toBeLessThan(0.02);
  });

  for (const format of ["mp3", "opus", "aac", "flac"] as const) {
    it(`${format}: the first encoded bytes go out while the second segment is still held`, async () => {
      const { client, synthesizer } = await serve();
      synthesizer.holdFrom(1);
      const response = await client.audio.speech.create({
        model: "kokoro",
        voice: "af_heart",
        input: TEXT,
        response_format: format,
      });
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect(first.value!.byteLength).toBeGreaterThan(0);
      expect(synthesizer.segmentsSynthesized).toBe(1);
      synthesizer.open();
      const chunks = [Buffer.from(first.value!)];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(Buffer.from(next.value));
      const decoded = await decodeAudio(Buffer.concat(chunks));
      expect(Math.abs(decoded.durationS - PCM_SECONDS) / PCM_SECONDS).toBeLessThan(0.02);
    });
  }
});

/** The events of an SSE body, parsed from its `data:` lines. */
function sseEvents(body: string): Array<{ type: string; audio?: string; usage?: Record<string, number> }> {
  return body
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice("data: ".length))
        .join("\n");
      return JSON.parse(data) as { type: string; audio?: string; usage?: Record<string, number> };
    });
}

describe('stream_format: "sse"', () => {
  it("streams speech.audio.delta events whose audio reassembles to the pcm render byte for byte, then speech.audio.done", async () => {
    const { client } = await serve();
    const pcm = Buffer.from(
      await (
        await client.audio.speech.create({ model: "tts-1", voice: "nova", input: TEXT, response_format: "pcm" })
      ).arrayBuffer(),
    );
    expect(pcm.equals(PCM)).toBe(true);
    const response = await client.audio.speech.create({
      model: "gpt-4o-mini-tts",
      voice: "nova",
      input: TEXT,
      response_format: "pcm",
      stream_format: "sse",
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = sseEvents(await response.text());
    const deltas = events.slice(0, -1);
    expect(deltas.length).toBe(fixtureSegments(TEXT).length);
    for (const delta of deltas) expect(delta.type).toBe("speech.audio.delta");
    expect(Buffer.concat(deltas.map((delta) => Buffer.from(delta.audio!, "base64"))).equals(pcm)).toBe(true);
    expect(events.at(-1)).toEqual({
      type: "speech.audio.done",
      usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 },
    });
  });

  it("carries the requested format in the deltas: mp3 deltas join into an mp3 ffmpeg decodes", async () => {
    const { client } = await serve();
    const response = await client.audio.speech.create({
      model: "tts-1",
      voice: "nova",
      input: TEXT,
      stream_format: "sse",
    });
    const events = sseEvents(await response.text());
    const mp3 = Buffer.concat(
      events.filter((event) => event.type === "speech.audio.delta").map((event) => Buffer.from(event.audio!, "base64")),
    );
    const decoded = await decodeAudio(mp3);
    expect(decoded.codec).toBe("mp3");
    expect(Math.abs(decoded.durationS - PCM_SECONDS) / PCM_SECONDS).toBeLessThan(0.02);
  });
});

describe("speed", () => {
  it("clamps a speed beyond Kokoro's range to its end, renders at that speed and reports both in headers", async () => {
    const { client } = await serve();
    const response = await client.audio.speech.create({
      model: "tts-1",
      voice: "af_heart",
      input: TEXT,
      response_format: "pcm",
      speed: 4,
    });
    expect(response.headers.get("x-kokoro-speed")).toBe(String(SPEED_MAX));
    expect(response.headers.get("x-kokoro-speed-clamped-from")).toBe("4");
    expect(Buffer.from(await response.arrayBuffer()).equals(fixtureAudioFor(TEXT, SPEED_MAX))).toBe(true);
  });

  it("reports the speed applied and no clamping for a speed inside the range", async () => {
    const { client } = await serve();
    const response = await client.audio.speech.create({ model: "tts-1", voice: "af_heart", input: "Hi.", speed: 1.5 });
    expect(response.headers.get("x-kokoro-speed")).toBe("1.5");
    expect(response.headers.get("x-kokoro-speed-clamped-from")).toBeNull();
    await response.arrayBuffer();
  });
});

describe("a client that leaves mid-stream", () => {
  for (const format of ["mp3", "opus"] as const) {
    it(`${format}: stops the synthesis and frees the encoder`, async () => {
      const { client, synthesizer, routes } = await serve();
      synthesizer.holdFrom(1);
      const abort = new AbortController();
      const response = await client.audio.speech.create(
        { model: "tts-1", voice: "af_heart", input: TEXT, response_format: format },
        { signal: abort.signal },
      );
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      expect(routes.encoders.openSessions).toBe(1);
      expect((await routes.encoders.stats()).open).toBe(1);
      abort.abort();
      await reader.cancel().catch(() => undefined);
      // The encoder stops at once, while the synthesis is still held on its next segment; and it is gone from the
      // host process, not only from this side.
      await waitFor(() => routes.encoders.openSessions === 0);
      const afterAbort = await routes.encoders.stats();
      expect(afterAbort.open).toBe(0);
      expect(synthesizer.segmentsSynthesized).toBe(1);
      synthesizer.open();
      await waitFor(() => routes.counters.aborted === 1);
      await waitFor(() => synthesizer.rendersClosed === 1);
      expect(synthesizer.segmentsSynthesized).toBeLessThan(fixtureSegments(TEXT).length);
      // Nothing is encoded after the abort, even once the held segments could have come.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await routes.encoders.stats()).slicesEncoded).toBe(afterAbort.slicesEncoded);
      expect(routes.counters).toMatchObject({ completed: 0, aborted: 1, failed: 0 });
    });
  }
});

/** POSTs a raw body, bypassing the SDK (which always sends JSON). */
function postRaw(port: number, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/v1/audio/speech",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, json: JSON.parse(text) }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("bad input gets OpenAI's error shape and status", () => {
  const base = { model: "tts-1", voice: "af_heart", input: "Hello." };
  const refused: Array<[string, Record<string, unknown>, number, string, string]> = [
    ["an unknown format", { response_format: "m4a" }, 400, "unsupported_response_format", "response_format"],
    ["a text over the limit", { input: "a".repeat(MAX_TEXT_CHARS + 1) }, 413, "text_too_long", "input"],
    ["an empty text", { input: "" }, 400, "empty_text", "input"],
    ["a blank text", { input: " \n\t" }, 400, "empty_text", "input"],
    ["an unknown voice", { voice: "af_nobody1" }, 400, "unknown_voice", "voice"],
    ["an unknown stream format", { stream_format: "chunks" }, 400, "invalid_message", "stream_format"],
  ];
  for (const [name, change, status, code, param] of refused) {
    it(`refuses ${name}: ${status} ${code}`, async () => {
      const { client, routes } = await serve();
      const error = await rejectionOf(client.audio.speech.create({ ...base, ...change } as never));
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status, code, param, type: "invalid_request_error" });
      expect(routes.encoders.running).toBe(false);
    });
  }

  it("refuses a body that is not JSON: 400 invalid_message in OpenAI's shape", async () => {
    const { port } = await serve();
    const { status, json } = await postRaw(port, "model=tts-1&input=hello");
    expect(status).toBe(400);
    expect(json).toEqual({
      error: { message: expect.any(String), type: "invalid_request_error", param: null, code: "invalid_message" },
    });
  });

  it("raises BadRequestError in the SDK for every 400", async () => {
    const { client } = await serve();
    expect(await rejectionOf(client.audio.speech.create({ ...base, input: "" }))).toBeInstanceOf(BadRequestError);
  });
});
