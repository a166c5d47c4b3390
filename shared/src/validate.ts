/**
 * The one place where untrusted JSON becomes typed protocol messages. Each failure maps to a typed error code;
 * code downstream trusts the types and does not re-check.
 */
import { z } from "zod";
import { ProtocolError } from "./errors.js";
import { MAX_TEXT_CHARS, PROTOCOL_VERSION, SPEED_MAX, SPEED_MIN } from "./limits.js";
import {
  helloSchema,
  REQUEST_TYPES,
  requestSchema,
  type ClientMessage,
  type HelloMessage,
  type Request,
  type ServerMessage,
} from "./messages.js";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ProtocolError; id?: string };

function fail(error: ProtocolError, id?: string): { ok: false; error: ProtocolError; id?: string } {
  return id === undefined ? { ok: false, error } : { ok: false, error, id };
}

function parseJsonObject(text: string): Record<string, unknown> | ProtocolError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new ProtocolError("invalid_message", "The frame is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return new ProtocolError("invalid_message", "A message must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** Checks a speed against the one supported range; throws `speed_out_of_range`. */
export function assertSpeedInRange(speed: number): void {
  if (!(speed >= SPEED_MIN && speed <= SPEED_MAX)) {
    throw new ProtocolError("speed_out_of_range", `Speed ${speed} is outside ${SPEED_MIN}–${SPEED_MAX}.`);
  }
}

/**
 * Characters that render as nothing: whitespace, controls, zero-width and bidi marks, soft hyphens, and lone
 * surrogates (half a character; the text front end drops them).
 */
const INVISIBLE = /[\s\p{Cc}\p{Cs}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/gu;

/** Whether `text` has at least one visible character. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, "").length > 0;
}

/**
 * Checks text to be spoken: not over the limit (checked first, so a huge text is refused without scanning it) and
 * with at least one visible character; throws `text_too_long` or `empty_text`.
 */
export function assertSpeakableText(text: string): void {
  if (text.length > MAX_TEXT_CHARS) {
    throw new ProtocolError("text_too_long", `Text has ${text.length} characters; the limit is ${MAX_TEXT_CHARS}.`);
  }
  if (!hasVisibleText(text)) throw new ProtocolError("empty_text", "The text has nothing to speak.");
}

function checkSemantics(request: Request): ProtocolError | null {
  try {
    if (request.type === "speak") {
      assertSpeakableText(request.text);
      if (request.speed !== undefined) assertSpeedInRange(request.speed);
    }
    if (request.type === "set") {
      if (request.voice === undefined && request.speed === undefined) {
        return new ProtocolError("invalid_message", "`set` needs `voice`, `speed` or both.");
      }
      if (request.speed !== undefined) assertSpeedInRange(request.speed);
    }
    if (request.type === "stop" && request.all === true && request.streamId !== undefined) {
      return new ProtocolError("invalid_message", "`stop` takes either `streamId` or `all`, not both.");
    }
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  return null;
}

function describeSchemaError(error: z.ZodError): string {
  return z.prettifyError(error).replace(/\s*\n\s*/g, "; ");
}

/**
 * Parses one client → daemon text frame. `hello` is accepted here; the connection decides when it is allowed. Never
 * throws: an unexpected exception while validating becomes `internal_error` (with the request's id when it was a
 * string, and the exception as the error's `cause`).
 */
export function parseClientMessage(text: string): ParseResult<ClientMessage> {
  const object = parseJsonObject(text);
  if (object instanceof ProtocolError) return fail(object);
  const id = typeof object.id === "string" ? object.id : undefined;
  try {
    return parseClientObject(object, id);
  } catch (error) {
    return fail(
      new ProtocolError("internal_error", "Validating the message failed unexpectedly.", { cause: error }),
      id,
    );
  }
}

function parseClientObject(object: Record<string, unknown>, id: string | undefined): ParseResult<ClientMessage> {
  const type = object.type;
  if (typeof type !== "string") return fail(new ProtocolError("invalid_message", "`type` must be a string."), id);

  if (type === "hello") {
    // The version is checked before the schema, so a future client whose hello has new fields still hears
    // `protocol_mismatch` rather than a schema complaint.
    if (typeof object.protocol === "number" && object.protocol !== PROTOCOL_VERSION) {
      return fail(
        new ProtocolError(
          "protocol_mismatch",
          `Daemon speaks protocol ${PROTOCOL_VERSION}, client ${object.protocol}.`,
        ),
      );
    }
    // A hello that carries no token at all is refused as a missing token (`unauthorized`), as the spec's refusal
    // table says, rather than as a malformed hello.
    if (!Object.hasOwn(object, "token")) return fail(new ProtocolError("unauthorized", "The hello carries no token."));
    const parsed = helloSchema.safeParse(object);
    if (!parsed.success) return fail(new ProtocolError("invalid_message", describeSchemaError(parsed.error)));
    return { ok: true, value: parsed.data satisfies HelloMessage };
  }
  if (!(REQUEST_TYPES as string[]).includes(type)) {
    return fail(new ProtocolError("unknown_type", `Unknown message type "${type.slice(0, 64)}".`), id);
  }
  const parsed = requestSchema.safeParse(object);
  if (!parsed.success) return fail(new ProtocolError("invalid_message", describeSchemaError(parsed.error)), id);
  const semanticError = checkSemantics(parsed.data);
  if (semanticError) return fail(semanticError, parsed.data.id);
  return { ok: true, value: parsed.data };
}

const SERVER_TYPES = new Set(["welcome", "ack", "error", "event", "daemon"]);

/**
 * Parses one daemon → client text frame. The daemon is trusted after the handshake, so this checks the envelope
 * only (a JSON object with a known `type`); `invalid_message` otherwise.
 */
export function parseServerMessage(text: string): ParseResult<ServerMessage> {
  const object = parseJsonObject(text);
  if (object instanceof ProtocolError) return fail(object);
  if (typeof object.type !== "string" || !SERVER_TYPES.has(object.type)) {
    return fail(new ProtocolError("invalid_message", "Unknown daemon message type."));
  }
  return { ok: true, value: object as unknown as ServerMessage };
}
