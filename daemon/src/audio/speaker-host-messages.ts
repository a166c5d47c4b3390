/**
 * What the speaker sink and its host process exchange: the PCM format on the host's command line, then messages over
 * the Node IPC channel (advanced serialization, so a Buffer crosses as a Buffer, not as JSON). The host handles
 * writes strictly in order, so acknowledgements carry no ids: the n-th `written` answers the n-th `write`.
 */

/**
 * The PCM format the host opens the device with. It travels as the host's one command-line argument (JSON) so the
 * host need not load `@kokoro-speech/protocol` for three numbers: that import costs 0.15–0.35 s on every device open.
 */
export interface HostPcmFormat {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
}

export function encodeHostPcmFormat(format: HostPcmFormat): string {
  return JSON.stringify(format);
}

/** The format in the host's argument, or undefined when the argument is missing or malformed. */
export function parseHostPcmFormat(text: string | undefined): HostPcmFormat | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { sampleRateHz, channelCount, bitsPerSample } = value as Record<string, unknown>;
  if (!isPositiveInteger(sampleRateHz) || !isPositiveInteger(channelCount) || !isPositiveInteger(bitsPerSample)) {
    return undefined;
  }
  return { sampleRateHz, channelCount, bitsPerSample };
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

/** Parent → host: play these PCM bytes after everything sent before. */
export interface HostWriteRequest {
  readonly type: "write";
  readonly pcm: Buffer;
}

/** Parent → host: drop not-yet-played audio, release the device and exit. */
export interface HostCloseRequest {
  readonly type: "close";
}

export type HostRequest = HostWriteRequest | HostCloseRequest;

/** Host → parent: the device is open and silent; writes may follow. */
export interface HostReadyReport {
  readonly type: "ready";
}

/** Host → parent: the addon accepted the oldest unacknowledged write. */
export interface HostWrittenReport {
  readonly type: "written";
}

/** Host → parent: the device failed (open or write); the host exits right after sending this. */
export interface HostFailedReport {
  readonly type: "failed";
  readonly message: string;
}

export type HostReport = HostReadyReport | HostWrittenReport | HostFailedReport;

export function isHostRequest(value: unknown): value is HostRequest {
  if (typeof value !== "object" || value === null) return false;
  const { type, pcm } = value as { type?: unknown; pcm?: unknown };
  return type === "close" || (type === "write" && Buffer.isBuffer(pcm));
}

export function isHostReport(value: unknown): value is HostReport {
  if (typeof value !== "object" || value === null) return false;
  const { type, message } = value as { type?: unknown; message?: unknown };
  return type === "ready" || type === "written" || (type === "failed" && typeof message === "string");
}
