/**
 * One resumable, verified HTTP download: bytes go to `<dest>.part`, a later attempt resumes with `Range`, size and
 * sha256 are checked while streaming, and only a verified file is renamed to `<dest>` (atomic on one file system).
 *
 * Built on `node:http`/`node:https` rather than global `fetch`: every redirect hop is visible (bounded count,
 * cross-origin allowed, `Range` re-sent each time), the status is judged before a byte of the body is read, errors
 * keep their errno (ENOTFOUND, ECONNRESET) for clear messages, and an idle timeout covers both headers and body.
 */
import { createHash, type Hash } from "node:crypto";
import { open, mkdir, rename, rm, stat } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { dirname } from "node:path";
import { DAEMON_NAME } from "@kokoro-speech/protocol";
import { errnoOf, fileSystemError, isAbortError, isModelError, isUnreachableError, ModelError } from "./errors.js";
import { updateHashFromFile } from "./hash-file.js";
import { TransferMeter, type TransferProgress } from "./progress.js";

/** Hugging Face and GitHub each redirect once or twice (to a CDN); ten leaves room without allowing loops. */
export const DEFAULT_MAX_REDIRECTS = 10;
/** A connection that delivers nothing for this long is treated as dead; the partial file is kept for a resume. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
/** Progress callbacks at most this often: a menu-bar percentage needs no more, and a fast link sends many chunks. */
const PROGRESS_INTERVAL_MS = 100;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CONTENT_RANGE_PATTERN = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/** Where downloaded bytes go; injectable so tests can simulate a full disk (ENOSPC) without filling one. */
export interface ChunkWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes to stable storage and closes. */
  close(): Promise<void>;
}
export type OpenChunkWriter = (path: string, mode: "append" | "truncate") => Promise<ChunkWriter>;

export interface DownloadOptions {
  readonly url: string;
  readonly destPath: string;
  readonly expectedBytes?: number | undefined;
  /** Lower-case hex; a mismatch removes the file. */
  readonly sha256?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: TransferProgress) => void) | undefined;
  readonly maxRedirects?: number;
  readonly idleTimeoutMs?: number;
  readonly openWriter?: OpenChunkWriter;
}

export interface DownloadResult {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Bytes reused from an earlier attempt's `.part` file (0 for a fresh download). */
  readonly resumedFromBytes: number;
}

/** Writes through a file handle and fsyncs before closing, so a renamed file is really on disk. */
export const openFileWriter: OpenChunkWriter = async (path, mode) => {
  const handle = await open(path, mode === "append" ? "a" : "w");
  return {
    async write(chunk) {
      for (let offset = 0; offset < chunk.length;) {
        const { bytesWritten } = await handle.write(chunk, offset);
        offset += bytesWritten;
      }
    },
    async close() {
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
};

/** Thrown inside this module when the `.part` file cannot be trusted; the download restarts from byte 0 once. */
class StaleResumeError extends Error {}

/** Downloads `url` to `destPath`, resuming an earlier `.part`, and returns once the verified file is in place. */
export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
  const partPath = `${options.destPath}.part`;
  if (options.signal?.aborted) throw new ModelError("aborted", `download of ${options.url} cancelled`);
  try {
    await mkdir(dirname(options.destPath), { recursive: true });
  } catch (error) {
    throw fileSystemError(error, dirname(options.destPath));
  }
  try {
    return await transfer(options, partPath, true);
  } catch (error) {
    if (!(error instanceof StaleResumeError)) throw error;
    await removePart(partPath);
    return await transfer(options, partPath, false);
  }
}

async function transfer(options: DownloadOptions, partPath: string, allowResume: boolean): Promise<DownloadResult> {
  let hash = createHash("sha256");
  const partBytes = allowResume ? await reusablePartBytes(partPath, options.expectedBytes) : 0;
  if (partBytes > 0) await updateHashFromFile(hash, partPath, options.signal);
  let resumedFromBytes = partBytes;
  let totalBytes = partBytes;

  if (options.expectedBytes === undefined || partBytes < options.expectedBytes) {
    const response = await openResponse(options, partBytes);
    try {
      const body = await planBody(response, options, partBytes, partPath);
      if (body.appendFrom === 0) hash = createHash("sha256");
      resumedFromBytes = body.appendFrom;
      totalBytes = await receiveBody(response, body, hash, partPath, options);
    } finally {
      response.destroy();
    }
  }

  if (options.expectedBytes !== undefined && totalBytes !== options.expectedBytes) {
    throw new ModelError("interrupted", `${options.url} ended after ${totalBytes} of ${options.expectedBytes} bytes`);
  }
  const digest = hash.digest("hex");
  if (options.sha256 !== undefined && digest !== options.sha256) {
    // Bytes kept from an earlier attempt may be what is wrong: start over once before blaming the server.
    if (resumedFromBytes > 0) throw new StaleResumeError();
    await removePart(partPath);
    throw new ModelError("checksum_mismatch", `${options.url} has sha256 ${digest}, expected ${options.sha256}`);
  }
  try {
    await rename(partPath, options.destPath);
  } catch (error) {
    throw fileSystemError(error, options.destPath);
  }
  return { path: options.destPath, bytes: totalBytes, sha256: digest, resumedFromBytes };
}

/** Size of a `.part` worth resuming; one larger than the expected file is garbage and is removed. */
async function reusablePartBytes(partPath: string, expectedBytes: number | undefined): Promise<number> {
  let sizeBytes: number;
  try {
    sizeBytes = (await stat(partPath)).size;
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return 0;
    throw fileSystemError(error, partPath);
  }
  if (expectedBytes !== undefined && sizeBytes > expectedBytes) {
    await removePart(partPath);
    return 0;
  }
  return sizeBytes;
}

async function removePart(partPath: string): Promise<void> {
  try {
    await rm(partPath, { force: true });
  } catch (error) {
    throw fileSystemError(error, partPath);
  }
}

/** Requests `url`, following redirects (cross-origin too) up to the limit, and returns the final response. */
async function openResponse(options: DownloadOptions, rangeStart: number): Promise<IncomingMessage> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = new URL(options.url);
  for (let redirectCount = 0; ; redirectCount++) {
    const response = await requestOnce(url, rangeStart, options);
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined) return response;
    response.resume();
    if (redirectCount >= maxRedirects) {
      throw new ModelError("too_many_redirects", `${options.url} redirected more than ${maxRedirects} times`);
    }
    url = new URL(location, url);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ModelError("http_status", `${options.url} redirected to an unsupported ${url.protocol} URL`);
    }
  }
}

function requestOnce(url: URL, rangeStart: number, options: DownloadOptions): Promise<IncomingMessage> {
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const headers: Record<string, string> = { "user-agent": DAEMON_NAME, accept: "*/*" };
  if (rangeStart > 0) headers.range = `bytes=${rangeStart}-`;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let response: IncomingMessage | undefined;
    const request = client.get(url, { headers, signal: options.signal }, (received) => {
      response = received;
      resolve(received);
    });
    request.setTimeout(idleTimeoutMs, () => {
      const error = new ModelError("timeout", `${url.host} sent nothing for ${idleTimeoutMs} ms`);
      // Destroying the response first makes a body read fail with this error rather than a generic "aborted".
      response?.destroy(error);
      request.destroy(error);
    });
    request.on("error", (error) => reject(networkError(error, url, false, options.signal)));
  });
}

interface BodyPlan {
  /** 0: the body is the whole file (truncate the part); otherwise the body continues the part at this offset. */
  readonly appendFrom: number;
  /** Size of the complete file when the server said so. */
  readonly totalBytes: number | undefined;
}

/** Judges status and length headers before any body byte is read. */
async function planBody(
  response: IncomingMessage,
  options: DownloadOptions,
  partBytes: number,
  partPath: string,
): Promise<BodyPlan> {
  const status = response.statusCode ?? 0;
  const bodyBytes = parseLength(response.headers["content-length"]);
  let plan: BodyPlan;
  if (status === 200) {
    // Also the answer of a server that ignores Range: start over rather than append a second copy.
    plan = { appendFrom: 0, totalBytes: bodyBytes };
  } else if (status === 206 && partBytes > 0) {
    const match = CONTENT_RANGE_PATTERN.exec(response.headers["content-range"] ?? "");
    if (match === null || Number(match[1]) !== partBytes) throw new StaleResumeError();
    plan = { appendFrom: partBytes, totalBytes: match[3] === "*" ? undefined : Number(match[3]) };
  } else if (status === 416 && partBytes > 0) {
    throw new StaleResumeError();
  } else if (status === 404) {
    throw new ModelError("http_404", `HTTP 404: ${options.url} does not exist`);
  } else {
    throw new ModelError("http_status", `HTTP ${status} ${response.statusMessage ?? ""} for ${options.url}`.trim());
  }
  if (
    options.expectedBytes !== undefined &&
    plan.totalBytes !== undefined &&
    plan.totalBytes !== options.expectedBytes
  ) {
    await removePart(partPath);
    throw new ModelError(
      "size_mismatch",
      `${options.url} has ${plan.totalBytes} bytes, the catalogue lists ${options.expectedBytes}`,
    );
  }
  return plan;
}

function parseLength(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/** Streams the body into the part file and the hash; returns the part's size afterwards. */
async function receiveBody(
  response: IncomingMessage,
  plan: BodyPlan,
  hash: Hash,
  partPath: string,
  options: DownloadOptions,
): Promise<number> {
  const limitBytes = options.expectedBytes ?? plan.totalBytes;
  const meter = new TransferMeter({ bytesTotal: limitBytes, bytesAlreadyDone: plan.appendFrom });
  let writer: ChunkWriter;
  try {
    writer = await (options.openWriter ?? openFileWriter)(partPath, plan.appendFrom > 0 ? "append" : "truncate");
  } catch (error) {
    throw fileSystemError(error, partPath);
  }
  let partBytes = plan.appendFrom;
  let lastReportMs = 0;
  // A trailing report makes sure the last bytes before a stall are shown, not only those before the last interval.
  let trailingReport: NodeJS.Timeout | undefined;
  const report = (): void => {
    clearTimeout(trailingReport);
    trailingReport = undefined;
    lastReportMs = Date.now();
    options.onProgress?.(meter.snapshot());
  };
  const reportSoon = (): void => {
    const sinceLastMs = Date.now() - lastReportMs;
    if (sinceLastMs >= PROGRESS_INTERVAL_MS) report();
    else trailingReport ??= setTimeout(report, PROGRESS_INTERVAL_MS - sinceLastMs);
  };
  report();
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (limitBytes !== undefined && partBytes + chunk.length > limitBytes) {
        throw new ModelError("size_mismatch", `${options.url} sent more than ${limitBytes} bytes`);
      }
      hash.update(chunk);
      try {
        await writer.write(chunk);
      } catch (error) {
        throw fileSystemError(error, partPath);
      }
      partBytes += chunk.length;
      meter.add(chunk.length);
      reportSoon();
    }
  } catch (error) {
    clearTimeout(trailingReport);
    await writer.close().catch(() => undefined);
    if (isModelError(error) && error.code === "size_mismatch") await removePart(partPath);
    throw networkError(error, new URL(options.url), true, options.signal);
  }
  try {
    await writer.close();
  } catch (error) {
    throw fileSystemError(error, partPath);
  }
  report();
  if (plan.totalBytes !== undefined && partBytes !== plan.totalBytes) {
    throw new ModelError("interrupted", `${options.url} ended after ${partBytes} of ${plan.totalBytes} bytes`);
  }
  return partBytes;
}

function networkError(error: unknown, url: URL, duringBody: boolean, signal: AbortSignal | undefined): ModelError {
  if (isModelError(error)) return error;
  // An abort destroys the socket, so the body may fail with a plain ECONNRESET: the signal says what happened.
  if (isAbortError(error) || signal?.aborted === true)
    return new ModelError("aborted", `download from ${url.host} cancelled`, { cause: error });
  const reason = errnoOf(error) ?? (error instanceof Error ? error.message : String(error));
  if (duringBody) {
    return new ModelError("interrupted", `connection to ${url.host} lost (${reason}); run again to resume`, {
      cause: error,
    });
  }
  const verb = isUnreachableError(error) ? "cannot reach" : "request failed for";
  return new ModelError("offline", `${verb} ${url.host} (${reason})`, { cause: error });
}
