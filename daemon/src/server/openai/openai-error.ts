/**
 * Errors in the shape OpenAI's API answers with, `{ "error": { "message", "type", "param", "code" } }`, so the
 * official SDKs raise their typed errors (`BadRequestError`, `AuthenticationError`, `RateLimitError`, …). `code`
 * carries our protocol error code where one applies, so a client can branch on the same codes as over WebSocket.
 */
import type { ServerResponse } from "node:http";
import { isProtocolError, type ErrorCode } from "@kokoro-speech/protocol";

/** Failures that exist only on the HTTP API and therefore have no protocol error code. */
export type HttpOnlyErrorCode = "unsupported_response_format" | "model_not_found" | "not_found" | "method_not_allowed";

export type OpenAiErrorCode = ErrorCode | HttpOnlyErrorCode;

/** HTTP status for each protocol code the API can meet; any other code is a 500. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  invalid_message: 400,
  empty_text: 400,
  unknown_voice: 400,
  invalid_voice_spec: 400,
  unsupported_language: 400,
  speed_out_of_range: 400,
  unauthorized: 401,
  text_too_long: 413,
  message_too_large: 413,
  queue_full: 429,
  model_unavailable: 503,
};

/** The request field a protocol code blames, reported as OpenAI's `param`. */
const PARAM_BY_CODE: Partial<Record<ErrorCode, string>> = {
  empty_text: "input",
  text_too_long: "input",
  unknown_voice: "voice",
  invalid_voice_spec: "voice",
  unsupported_language: "voice",
  speed_out_of_range: "speed",
};

/** OpenAI's `type` for a status: SDKs key on the status, but some clients print the type. */
function typeForStatus(status: number): string {
  if (status === 429) return "rate_limit_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

export class OpenAiHttpError extends Error {
  readonly status: number;
  readonly code: OpenAiErrorCode;
  readonly param: string | null;
  /** Extra response headers, e.g. `retry-after`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: OpenAiErrorCode,
    message: string,
    options: { param?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "OpenAiHttpError";
    this.status = status;
    this.code = code;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }

  /** The JSON body OpenAI's API would send. */
  body(): { error: { message: string; type: string; param: string | null; code: string } } {
    return { error: { message: this.message, type: typeForStatus(this.status), param: this.param, code: this.code } };
  }
}

/**
 * Turns whatever a handler threw into the HTTP error to send: a `ProtocolError` keeps its code and gets the status
 * and `param` of the table above; anything else is an `internal_error` (its details stay in the daemon's log).
 */
export function toOpenAiHttpError(error: unknown, headers: Record<string, string> = {}): OpenAiHttpError {
  if (error instanceof OpenAiHttpError) return error;
  if (isProtocolError(error)) {
    return new OpenAiHttpError(STATUS_BY_CODE[error.code] ?? 500, error.code, error.message, {
      param: PARAM_BY_CODE[error.code] ?? null,
      headers,
    });
  }
  return new OpenAiHttpError(500, "internal_error", "An unexpected daemon error; see the daemon's log.", { headers });
}

/** Sends the error as OpenAI's JSON error body with its status and headers. */
export function sendOpenAiError(response: ServerResponse, error: OpenAiHttpError): void {
  const text = JSON.stringify(error.body());
  response.writeHead(error.status, {
    ...error.headers,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  response.end(text);
}
