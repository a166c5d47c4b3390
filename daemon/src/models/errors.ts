/**
 * Failures of the model manager. They stay local to `models/` and the `download` command: the daemon turns any of
 * them into the protocol's `model_unavailable` (see `modelUnavailableError` in `manager.ts`).
 */

export const MODEL_ERROR_CODES = {
  offline: "The download host could not be reached (no network, DNS failure or connection refused).",
  interrupted: "The connection broke during the transfer; the partial file is kept so the next attempt resumes.",
  timeout: "The server sent nothing for too long; the partial file is kept so the next attempt resumes.",
  http_404: "The server has no file at that URL.",
  http_status: "The server answered with an unexpected HTTP status.",
  too_many_redirects: "The server redirected more times than allowed.",
  size_mismatch: "The file does not have the size the catalogue lists.",
  checksum_mismatch: "The file's sha256 differs from the catalogue; the file was removed and never loaded.",
  bad_signature: "The file is not of the expected format (ONNX model or voices archive).",
  not_found: "A local file or directory does not exist.",
  disk_full: "The disk is full; the partial file is kept so the next attempt resumes once space is free.",
  io_error: "Reading or writing a local file failed.",
  npm_failed: "`npm pack` could not fetch the voices package.",
  aborted: "The operation was cancelled; the partial file is kept so the next attempt resumes.",
} as const satisfies Record<string, string>;

export type ModelErrorCode = keyof typeof MODEL_ERROR_CODES;

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
