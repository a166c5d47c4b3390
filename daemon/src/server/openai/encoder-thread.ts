/**
 * The speech route's side of the encoder thread (encoder-worker.ts): one worker thread, started on the first
 * encoded request and stopped after `IDLE_STOP_MS` without any, shared by every request, each with its own
 * session. The worker is unref'd: it never keeps the daemon alive.
 */
import { Worker } from "node:worker_threads";
import { hostEntryPath } from "../../host-entry-path.js";
import type { EncodedFormat } from "./audio-formats.js";
import type { EncoderReply, EncoderRequest, EncoderThreadStats } from "./encoder-messages.js";

/** An idle thread costs memory (a V8 isolate and the encoders' WebAssembly heaps); a minute covers bursts. */
export const IDLE_STOP_MS = 60_000;

export type BytesSink = (bytes: Buffer) => void;

interface Pending {
  /** The reply that settles the operation in flight. */
  until: "encoded" | "finished" | "closed";
  resolve: () => void;
  reject: (error: Error) => void;
}

export class EncoderSession {
  readonly #thread: EncoderThread;
  readonly id: number;
  #sink: BytesSink = () => undefined;
  #pending: Pending | null = null;
  /** Finished, closed or failed: the worker holds nothing of it any more. */
  #gone = false;
  #failure: Error | null = null;

  constructor(thread: EncoderThread, id: number) {
    this.#thread = thread;
    this.id = id;
  }

  /** Encodes one piece of PCM (s16le mono); `sink` gets the encoded bytes as they come. Resolves once all are out. */
  encode(pcm: Buffer, sink: BytesSink): Promise<void> {
    const copy = pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer;
    return this.#request({ op: "encode", id: this.id, pcm: copy }, "encoded", sink, [copy]);
  }

  /** Ends the stream: `sink` gets its last bytes. The session is gone afterwards. */
  finish(sink: BytesSink): Promise<void> {
    return this.#request({ op: "finish", id: this.id }, "finished", sink);
  }

  /** Stops the encoder (after the slice in progress) and frees it; resolves once the worker dropped it. */
  close(): Promise<void> {
    if (this.#gone) return Promise.resolve();
    const closed = new Promise<void>((resolve) => {
      // An operation in flight will never get its reply: it ends with the close.
      const inFlight = this.#pending;
      this.#pending = { until: "closed", resolve, reject: () => resolve() };
      inFlight?.resolve();
    });
    this.#thread.post({ op: "close", id: this.id });
    return closed;
  }

  #request(
    message: EncoderRequest,
    until: Pending["until"],
    sink: BytesSink,
    transfer: ArrayBuffer[] = [],
  ): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#gone) return Promise.reject(new Error("the encoder session has ended"));
    if (this.#pending) return Promise.reject(new Error("an encoder operation is already in flight"));
    this.#sink = sink;
    return new Promise((resolve, reject) => {
      this.#pending = { until, resolve, reject };
      this.#thread.post(message, transfer);
    });
  }

  /** A reply for this session, from the thread. */
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

  /** The worker failed or reported an error for this session. */
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
    this.#thread.forget(this.id);
  }
}

export class EncoderThread {
  #worker: Worker | null = null;
  readonly #sessions = new Map<number, EncoderSession>();
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;
  readonly #statsWaiters: Array<(stats: EncoderThreadStats) => void> = [];
  readonly #idleStopMs: number;

  constructor(options: { idleStopMs?: number } = {}) {
    this.#idleStopMs = options.idleStopMs ?? IDLE_STOP_MS;
  }

  /** Sessions open on this side (each one's encoder lives in the thread). */
  get openSessions(): number {
    return this.#sessions.size;
  }

  /** Whether the worker thread is running. */
  get running(): boolean {
    return this.#worker !== null;
  }

  open(format: EncodedFormat): EncoderSession {
    const session = new EncoderSession(this, this.#nextId++);
    this.#sessions.set(session.id, session);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.post({ op: "open", id: session.id, format });
    return session;
  }

  /** The thread's own counts (starts the thread if it is not running). */
  stats(): Promise<EncoderThreadStats> {
    return new Promise((resolve) => {
      this.#statsWaiters.push(resolve);
      this.post({ op: "stats" });
    });
  }

  /** Stops the thread at once; sessions still open fail. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  /** @internal */
  post(message: EncoderRequest, transfer: ArrayBuffer[] = []): void {
    this.#ensureWorker().postMessage(message, transfer);
  }

  /** @internal A session that the worker no longer holds. */
  forget(id: number): void {
    this.#sessions.delete(id);
    if (this.#sessions.size > 0 || !this.#worker) return;
    this.#idleTimer = setTimeout(() => void this.stop(), this.#idleStopMs);
    this.#idleTimer.unref();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(hostEntryPath(import.meta.url, "server/openai", "encoder-worker"));
    worker.unref();
    worker.on("message", (reply: EncoderReply) => {
      if (reply.op === "stats") {
        this.#statsWaiters.shift()?.(reply.stats);
        return;
      }
      this.#sessions.get(reply.id)?.receive(reply);
    });
    const failAll = (error: Error): void => {
      if (this.#worker === worker) this.#worker = null;
      for (const session of [...this.#sessions.values()]) session.fail(error);
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`the encoder thread exited (code ${code})`)));
    this.#worker = worker;
    return worker;
  }
}
