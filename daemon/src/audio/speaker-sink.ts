import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { BYTES_PER_SAMPLE, CHANNEL_COUNT, ProtocolError, SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { assertFrameAligned } from "./pcm-alignment.js";
import type { AudioSink } from "./sink.js";
import { SinkLoss } from "./sink-loss.js";
import {
  encodeHostPcmFormat,
  isHostReport,
  type HostPcmFormat,
  type HostReport,
  type HostRequest,
} from "./speaker-host-messages.js";
import { hostEntryPath } from "../host-entry-path.js";
import { markStartup } from "../telemetry/startup-timeline.js";

/** Starting Node and loading the addon takes well under a second; a device that hangs longer is as good as absent. */
const OPEN_TIMEOUT_MS = 10_000;

/** The host finishes its one in-flight chunk (at most ~43 ms of audio) before it drops the rest and exits. */
const CLOSE_TIMEOUT_MS = 1_000;

const PRODUCT_PCM_FORMAT: HostPcmFormat = {
  sampleRateHz: SAMPLE_RATE_HZ,
  channelCount: CHANNEL_COUNT,
  bitsPerSample: BYTES_PER_SAMPLE * 8,
};

/** Enough of the host's stderr to carry alsa-lib's last complaint into the error message. */
const STDERR_TAIL_CHARS = 600;

export interface SpeakerSinkOptions {
  /** Environment of the host process (default: this process's). Tests point HOME at an `.asoundrc`. */
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Logger;
}

type SpeakerSinkState = "idle" | "opening" | "open" | "lost" | "closing" | "closed";

interface PendingWrite {
  readonly byteCount: number;
  readonly resolve: () => void;
  readonly reject: (error: ProtocolError) => void;
}

interface PendingOpen {
  readonly resolve: () => void;
  readonly reject: (error: ProtocolError) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Plays PCM on the system's default device through the `speaker` addon, which runs in a child process
 * (speaker-host.ts) because it aborts its process when the device cannot be opened. Each write costs one IPC round
 * trip (~0.1 ms) and resolves once the addon accepted the chunk.
 */
export class SpeakerSink implements AudioSink {
  readonly kind = "speaker";
  private state: SpeakerSinkState = "idle";
  private host: ChildProcess | undefined;
  private hostExited: Promise<void> = Promise.resolve();
  private pendingOpen: PendingOpen | undefined;
  private readonly pendingWrites: PendingWrite[] = [];
  private closing: Promise<void> | undefined;
  private acceptedBytes = 0;
  private stderrTail = "";
  private hostFailureMessage: string | undefined;
  private readonly loss = new SinkLoss();
  private readonly env: NodeJS.ProcessEnv | undefined;
  private readonly log: Logger | undefined;

  constructor(options: SpeakerSinkOptions = {}) {
    this.env = options.env;
    this.log = options.log;
  }

  get bytesAccepted(): number {
    return this.acceptedBytes;
  }

  /** Process id of the host while it runs (diagnostics; tests kill it to simulate a lost device). */
  get hostPid(): number | undefined {
    return this.host?.exitCode === null && this.host.signalCode === null ? this.host.pid : undefined;
  }

  open(): Promise<void> {
    if (this.state !== "idle") return Promise.reject(new Error("an audio sink can be opened only once"));
    const hostPath = hostEntryPath(import.meta.url, "audio", "speaker-host");
    if (!existsSync(hostPath)) {
      this.state = "closed";
      return Promise.reject(
        new ProtocolError("audio_unavailable", `the speaker host ${hostPath} is missing; build the daemon (tsc -b)`),
      );
    }
    this.state = "opening";
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.hostOnOpenTimeout(), OPEN_TIMEOUT_MS);
      this.pendingOpen = { resolve, reject, timer };
      this.startHost(hostPath);
    });
  }

  async write(pcm: Buffer): Promise<void> {
    assertFrameAligned(pcm);
    if (this.loss.error !== undefined) throw this.loss.error;
    const host = this.host;
    if (this.state !== "open" || host === undefined) {
      throw new ProtocolError("audio_unavailable", "the speaker sink is not open");
    }
    await new Promise<void>((resolve, reject) => {
      this.pendingWrites.push({ byteCount: pcm.length, resolve, reject });
      // A failed send means the host is gone; its exit settles this write.
      this.send({ type: "write", pcm });
    });
  }

  close(): Promise<void> {
    this.closing ??= this.stopHost();
    return this.closing;
  }

  onLost(listener: (error: ProtocolError) => void): void {
    this.loss.onLost(listener);
  }

  private startHost(hostPath: string): void {
    const host = fork(hostPath, [encodeHostPcmFormat(PRODUCT_PCM_FORMAT)], {
      env: this.env ?? process.env,
      // The daemon's own flags (loaders, inspector) must not leak into the host.
      execArgv: [],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.host = host;
    this.hostExited = new Promise((resolve) => host.once("close", () => resolve()));
    host.on("message", (message) => this.hostOnMessage(message));
    host.on("close", (code, signal) => this.hostOnClose(code, signal));
    host.on("error", (error) => this.hostOnError(error));
    host.stderr?.setEncoding("utf8");
    host.stderr?.on("data", (text: string) => this.hostOnStderr(text));
    markStartup("speakerHostStarted");
    this.log?.debug({ pid: host.pid, hostPath }, "speaker host started");
  }

  private send(request: HostRequest): void {
    this.host?.send(request, undefined, {}, () => undefined);
  }

  private hostOnMessage(message: unknown): void {
    if (!isHostReport(message)) {
      this.loseDevice(new ProtocolError("audio_unavailable", "the speaker host sent a malformed message"));
      return;
    }
    this.handleReport(message);
  }

  private handleReport(report: HostReport): void {
    switch (report.type) {
      case "ready":
        if (this.state !== "opening" || this.pendingOpen === undefined) return;
        this.state = "open";
        this.settleOpen()?.resolve();
        markStartup("deviceOpen");
        this.log?.debug({ pid: this.host?.pid }, "audio device open");
        return;
      case "written": {
        const write = this.pendingWrites.shift();
        if (write === undefined) return;
        this.acceptedBytes += write.byteCount;
        write.resolve();
        return;
      }
      case "failed":
        this.hostFailureMessage = report.message;
        this.loseDevice(this.describeHostEnd("failed"));
        return;
    }
  }

  private hostOnStderr(text: string): void {
    this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    for (const line of text.split("\n")) {
      if (line.trim() !== "") this.log?.warn({ pid: this.host?.pid, line }, "speaker host stderr");
    }
  }

  private hostOnClose(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.state === "closing" || this.state === "closed") return;
    const how = signal === null ? `exited with code ${code}` : `was killed by ${signal}`;
    this.loseDevice(this.describeHostEnd(how));
  }

  private hostOnError(error: Error): void {
    this.loseDevice(
      new ProtocolError("audio_unavailable", `the speaker host failed: ${error.message}`, { cause: error }),
    );
  }

  private hostOnOpenTimeout(): void {
    this.loseDevice(
      new ProtocolError("audio_unavailable", `the audio device did not open within ${OPEN_TIMEOUT_MS} ms`),
    );
  }

  private describeHostEnd(how: string): ProtocolError {
    const stage = this.state === "opening" ? "while opening the audio device" : "during playback";
    const detail = this.hostFailureMessage ?? this.stderrTail.trim().split("\n").slice(-2).join(" | ");
    const message = `the speaker host ${how} ${stage}${detail === "" ? "" : `: ${detail}`}`;
    return new ProtocolError("audio_unavailable", message);
  }

  /** Ends the host after a failure: before open completes `open()` rejects, after it the loss is reported. */
  private loseDevice(error: ProtocolError): void {
    if (this.state === "opening") {
      this.state = "closed";
      this.settleOpen()?.reject(error);
    } else if (this.state === "open") {
      this.state = "lost";
      this.log?.warn({ pid: this.host?.pid, err: error }, "audio device lost");
      for (const write of this.pendingWrites.splice(0)) write.reject(error);
      this.loss.report(error);
    } else {
      return;
    }
    this.host?.kill("SIGKILL");
  }

  private settleOpen(): PendingOpen | undefined {
    const pending = this.pendingOpen;
    this.pendingOpen = undefined;
    if (pending !== undefined) clearTimeout(pending.timer);
    return pending;
  }

  private async stopHost(): Promise<void> {
    const previousState = this.state;
    this.state = "closing";
    // Stop means the queued audio is not wanted: its writes complete without being played.
    for (const write of this.pendingWrites.splice(0)) write.resolve();
    if (previousState === "opening") {
      this.settleOpen()?.reject(new ProtocolError("audio_unavailable", "the speaker sink was closed while opening"));
      this.host?.kill("SIGKILL");
    } else if (previousState === "open") {
      this.send({ type: "close" });
    }
    const killTimer = setTimeout(() => this.host?.kill("SIGKILL"), CLOSE_TIMEOUT_MS);
    await this.hostExited;
    clearTimeout(killTimer);
    this.state = "closed";
  }
}
