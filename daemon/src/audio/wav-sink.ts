import { open, type FileHandle } from "node:fs/promises";
import { ProtocolError } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { assertFrameAligned } from "./pcm-alignment.js";
import type { AudioSink } from "./sink.js";
import { SinkLoss } from "./sink-loss.js";
import { encodeWavHeader, MAX_WAV_DATA_BYTES, WAV_HEADER_BYTES } from "./wav-header.js";

type WavSinkState = "idle" | "opening" | "open" | "lost" | "closed";

/**
 * Writes the PCM to a WAV file. The header goes first with a zero data size and `close()` patches in the real sizes,
 * so a file whose writer died mid-way still opens as a valid (empty) WAV.
 */
export class WavSink implements AudioSink {
  readonly kind = "wav";
  private state: WavSinkState = "idle";
  private file: FileHandle | undefined;
  private opening: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  /** Data bytes that already own a file position: written, or being written. */
  private reservedBytes = 0;
  private acceptedBytes = 0;
  /** The first failed write: the file has a hole from there on. */
  private writeFailure: ProtocolError | undefined;
  private readonly writesInFlight = new Set<Promise<void>>();
  private readonly loss = new SinkLoss();
  private readonly path: string;
  private readonly log: Logger | undefined;

  constructor(path: string, log?: Logger) {
    this.path = path;
    this.log = log;
  }

  get bytesAccepted(): number {
    return this.acceptedBytes;
  }

  open(): Promise<void> {
    if (this.state !== "idle") return Promise.reject(new Error("an audio sink can be opened only once"));
    this.state = "opening";
    this.opening = this.createFile();
    return this.opening;
  }

  async write(pcm: Buffer): Promise<void> {
    assertFrameAligned(pcm);
    if (this.loss.error !== undefined) throw this.loss.error;
    const file = this.file;
    if (this.state !== "open" || file === undefined) {
      throw new ProtocolError("audio_unavailable", "the WAV sink is not open");
    }
    if (this.reservedBytes + pcm.length > MAX_WAV_DATA_BYTES) {
      throw new ProtocolError("audio_unavailable", "the WAV file reached the 4 GiB size limit of the format");
    }
    // Positions are taken at call time, so writes land in call order whatever order the file system finishes them in.
    const position = WAV_HEADER_BYTES + this.reservedBytes;
    this.reservedBytes += pcm.length;
    const writing = writeFully(file, pcm, position);
    this.writesInFlight.add(writing);
    try {
      await writing;
    } catch (error) {
      throw this.loseFile(error);
    } finally {
      this.writesInFlight.delete(writing);
    }
    this.acceptedBytes += pcm.length;
  }

  close(): Promise<void> {
    this.closing ??= this.finishFile();
    return this.closing;
  }

  onLost(listener: (error: ProtocolError) => void): void {
    this.loss.onLost(listener);
  }

  private async createFile(): Promise<void> {
    let file: FileHandle | undefined;
    try {
      file = await open(this.path, "w");
      await writeFully(file, encodeWavHeader(0), 0);
    } catch (error) {
      await file?.close().catch(() => undefined);
      this.state = "closed";
      throw new ProtocolError("audio_unavailable", `cannot create the WAV file ${this.path}: ${describe(error)}`, {
        cause: error,
      });
    }
    // close() may have run meanwhile; it then finishes this file as an empty WAV.
    this.file = file;
    if (this.state !== "opening") throw new ProtocolError("audio_unavailable", "the WAV sink was closed while opening");
    this.state = "open";
  }

  private loseFile(error: unknown): ProtocolError {
    const lost = new ProtocolError("audio_unavailable", `cannot write the WAV file ${this.path}: ${describe(error)}`, {
      cause: error,
    });
    this.writeFailure ??= lost;
    if (this.state !== "open") return lost;
    this.state = "lost";
    this.loss.report(lost);
    return lost;
  }

  private async finishFile(): Promise<void> {
    const wasLost = this.state === "lost";
    this.state = "closed";
    await this.opening?.catch(() => undefined);
    await Promise.allSettled(this.writesInFlight);
    const file = this.file;
    this.file = undefined;
    if (file === undefined) return;
    if (this.writeFailure !== undefined) {
      // The data has a hole; patching in the sizes would only make a broken file look complete.
      await file.close().catch(() => undefined);
      if (wasLost) return;
      throw this.writeFailure;
    }
    try {
      await writeFully(file, encodeWavHeader(this.acceptedBytes), 0);
      await file.close();
    } catch (error) {
      await file.close().catch(() => undefined);
      throw new ProtocolError("audio_unavailable", `cannot finish the WAV file ${this.path}: ${describe(error)}`, {
        cause: error,
      });
    }
    this.log?.debug({ path: this.path, dataBytes: this.acceptedBytes }, "WAV file finished");
  }
}

async function writeFully(file: FileHandle, data: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await file.write(data, offset, data.length - offset, position + offset);
    if (bytesWritten === 0) throw new Error("the file system accepted no bytes");
    offset += bytesWritten;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
