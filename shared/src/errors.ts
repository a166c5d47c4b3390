/**
 * The closed list of error codes of protocol v1. Codes are never renamed or reused; `docs/protocol.md` documents each
 * one and a test keeps this registry, the TypeScript union and the document in step.
 */

export interface ErrorCodeInfo {
  /** One line: what went wrong, for logs and for a client that has no better wording. */
  readonly meaning: string;
  /** Whether the same request may succeed if sent again later unchanged. */
  readonly retryable: boolean;
  /** WebSocket close code used when the error ends the connection; absent for request-level errors. */
  readonly closeCode?: number;
}

export const ERROR_CODES = {
  protocol_mismatch: {
    meaning: "The client's protocol version is not the daemon's.",
    retryable: false,
    closeCode: 4001,
  },
  unauthorized: { meaning: "The hello carried a missing or wrong token.", retryable: false, closeCode: 4003 },
  handshake_required: {
    meaning: "A request arrived before a successful hello, or a second hello arrived.",
    retryable: false,
    closeCode: 4002,
  },
  message_too_large: { meaning: "A frame exceeded the protocol's size limit.", retryable: false, closeCode: 1009 },
  invalid_message: { meaning: "The frame is not valid JSON or does not match the message schema.", retryable: false },
  unknown_type: { meaning: "The message type is not part of protocol v1.", retryable: false },
  invalid_frame: { meaning: "A binary frame has a bad header or length.", retryable: false },
  empty_text: { meaning: "The text has nothing to speak.", retryable: false },
  text_too_long: { meaning: "The text exceeds the maximum length.", retryable: false },
  unknown_voice: { meaning: "The voice does not exist or is not installed.", retryable: false },
  invalid_voice_spec: { meaning: "A voice blend is malformed (syntax or weights).", retryable: false },
  unsupported_language: { meaning: "The voice's language has no text front end yet.", retryable: false },
  speed_out_of_range: { meaning: "The speed is outside the supported range.", retryable: false },
  no_such_stream: { meaning: "No live stream has that id.", retryable: false },
  stream_not_current: { meaning: "The operation applies only to the stream now playing.", retryable: false },
  wrong_stream_kind: { meaning: "The operation does not apply to this kind of stream.", retryable: false },
  queue_full: { meaning: "Too many streams are already queued.", retryable: true },
  out_of_order: { meaning: "A chunk's sequence number skipped or repeated one; the stream failed.", retryable: false },
  buffer_overflow: { meaning: "A play stream sent more audio ahead of playback than allowed.", retryable: true },
  audio_unavailable: { meaning: "The audio device cannot be opened or failed.", retryable: true },
  model_unavailable: { meaning: "The speech model is not installed or not loaded yet.", retryable: true },
  synthesis_failed: { meaning: "Inference of a segment failed.", retryable: true },
  internal_error: { meaning: "An unexpected daemon error; the daemon keeps running.", retryable: true },
  daemon_unreachable: {
    meaning: "Client side: the daemon is not running, or the connection closed before an answer.",
    retryable: true,
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

/** A failure with a protocol error code, created where the problem is detected and sent as an `error` message. */
export class ProtocolError extends Error {
  readonly code: ErrorCode;
  readonly streamId: number | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message?: string, options: { streamId?: number; cause?: unknown } = {}) {
    super(message ?? ERROR_CODES[code].meaning, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ProtocolError";
    this.code = code;
    this.streamId = options.streamId;
    this.retryable = ERROR_CODES[code].retryable;
  }
}

export function isProtocolError(value: unknown): value is ProtocolError {
  return value instanceof ProtocolError;
}
