/**
 * The speech route's side of the encoder host (encoder-host.ts): one child process, started on the first encoded
 * request and stopped after `IDLE_STOP_MS` without any, shared by every request, each with its own session. A
 * process rather than a worker thread for the reason docs/daemon.md gives for the espeak-ng host: a stopped worker
 * thread leaves its memory behind in malloc's arenas, a process returns all of it. It is unref'd: it never keeps
 * the daemon alive, and it exits when the daemon does.
 */
import { fork, type ChildProcess } from "node:child_process";
import { hostEntryPath } from "../../host-entry-path.js";
import type { EncodedFormat } from "./audio-formats.js";
import type { EncoderReply, EncoderRequest, EncoderHostStats } from "./encoder-messages.js";

/** An idle host costs memory (a Node process and the encoders' WebAssembly heaps); a minute covers bursts. */
export const IDLE_STOP_MS = 60_000;

export type BytesSink = (bytes: Buffer) => void;

interface Pending {
  /** The reply that settles the operation in flight. */
  until: "encoded" | "finished" | "closed";
  resolve: () => void;
  reject: (error: Error) => void;
}

export class EncoderSession {
  readonly #host: EncoderProcess;
  readonly id: number;
  #sink: BytesSink = () => undefined;
  #pending: Pending | null = null;
  /** Finished, closed or failed: the host holds nothing of it any more. */
  #gone = false;
  #failure: Error | null = null;
  #closing: Promise<void> | null = null;

  constructor(host: EncoderProcess, id: number) {
    this.#host = host;
    this.id = id;
  }

  /** Encodes one piece of PCM (s16le mono); `sink` gets the encoded bytes as they come. Resolves once all are out. */
  encode(pcm: Buffer, sink: BytesSink): Promise<void> {
    const copy = pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer;
    return this.#request({ op: "encode", id: this.id, pcm: copy }, "encoded", sink);
  }

  /** Ends the stream: `sink` gets its last bytes. The session is gone afterwards. */
  finish(sink: BytesSink): Promise<void> {
    return this.#request({ op: "finish", id: this.id }, "finished", sink);
  }

  /** Stops the encoder (after the slice in progress) and frees it; resolves once the host dropped it. Idempotent. */
  close(): Promise<void> {
    if (this.#gone) return Promise.resolve();
    if (this.#closing) return this.#closing;
    this.#closing = new Promise<void>((resolve) => {
      // An operation in flight will never get its reply: it ends with the close.
      const inFlight = this.#pending;
      this.#pending = { until: "closed", resolve, reject: () => resolve() };
      inFlight?.resolve();
    });
    this.#host.post({ op: "close", id: this.id });
    return this.#closing;
  }

  #request(message: EncoderRequest, until: Pending["until"], sink: BytesSink): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#gone) return Promise.reject(new Error("the encoder session has ended"));
    if (this.#pending) return Promise.reject(new Error("an encoder operation is already in flight"));
    this.#sink = sink;
    return new Promise((resolve, reject) => {
      this.#pending = { until, resolve, reject };
      this.#host.post(message);
    });
  }

  /** A reply for this session, from the host. */
  receive(reply: EncoderReply): void {
    if (reply.op === "data") {
      if (this.#pending?.until !== "closed")
        this.#sink(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      return;
    }
    if (reply.op === "error") {
      this.fail(new Error(`encoder: ${reply.message}`));
      return;
    }
    if (reply.op === "finished" || reply.op === "closed") this.#end();
    const pending = this.#pending;
    if (pending?.until === reply.op) {
      this.#pending = null;
      pending.resolve();
    }
  }

  /** The host failed or reported an error for this session. */
  fail(error: Error): void {
    this.#failure = error;
    this.#end();
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(error);
  }

  #end(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.#host.forget(this.id);
  }
}

export class EncoderProcess {
  #child: ChildProcess | null = null;
  readonly #sessions = new Map<number, EncoderSession>();
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;
  readonly #statsWaiters: Array<(stats: EncoderHostStats) => void> = [];
  readonly #idleStopMs: number;

  constructor(options: { idleStopMs?: number } = {}) {
    this.#idleStopMs = options.idleStopMs ?? IDLE_STOP_MS;
  }

  /** Sessions open on this side (each one's encoder lives in the host). */
  get openSessions(): number {
    return this.#sessions.size;
  }

  /** Whether the host process is running. */
  get running(): boolean {
    return this.#child !== null;
  }

  open(format: EncodedFormat): EncoderSession {
    const session = new EncoderSession(this, this.#nextId++);
    this.#sessions.set(session.id, session);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.post({ op: "open", id: session.id, format });
    return session;
  }

  /** The host's own counts (starts the host if it is not running). */
  stats(): Promise<EncoderHostStats> {
    return new Promise((resolve) => {
      this.#statsWaiters.push(resolve);
      this.post({ op: "stats" });
    });
  }

  /** Stops the host at once; sessions still open fail. Resolves once it has exited. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill();
    await exited;
  }

  /** @internal */
  post(message: EncoderRequest): void {
    this.#ensureChild().send(message, undefined, {}, () => undefined);
  }

  /** @internal A session that the host no longer holds. */
  forget(id: number): void {
    this.#sessions.delete(id);
    if (this.#sessions.size > 0 || !this.#child) return;
    this.#idleTimer = setTimeout(() => void this.stop(), this.#idleStopMs);
    this.#idleTimer.unref();
  }

  #ensureChild(): ChildProcess {
    if (this.#child) return this.#child;
    const child = fork(hostEntryPath(import.meta.url, "server/openai", "encoder-host"), [], {
      // The daemon's own flags (loaders, inspector) must not leak into the host.
      execArgv: [],
      // Structured clone, so PCM and encoded bytes cross as binary rather than JSON.
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.unref();
    child.channel?.unref();
    child.on("message", (reply: EncoderReply) => {
      if (reply.op === "stats") {
        this.#statsWaiters.shift()?.(reply.stats);
        return;
      }
      this.#sessions.get(reply.id)?.receive(reply);
    });
    child.on("error", () => undefined); // a failed spawn also ends in "exit", handled there
    child.on("exit", (code, signal) => {
      if (this.#child === child) this.#child = null;
      const error = new Error(`the encoder host exited (${signal ?? `code ${code}`})`);
      for (const session of [...this.#sessions.values()]) session.fail(error);
    });
    this.#child = child;
    return child;
  }
}
