/**
 * The OpenAI-compatible API as a `routes` hook of the daemon's HTTP server: every `/v1/…` request lands here after
 * the server's Origin and Host checks (loopback only, no browsers), must carry the daemon's token as
 * `Authorization: Bearer <token>`, and is answered in OpenAI's shapes. Other paths are left to the built-in routes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { SynthesizerProvider } from "../../synthesis/synthesizer.js";
import { isTokenValid } from "../token.js";
import { listModels, listVoices } from "./catalog-routes.js";
import { OpenAiHttpError, sendOpenAiError, toOpenAiHttpError } from "./openai-error.js";
import { EncoderProcess } from "./encoder-process.js";
import { RenderSlots, type RenderSlotsOptions } from "./render-slots.js";
import { modelRetryAfterSeconds } from "./retry-after.js";
import { handleSpeechRequest, type SpeechCounters, type SpeechRouteContext } from "./speech-route.js";

const API_PREFIX = "/v1/";

export interface OpenAiRoutesOptions extends RenderSlotsOptions {
  /** The daemon's token (the same secret `hello` carries). */
  token: string;
  speech: SynthesizerProvider;
  log?: Logger;
}

/** The `routes` hook of `startHttpServer`, with the speech endpoint's counters for status and tests. */
export interface OpenAiRoutes {
  (request: IncomingMessage, response: ServerResponse): boolean;
  readonly counters: Readonly<SpeechCounters>;
  /** The child process encoding mp3, Ogg Opus, AAC and FLAC responses. */
  readonly encoders: EncoderProcess;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

function sendJson(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? "");
  return match ? match[1]! : null;
}

export function createOpenAiRoutes(options: OpenAiRoutesOptions): OpenAiRoutes {
  const { token, speech, log } = options;
  const counters: SpeechCounters = { completed: 0, refused: 0, aborted: 0, failed: 0 };
  const encoders = new EncoderProcess();
  const speechContext: SpeechRouteContext = {
    encoders,
    speech,
    slots: new RenderSlots({ maxActive: options.maxActive, maxQueued: options.maxQueued }),
    counters,
    ...(log ? { log } : {}),
  };
  const servingSinceS = Math.floor(Date.now() / 1000);

  const routes: Record<string, { method: "GET" | "POST"; handle: Handler }> = {
    "/v1/models": { method: "GET", handle: (_request, response) => sendJson(response, listModels(servingSinceS)) },
    "/v1/audio/voices": {
      method: "GET",
      handle: (_request, response) => {
        try {
          sendJson(response, listVoices(speech.synthesizer()));
        } catch (error) {
          throw toOpenAiHttpError(error, { "retry-after": String(modelRetryAfterSeconds(speech.status())) });
        }
      },
    },
    "/v1/audio/speech": {
      method: "POST",
      handle: (request, response) => handleSpeechRequest(request, response, speechContext),
    },
  };

  const handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? "/").split("?")[0]!;
    if (!path.startsWith(API_PREFIX)) return false;
    const presented = bearerToken(request);
    if (presented === null || !isTokenValid(token, presented)) {
      sendOpenAiError(
        response,
        new OpenAiHttpError(401, "unauthorized", "Send the daemon's token as `Authorization: Bearer <token>`.", {
          headers: { "www-authenticate": "Bearer" },
        }),
      );
      return true;
    }
    const route = Object.hasOwn(routes, path) ? routes[path]! : undefined;
    if (!route) {
      sendOpenAiError(response, new OpenAiHttpError(404, "not_found", `No endpoint ${request.method} ${path}.`));
      return true;
    }
    if (request.method !== route.method) {
      sendOpenAiError(
        response,
        new OpenAiHttpError(405, "method_not_allowed", `${path} takes ${route.method}.`, {
          headers: { allow: route.method },
        }),
      );
      return true;
    }
    void (async () => route.handle(request, response))().catch((error: unknown) => {
      const httpError = toOpenAiHttpError(error);
      if (httpError.status >= 500) log?.error({ err: error, path }, "openai request failed");
      if (response.headersSent) response.destroy();
      else sendOpenAiError(response, httpError);
    });
    return true;
  };
  return Object.assign(handle, { counters, encoders });
}
