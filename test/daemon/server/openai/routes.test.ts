/**
 * The OpenAI-compatible API in-process behind the daemon's real HTTP server, driven by the official `openai` SDK.
 * The synthesizer is the tone fixture behind a gate (gated-synthesizer.ts), so a test knows the exact bytes a
 * request must produce and can hold a render between segments. If the endpoint dropped, repeated or reordered a
 * segment, mangled the WAV header, or answered errors in another shape, the SDK's decoding here would show it.
 */
import { request as httpRequest } from "node:http";
import OpenAI, { APIError, AuthenticationError, BadRequestError, InternalServerError, RateLimitError } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import {
  CHANNEL_COUNT,
  DAEMON_NAME,
  MAX_TEXT_CHARS,
  PROTOCOL_VERSION,
  ProtocolError,
  SAMPLE_RATE_HZ,
  type ModelStatusReport,
} from "@kokoro-speech/protocol";
import { startHttpServer, type RunningHttpServer } from "../../../../daemon/src/server/http-server.js";
import { createOpenAiRoutes, type OpenAiRoutes } from "../../../../daemon/src/server/openai/index.js";
import {
  FixedSynthesizerProvider,
  NO_SYNTHESIS,
  type SynthesizerProvider,
} from "../../../../daemon/src/synthesis/synthesizer.js";
import { fixtureAudioFor, fixtureSegments } from "../../../fixtures/tone-synthesizer.js";
import { waitFor } from "../../../helpers/pcm.js";
import { decodeWav } from "./wav-decode.js";
import { GatedSynthesizer } from "./gated-synthesizer.js";
import { rejectionOf } from "../../../helpers/errors.js";

const TOKEN = "a".repeat(64);
const PARAGRAPH =
  "Kokoro Speech reads what you select. It runs on this machine, with no account and no network. " +
  "Editors, note apps and agents that speak OpenAI's speech API can use it as their voice! Does it stream? It does.";
const LONG_TEXT = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} of a long text.`).join(" ");

/** A model that is not there yet: what SpeechModel reports while loading. */
class LoadingModel implements SynthesizerProvider {
  synthesizer(): never {
    throw new ProtocolError("model_unavailable", "The model is loading.");
  }
  status(): ModelStatusReport {
    return { state: "loading" };
  }
  download(): ModelStatusReport {
    return this.status();
  }
  synthesisCounters() {
    return { ...NO_SYNTHESIS };
  }
  helperRssBytes(): number {
    return 0;
  }
  on(): this {
    return this;
  }
}

interface Served {
  port: number;
  routes: OpenAiRoutes;
  client: OpenAI;
  synthesizer: GatedSynthesizer;
}

let server: RunningHttpServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(options: { speech?: SynthesizerProvider; maxQueued?: number } = {}): Promise<Served> {
  const synthesizer = new GatedSynthesizer();
  const routes = createOpenAiRoutes({
    token: TOKEN,
    speech: options.speech ?? new FixedSynthesizerProvider(synthesizer),
    ...(options.maxQueued === undefined ? {} : { maxQueued: options.maxQueued }),
  });
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

describe("POST /v1/audio/speech through the openai SDK", () => {
  it("renders a paragraph as a streamed WAV whose samples are exactly the synthesized audio", async () => {
    const { client, routes } = await serve();
    const response = await client.audio.speech.create({
      model: "tts-1",
      voice: "alloy",
      input: PARAGRAPH,
      response_format: "wav",
    });
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    const wav = decodeWav(Buffer.from(await response.arrayBuffer()));
    expect(wav).toMatchObject({
      formatTag: 1,
      channelCount: CHANNEL_COUNT,
      sampleRateHz: SAMPLE_RATE_HZ,
      bitsPerSample: 16,
      riffSize: 0xffff_ffff,
      dataSize: 0xffff_ffff,
    });
    const expected = fixtureAudioFor(PARAGRAPH);
    expect(wav.data.byteLength).toBe(expected.byteLength);
    expect(wav.data.equals(expected)).toBe(true);
    expect(routes.counters).toMatchObject({ completed: 1, aborted: 0, failed: 0 });
  });

  it("renders headerless PCM (s16le, 24 kHz, mono) at the requested speed", async () => {
    const { client } = await serve();
    const response = await client.audio.speech.create({
      model: "kokoro",
      voice: "af_heart",
      input: PARAGRAPH,
      response_format: "pcm",
      speed: 1.25,
    });
    expect(response.headers.get("content-type")).toBe("audio/pcm");
    const pcm = Buffer.from(await response.arrayBuffer());
    expect(pcm.equals(fixtureAudioFor(PARAGRAPH, 1.25))).toBe(true);
  });

  it("sends the first segment while later ones are still being synthesized", async () => {
    const { client, synthesizer } = await serve();
    synthesizer.holdFrom(1);
    const response = await client.audio.speech.create({
      model: "tts-1",
      voice: "nova",
      input: PARAGRAPH,
      response_format: "pcm",
    });
    const reader = response.body!.getReader();
    const received: Buffer[] = [];
    const firstSpan = fixtureSegments(PARAGRAPH)[0]!;
    const firstSegmentBytes = fixtureAudioFor(PARAGRAPH.slice(firstSpan.start, firstSpan.end)).byteLength;
    while (Buffer.concat(received).byteLength < firstSegmentBytes) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      received.push(Buffer.from(value!));
    }
    expect(synthesizer.segmentsSynthesized).toBe(1);
    synthesizer.open();
    for (let next = await reader.read(); !next.done; next = await reader.read()) received.push(Buffer.from(next.value));
    expect(Buffer.concat(received).equals(fixtureAudioFor(PARAGRAPH))).toBe(true);
  });

  it("stops synthesizing when the client aborts mid-stream, and counts the abort", async () => {
    const { client, synthesizer, routes } = await serve();
    synthesizer.holdFrom(1);
    const abort = new AbortController();
    const response = await client.audio.speech.create(
      { model: "tts-1", voice: "af_heart", input: LONG_TEXT, response_format: "pcm" },
      { signal: abort.signal },
    );
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    abort.abort();
    await reader.cancel().catch(() => undefined);
    synthesizer.open();
    await waitFor(() => synthesizer.rendersClosed === 1);
    await waitFor(() => routes.counters.aborted === 1);
    expect(synthesizer.segmentsSynthesized).toBeLessThan(fixtureSegments(LONG_TEXT).length);
    expect(routes.counters).toMatchObject({ completed: 0, aborted: 1, failed: 0 });
  });

  it("cuts the response short when synthesis fails after audio has started", async () => {
    const { client, routes } = await serve();
    const response = await client.audio.speech.create({
      model: "tts-1",
      voice: "af_heart",
      input: "This part plays. This part makes the fixture FAIL. Never reached.",
      response_format: "wav",
    });
    await expect(response.arrayBuffer()).rejects.toThrow();
    await waitFor(() => routes.counters.failed === 1);
  });

  it("answers a failure before any audio with 500 synthesis_failed", async () => {
    const { client } = await serve();
    const error = await rejectionOf(
      client.audio.speech.create({ model: "tts-1", voice: "af_heart", input: "FAIL at once." }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: "synthesis_failed" });
  });
});

describe("errors in OpenAI's shape, raised as the SDK's typed errors", () => {
  const base = { model: "tts-1", voice: "af_heart", input: "Hello." };
  const badRequests: Array<[string, Record<string, unknown>, string, string]> = [
    ["an unknown voice", { voice: "nobody" }, "unknown_voice", "voice"],
    ["a speed outside OpenAI's 0.25–4", { speed: 5 }, "speed_out_of_range", "speed"],
    ["an unknown format", { response_format: "ogg" }, "unsupported_response_format", "response_format"],
    ["an unknown model", { model: "whisper-1" }, "model_not_found", "model"],
  ];
  for (const [name, change, code, param] of badRequests) {
    it(`refuses ${name} with BadRequestError (400, ${code})`, async () => {
      const { client } = await serve();
      const error = await rejectionOf(client.audio.speech.create({ ...base, ...change } as never));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, code, param, type: "invalid_request_error" });
    });
  }

  it("refuses a wrong token with AuthenticationError (401) on every endpoint", async () => {
    const { port } = await serve();
    const intruder = new OpenAI({ apiKey: "b".repeat(64), baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
    for (const send of [() => intruder.audio.speech.create(base), () => intruder.models.list()]) {
      const error = await rejectionOf(send());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: "unauthorized" });
    }
  });

  it("refuses input longer than the text limit with 413 text_too_long", async () => {
    const { client } = await serve();
    const error = await rejectionOf(client.audio.speech.create({ ...base, input: "a".repeat(MAX_TEXT_CHARS + 1) }));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 413, code: "text_too_long", param: "input" });
  });

  it("answers 503 model_unavailable with a Retry-After while the model is not ready", async () => {
    const { client } = await serve({ speech: new LoadingModel() });
    for (const send of [() => client.audio.speech.create(base), () => client.get("/audio/voices")]) {
      const error = await rejectionOf(send());
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({ status: 503, code: "model_unavailable" });
      expect(Number((error as APIError).headers?.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("answers 429 queue_full with a Retry-After when the render line is full", async () => {
    const { client, synthesizer } = await serve({ maxQueued: 0 });
    synthesizer.holdFrom(0);
    const first = client.audio.speech.create({ ...base, input: PARAGRAPH, response_format: "pcm" });
    await waitFor(() => synthesizer.rendersStarted === 1);
    const error = await rejectionOf(client.audio.speech.create(base));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: "queue_full" });
    expect(Number((error as APIError).headers?.get("retry-after"))).toBeGreaterThan(0);
    synthesizer.open();
    expect(Buffer.from(await (await first).arrayBuffer()).equals(fixtureAudioFor(PARAGRAPH))).toBe(true);
  });

  it("answers an unknown /v1 path with NotFound in OpenAI's shape", async () => {
    const { client } = await serve();
    const error = await rejectionOf(client.get("/embeddings"));
    expect(error).toMatchObject({ status: 404, code: "not_found" });
  });

  it("refuses a browser Origin before looking at the token", async () => {
    const { port } = await serve();
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/v1/models",
          headers: { origin: "https://example.com", authorization: `Bearer ${TOKEN}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(403);
  });
});

describe("listings", () => {
  it("lists the accepted model ids", async () => {
    const { client } = await serve();
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(["kokoro", "tts-1", "tts-1-hd", "gpt-4o-mini-tts"]);
  });

  it("lists the installed voices and the OpenAI names mapped to them", async () => {
    const { client } = await serve();
    const listing = (await client.get("/audio/voices")) as { data: Array<{ id: string; alias_of?: string }> };
    const ids = listing.data.map((voice) => voice.id);
    expect(ids).toContain("af_heart");
    expect(ids).not.toContain("jf_alpha");
    expect(listing.data.find((voice) => voice.id === "alloy")).toMatchObject({ alias_of: "af_alloy" });
  });
});
