/**
 * `POST /v1/audio/speech`: validates the request, waits for a render slot, then streams the audio as the segments
 * are synthesized (chunked transfer), encoded into the requested format as they come (audio-encoding.ts), either
 * as the body itself or as OpenAI's server-sent events. The status line goes out with the first segment (the
 * primer), so a failure before any audio is still a proper JSON error; a failure after it cuts the response short,
 * which clients see as an incomplete body rather than a complete but truncated file. A client that goes away stops
 * the synthesis and the encoder: no segment is pulled after it left, the one in flight is the last, and the
 * encoder stops after the slice it is on.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isProtocolError, MAX_MESSAGE_BYTES } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import type { SynthesizedSegment, Synthesizer, SynthesizerProvider } from "../../synthesis/synthesizer.js";
import { RESPONSE_FORMATS } from "./audio-formats.js";
import { openAudioEncoding, type AudioEncoding } from "./audio-encoding.js";
import type { EncoderProcess } from "./encoder-process.js";
import { readJsonBody } from "./json-body.js";
import { sendOpenAiError, toOpenAiHttpError } from "./openai-error.js";
import type { RenderSlots } from "./render-slots.js";
import { BUSY_RETRY_AFTER_S, modelRetryAfterSeconds } from "./retry-after.js";
import { parseSpeechRequest, type SpeechRequest } from "./speech-request.js";
import { audioDeltaEvent, audioDoneEvent, SSE_CONTENT_TYPE } from "./sse-events.js";

/** The speed applied, on every audio response; see docs/openai-api.md. */
export const SPEED_HEADER = "x-kokoro-speed";
/** Present when the requested speed was outside Kokoro's range: the speed asked for, before clamping. */
export const SPEED_CLAMPED_HEADER = "x-kokoro-speed-clamped-from";

/** What happened to speech requests since start. */
export interface SpeechCounters {
  /** Audio sent to the end. */
  completed: number;
  /** Refused before any audio (4xx/5xx error body), including 429s. */
  refused: number;
  /** The client went away before the end (while waiting or while streaming); synthesis stopped. */
  aborted: number;
  /** Synthesis failed after audio had started; the response was cut short. */
  failed: number;
}

export interface SpeechRouteContext {
  speech: SynthesizerProvider;
  slots: RenderSlots;
  encoders: EncoderProcess;
  counters: SpeechCounters;
  log?: Logger;
}

type StreamOutcome = "completed" | "aborted";

/** The synthesizer, or `model_unavailable` carrying a `Retry-After` fitted to the model's state. */
function readySynthesizer(speech: SynthesizerProvider): Synthesizer {
  try {
    return speech.synthesizer({ awaitLoading: true });
  } catch (error) {
    throw toOpenAiHttpError(error, { "retry-after": String(modelRetryAfterSeconds(speech.status())) });
  }
}

/** Resolves when the socket can take more, or when the response closed (the caller then sees the abort). */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const settle = (): void => {
      response.off("drain", settle);
      response.off("close", settle);
      resolve();
    };
    response.on("drain", settle);
    response.on("close", settle);
  });
}

function responseHeaders(request: SpeechRequest): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": request.stream === "sse" ? SSE_CONTENT_TYPE : RESPONSE_FORMATS[request.format].contentType,
    "cache-control": "no-store",
    [SPEED_HEADER]: String(request.synthesis.speed),
  };
  if (request.synthesis.speed !== request.requestedSpeed)
    headers[SPEED_CLAMPED_HEADER] = String(request.requestedSpeed);
  return headers;
}

/**
 * Writes each segment's audio as it is encoded, respecting backpressure: a client that reads slowly makes the
 * render pull slowly, so memory stays at about one segment. Always closes the segment iterator and the encoder
 * before returning.
 */
async function streamSegments(
  response: ServerResponse,
  segments: AsyncIterator<SynthesizedSegment>,
  request: SpeechRequest,
  encoding: AudioEncoding,
  signal: AbortSignal,
): Promise<StreamOutcome> {
  const send =
    request.stream === "sse"
      ? (bytes: Buffer): void => void response.write(audioDeltaEvent(bytes))
      : (bytes: Buffer): void => void response.write(bytes);
  const start = (): void => {
    if (!response.headersSent) response.writeHead(200, responseHeaders(request));
  };
  const stopEncoding = (): void => void encoding.close();
  signal.addEventListener("abort", stopEncoding, { once: true });
  try {
    for (;;) {
      const next = await segments.next();
      if (signal.aborted) return "aborted";
      if (next.done) break;
      start();
      await encoding.encode(next.value.pcm, send);
      if (signal.aborted) return "aborted";
      // Asked now, not remembered from the writes: an encoded segment's bytes come over IPC while the socket keeps
      // sending, so a `drain` can fire before this line, and a flag kept from a full write would then wait for a
      // second `drain` that never comes (the response hung, seen with FLAC under load).
      if (response.writableNeedDrain) await drainedOrClosed(response);
      if (signal.aborted) return "aborted";
    }
    // Text whose segments all turned out silent (e.g. only punctuation) is a valid, empty recording.
    start();
    await encoding.finish(send);
    if (request.stream === "sse") response.write(audioDoneEvent());
    response.end();
    return "completed";
  } finally {
    signal.removeEventListener("abort", stopEncoding);
    // Settles after the inference in flight (if any): from then on this render runs no more inferences.
    await Promise.all([segments.return?.()?.catch(() => undefined), encoding.close()]);
  }
}

export async function handleSpeechRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: SpeechRouteContext,
): Promise<void> {
  const { counters, log } = context;
  const abort = new AbortController();
  response.once("close", () => {
    if (!response.writableEnded) abort.abort(new Error("The client closed the connection."));
  });
  let release: (() => void) | null = null;
  try {
    const speechRequest = parseSpeechRequest(await readJsonBody(request, MAX_MESSAGE_BYTES));
    const { synthesis, format, stream } = speechRequest;
    const synthesizer = readySynthesizer(context.speech);
    synthesizer.validate(synthesis);
    release = await context.slots.acquire(abort.signal);
    const outcome = await streamSegments(
      response,
      synthesizer.segments(synthesis),
      speechRequest,
      openAudioEncoding(RESPONSE_FORMATS[format], context.encoders),
      abort.signal,
    );
    counters[outcome]++;
    log?.info(
      { outcome, voice: synthesis.voice, format, stream, chars: synthesis.text.length },
      `openai speech ${outcome}`,
    );
  } catch (error) {
    if (abort.signal.aborted) {
      counters.aborted++;
      log?.info("openai speech aborted");
      return;
    }
    if (response.headersSent) {
      counters.failed++;
      log?.warn({ err: error }, "openai speech failed after audio had started; response cut short");
      response.destroy();
      return;
    }
    counters.refused++;
    const headers: Record<string, string> =
      isProtocolError(error) && error.code === "queue_full" ? { "retry-after": String(BUSY_RETRY_AFTER_S) } : {};
    const httpError = toOpenAiHttpError(error, headers);
    if (httpError.status >= 500) log?.error({ err: error }, "openai speech failed");
    sendOpenAiError(response, httpError);
  } finally {
    release?.();
  }
}
