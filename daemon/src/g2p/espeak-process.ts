/**
 * The espeak-ng host process seen from the daemon: started on the first call, stopped after a quiet period so an
 * idle daemon gives its memory back, and started again by the next call. Calls may overlap; each gets its answer.
 * See espeak-host.ts for why espeak-ng runs in a process of its own.
 */
import { fork, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import type { Logger } from "pino";
import { isEspeakReply, type EspeakReply, type EspeakRequest } from "./espeak-host-messages.js";
import { hostEntryPath } from "../host-entry-path.js";

/** Kept by default for five minutes after its last call: reading one selection after another never waits for it. */
export const DEFAULT_ESPEAK_IDLE_RELEASE_MS = 300_000;

/** How long a stopping host may take before it is killed. */
const STOP_TIMEOUT_MS = 2_000;

/** Last lines of the host's stderr kept to explain an unexpected exit. */
const STDERR_TAIL_CHARS = 2_000;

export interface EspeakProcessOptions {
  /** Quiet time after the last answer before the host is stopped; 0 stops it as soon as nothing is pending. */
  readonly idleReleaseMs?: number;
  /** Called each time an idle host is stopped to give its memory back. */
  readonly onRelease?: () => void;
  readonly log?: Logger;
}

export interface EspeakProcessStats {
  /** Hosts started (the first call, and every call after a release or a crash). */
  readonly starts: number;
  /** Idle hosts stopped to free memory. */
  readonly releases: number;
  /** The running host's RSS as of its last answer; 0 while no host runs. */
  readonly rssBytes: number;
  /** The running host's process id, if one runs. */
  readonly pid: number | undefined;
}

interface PendingCall {
  readonly resolve: (ipa: string[]) => void;
  readonly reject: (error: Error) => void;
}

interface Host {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  stopping: boolean;
  stderrTail: string;
}

export class EspeakProcess {
  private readonly idleReleaseMs: number;
  private readonly options: EspeakProcessOptions;
  private readonly pending = new Map<number, PendingCall>();
  private host: Host | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 0;
  private starts = 0;
  private releases = 0;
  private rssBytes = 0;
  private closed = false;

  constructor(options: EspeakProcessOptions = {}) {
    this.options = options;
    this.idleReleaseMs = options.idleReleaseMs ?? DEFAULT_ESPEAK_IDLE_RELEASE_MS;
  }

  /** espeak-ng's IPA for `text` in `language`; rejects when the host cannot answer (not installed, crashed). */
  phonemize(text: string, language: string): Promise<string[]> {
    if (this.closed) return Promise.reject(new Error("the espeak-ng host is closed"));
    this.clearIdleTimer();
    const host = this.ensureHost();
    const id = this.nextId++;
    const answer = new Promise<string[]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Held open only while a call is pending, so an idle host never keeps a process (a one-shot CLI) alive.
    this.setReferenced(host, true);
    const request: EspeakRequest = { id, text, language };
    host.child.send(request, undefined, {}, (error) => {
      if (error) this.settle(id, new Error(`cannot reach the espeak-ng host: ${error.message}`));
    });
    return answer;
  }

  stats(): EspeakProcessStats {
    const host = this.host && !this.host.stopping ? this.host : undefined;
    return { starts: this.starts, releases: this.releases, rssBytes: host ? this.rssBytes : 0, pid: host?.child.pid };
  }

  /** Stops the host (pending calls are rejected) and refuses further calls. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearIdleTimer();
    await this.stopHost();
  }

  private ensureHost(): Host {
    if (this.host && !this.host.stopping) return this.host;
    const child = fork(hostEntryPath(import.meta.url, "g2p", "espeak-host"), [], {
      // The daemon's own flags (loaders, inspector) must not leak into the host.
      execArgv: [],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const host: Host = {
      child,
      exited: new Promise((resolve) => child.once("close", () => resolve())),
      stopping: false,
      stderrTail: "",
    };
    this.starts += 1;
    this.rssBytes = 0;
    this.host = host;
    child.on("message", (message) => this.onMessage(message));
    child.on("error", (error) => this.options.log?.warn({ err: error }, "espeak-ng host error"));
    child.on("close", (code, signal) => this.onClose(host, code, signal));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (text: string) => {
      host.stderrTail = (host.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    });
    this.options.log?.debug({ pid: child.pid }, "espeak-ng host started");
    return host;
  }

  private onMessage(message: unknown): void {
    if (!isEspeakReply(message)) return;
    this.rssBytes = message.rssBytes;
    this.settle(message.id, message);
  }

  private settle(id: number, outcome: EspeakReply | Error): void {
    const call = this.pending.get(id);
    if (call === undefined) return;
    this.pending.delete(id);
    if (outcome instanceof Error) call.reject(outcome);
    else if (outcome.ok) call.resolve(outcome.ipa);
    else call.reject(new Error(`espeak-ng: ${outcome.message}`));
    if (this.pending.size === 0) this.becameIdle();
  }

  private becameIdle(): void {
    const host = this.host;
    if (host === undefined) return;
    this.setReferenced(host, false);
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => this.releaseIdleHost(), this.idleReleaseMs);
    this.idleTimer.unref();
  }

  private releaseIdleHost(): void {
    this.idleTimer = undefined;
    if (this.pending.size > 0 || this.host === undefined || this.host.stopping) return;
    this.releases += 1;
    this.options.log?.debug({ pid: this.host.child.pid }, "espeak-ng host released after idling");
    void this.stopHost();
    this.options.onRelease?.();
  }

  private async stopHost(): Promise<void> {
    const host = this.host;
    if (host === undefined) return;
    host.stopping = true;
    // Held open until the host is gone, so a closing daemon or CLI waits for it.
    host.child.ref();
    // SIGTERM, not closing the channel: the host holds nothing to save, and a child whose channel the parent closed
    // exits without its `close` event ever firing (Node 20), which would leave this wait hanging.
    host.child.kill("SIGTERM");
    const killTimer = setTimeout(() => host.child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    killTimer.unref();
    await host.exited;
    clearTimeout(killTimer);
  }

  private onClose(host: Host, code: number | null, signal: NodeJS.Signals | null): void {
    // A released host may end after a newer one took the pending calls: those are not its to fail.
    if (this.host !== host) return;
    this.host = undefined;
    if (this.pending.size === 0) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const detail = host.stderrTail.trim().split("\n").at(-1);
    const error = new Error(`the espeak-ng host exited (${how})${detail ? `: ${detail}` : ""}`);
    this.options.log?.warn({ code, signal }, "espeak-ng host exited with calls pending");
    for (const id of [...this.pending.keys()]) this.settle(id, error);
  }

  private setReferenced(host: Host, referenced: boolean): void {
    // The process, its IPC channel and its stderr pipe each hold the event loop on their own.
    const channel = host.child.channel as { ref(): void; unref(): void } | null | undefined;
    const stderr = host.child.stderr as Socket | null;
    if (referenced) {
      host.child.ref();
      channel?.ref();
      stderr?.ref();
    } else {
      host.child.unref();
      channel?.unref();
      stderr?.unref();
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
