/**
 * `POST /v1/audio/speech`: validates the request, waits for a render slot, then streams the audio as the segments
 * are synthesized (chunked transfer). The status line goes out with the first segment (the primer), so a failure
 * before any audio is still a proper JSON error; a failure after it cuts the response short, which clients see as
 * an incomplete body rather than a complete but truncated file. A client that goes away stops the synthesis: no
 * segment is pulled after it left, and the one in flight is the last.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isProtocolError, MAX_MESSAGE_BYTES } from "@kokoro-speech/shared";
import type { Logger } from "pino";
import type { SynthesizedSegment, Synthesizer, SynthesizerProvider } from "../../synthesis/synthesizer.js";
import { RESPONSE_FORMATS, type ResponseFormatSpec } from "./audio-formats.js";
import { readJsonBody } from "./json-body.js";
import { sendOpenAiError, toOpenAiHttpError } from "./openai-error.js";
import type { RenderSlots } from "./render-slots.js";
import { BUSY_RETRY_AFTER_S, modelRetryAfterSeconds } from "./retry-after.js";
import { parseSpeechRequest } from "./speech-request.js";

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

/**
 * Writes each segment's PCM as it arrives, respecting backpressure: a client that reads slowly makes the render
 * pull slowly, so memory stays at about one segment. Always closes the segment iterator before returning.
 */
async function streamSegments(
  response: ServerResponse,
  segments: AsyncIterator<SynthesizedSegment>,
  format: ResponseFormatSpec,
  signal: AbortSignal,
): Promise<StreamOutcome> {
  const start = (): void => {
    response.writeHead(200, { "content-type": format.contentType, "cache-control": "no-store" });
    const preamble = format.preamble();
    if (preamble.byteLength > 0) response.write(preamble);
  };
  try {
    for (;;) {
      const next = await segments.next();
      if (signal.aborted) return "aborted";
      if (next.done) break;
      if (!response.headersSent) start();
      if (!response.write(next.value.pcm)) await drainedOrClosed(response);
      if (signal.aborted) return "aborted";
    }
    // Text whose segments all turned out silent (e.g. only punctuation) is a valid, empty recording.
    if (!response.headersSent) start();
    response.end();
    return "completed";
  } finally {
    // Settles after the inference in flight (if any): from then on this render runs no more inferences.
    await segments.return?.()?.catch(() => undefined);
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
    const { synthesis, format } = parseSpeechRequest(await readJsonBody(request, MAX_MESSAGE_BYTES));
    const synthesizer = readySynthesizer(context.speech);
    synthesizer.validate(synthesis);
    release = await context.slots.acquire(abort.signal);
    const outcome = await streamSegments(
      response,
      synthesizer.segments(synthesis),
      RESPONSE_FORMATS[format],
      abort.signal,
    );
    counters[outcome]++;
    log?.info({ outcome, voice: synthesis.voice, format, chars: synthesis.text.length }, `openai speech ${outcome}`);
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
