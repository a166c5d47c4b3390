/**
 * Failures of the model manager, with a code from the shared registry (`MODEL_ERROR_CODES` in `shared/`): a failed
 * model's status carries it on the wire; requests that need the model get the protocol's `model_unavailable`.
 */
import { MODEL_ERROR_CODES, type ModelErrorCode } from "@kokoro-speech/protocol";

export { MODEL_ERROR_CODES, type ModelErrorCode };

/** A model-manager failure with a stable code and a one-line message. */
export class ModelError extends Error {
  readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message?: string, options: { cause?: unknown } = {}) {
    super(message ?? MODEL_ERROR_CODES[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ModelError";
    this.code = code;
  }
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}

/** Node's errno codes that mean "the network is not there", as opposed to a server that answered badly. */
const UNREACHABLE_ERRNOS = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "ETIMEDOUT",
  "EPIPE",
]);

/** ENOSPC is a full disk; EDQUOT is a full quota, which the user fixes the same way. */
const DISK_FULL_ERRNOS = new Set(["ENOSPC", "EDQUOT"]);

export function errnoOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

export function isUnreachableError(error: unknown): boolean {
  return UNREACHABLE_ERRNOS.has(errnoOf(error) ?? "");
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || errnoOf(error) === "ABORT_ERR");
}

/** Classifies a failed file-system call; `what` names the file for the one-line message. */
export function fileSystemError(error: unknown, what: string): ModelError {
  if (isModelError(error)) return error;
  if (isAbortError(error)) return new ModelError("aborted", `cancelled: ${what}`, { cause: error });
  const errno = errnoOf(error);
  if (errno !== undefined && DISK_FULL_ERRNOS.has(errno)) {
    return new ModelError("disk_full", `disk full while writing ${what} (${errno})`, { cause: error });
  }
  if (errno === "ENOENT") return new ModelError("not_found", `${what} does not exist`, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new ModelError("io_error", `${what}: ${reason}`, { cause: error });
}
