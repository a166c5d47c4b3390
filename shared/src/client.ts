/**
 * A protocol v1 client over `ws`: handshake, request/ack with timeouts, typed errors, stream events and chunk
 * frames. Used by the CLI, the Raycast extension and the tests, so the protocol has one client implementation.
 */
import { EventEmitter } from "node:events";
import WebSocket from "ws";
import { ERROR_CODES, isErrorCode, ProtocolError } from "./errors.js";
import { decodeChunkFrame, encodeChunkFrame, type ChunkFrame } from "./frames.js";
import { DAEMON_NAME, MAX_MESSAGE_BYTES, PROTOCOL_VERSION, WEBSOCKET_PATH } from "./limits.js";
import type {
  AckMessage,
  DaemonEventMessage,
  DaemonStatus,
  Request,
  StreamEventMessage,
  TerminalEventName,
  WelcomeMessage,
} from "./messages.js";
import { isTerminalEvent } from "./messages.js";
import { parseServerMessage } from "./validate.js";

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

export interface ConnectOptions {
  port: number;
  token: string;
  clientName: string;
  host?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Sent as the hello's protocol version; only tests change it. */
  protocolVersion?: number;
}

type RequestBody = Request extends infer R ? (R extends { id: string } ? Omit<R, "id"> : never) : never;

interface Pending {
  resolve: (ack: AckMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  onAck?: (ack: AckMessage) => void;
}

export interface DaemonClientEvents {
  event: [StreamEventMessage];
  daemon: [DaemonEventMessage];
  chunk: [ChunkFrame];
  /** An error message not tied to a request (e.g. a rejected chunk frame). */
  error: [ProtocolError];
  close: [{ code: number; reason: string }];
}

/** The terminal event of one stream. */
export type TerminalEvent = Extract<StreamEventMessage, { event: TerminalEventName }>;

function connectionLost(message: string): ProtocolError {
  return new ProtocolError("daemon_unreachable", message);
}

export class DaemonClient extends EventEmitter<DaemonClientEvents> {
  readonly welcome: WelcomeMessage;
  private readonly socket: WebSocket;
  private readonly requestTimeoutMs: number;
  private readonly pending = new Map<string, Pending>();
  private readonly terminalEvents = new Map<number, TerminalEvent>();
  private nextRequestNumber = 1;
  private closed = false;

  private constructor(socket: WebSocket, welcome: WelcomeMessage, requestTimeoutMs: number) {
    super();
    this.socket = socket;
    this.welcome = welcome;
    this.requestTimeoutMs = requestTimeoutMs;
    socket.on("message", (data, isBinary) => this.socketOnMessage(data as Buffer, isBinary));
    socket.on("close", (code, reason) => this.socketOnClose(code, reason.toString()));
    socket.on("error", () => {
      // `close` follows every `error`; pending requests are rejected there.
    });
  }

  /**
   * Connects, sends `hello` and waits for `welcome`. Rejects with the daemon's refusal code (`unauthorized`,
   * `protocol_mismatch`) or with a plain `Error` whose `code` is `ECONNREFUSED`/`ETIMEDOUT` when nothing answers.
   */
  static connect(options: ConnectOptions): Promise<DaemonClient> {
    const host = options.host ?? "127.0.0.1";
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://${host}:${options.port}${WEBSOCKET_PATH}`, {
        maxPayload: MAX_MESSAGE_BYTES,
        handshakeTimeout: timeoutMs,
      });
      let settled = false;
      const settle = (error: Error | null, client?: DaemonClient): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off("message", onMessage);
        if (error) {
          socket.terminate();
          reject(error);
        } else if (client) resolve(client);
      };
      const timer = setTimeout(() => {
        settle(Object.assign(new Error(`No welcome from the daemon within ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
      }, timeoutMs);
      const onMessage = (data: Buffer, isBinary: boolean): void => {
        if (isBinary) return;
        const parsed = parseServerMessage(data.toString("utf8"));
        if (!parsed.ok) return settle(parsed.error);
        const message = parsed.value;
        if (message.type === "error") {
          return settle(
            new ProtocolError(isErrorCode(message.code) ? message.code : "internal_error", message.message),
          );
        }
        if (message.type !== "welcome") {
          return settle(new ProtocolError("invalid_message", `Expected welcome, got ${message.type}.`));
        }
        if (message.daemon.name !== DAEMON_NAME) {
          return settle(new ProtocolError("unauthorized", `The listener is "${message.daemon.name}", not a daemon.`));
        }
        settle(null, new DaemonClient(socket, message, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));
      };
      socket.on("message", onMessage);
      socket.once("open", () => {
        socket.send(
          JSON.stringify({
            type: "hello",
            protocol: options.protocolVersion ?? PROTOCOL_VERSION,
            client: options.clientName,
            token: options.token,
          }),
        );
      });
      socket.once("error", (error) => settle(error));
      socket.once("close", (code, reason) => {
        settle(
          new ProtocolError(
            closeCodeToErrorCode(code),
            reason.toString() || `The daemon closed the connection (${code}).`,
          ),
        );
      });
    });
  }

  /** Sends a request and resolves with its `ack`; rejects with a `ProtocolError` carrying the daemon's code. */
  request(body: RequestBody, timeoutMs: number = this.requestTimeoutMs): Promise<AckMessage> {
    return this.send(body, timeoutMs);
  }

  /**
   * `request` for a request that opens a stream: `onAck` runs the moment the ack is read, before the frames that
   * came in the same read are dispatched. A chunk listener learns its stream id there; code after
   * `await request(...)` runs only after those frames, and a listener that waited for it misses the first chunks.
   */
  requestStream(
    body: RequestBody,
    onAck: (ack: AckMessage) => void,
    timeoutMs: number = this.requestTimeoutMs,
  ): Promise<AckMessage> {
    return this.send(body, timeoutMs, onAck);
  }

  private send(body: RequestBody, timeoutMs: number, onAck?: (ack: AckMessage) => void): Promise<AckMessage> {
    if (this.closed) return Promise.reject(connectionLost("The connection to the daemon is closed."));
    const id = `r${this.nextRequestNumber++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(Object.assign(new Error(`No answer to ${body.type} within ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
      }, timeoutMs);
      this.pending.set(id, onAck ? { resolve, reject, timer, onAck } : { resolve, reject, timer });
      this.socket.send(JSON.stringify({ ...body, id }));
    });
  }

  /** Sends one PCM chunk of a `play` stream. */
  sendChunk(streamId: number, seq: number, pcm: Uint8Array): void {
    this.socket.send(encodeChunkFrame({ streamId, seq, pcm }));
  }

  /** Sends raw bytes as a binary frame (tests use it to send malformed frames). */
  sendRawBinary(data: Uint8Array): void {
    this.socket.send(data);
  }

  /** Sends raw text as a frame (tests use it to send malformed messages). */
  sendRawText(text: string): void {
    this.socket.send(text);
  }

  async status(): Promise<DaemonStatus> {
    return (await this.request({ type: "status" })).result as DaemonStatus;
  }

  /** Resolves with the stream's terminal event (completed, cancelled or failed), even if it already arrived. */
  waitForTerminal(streamId: number): Promise<TerminalEvent> {
    const known = this.terminalEvents.get(streamId);
    if (known) return Promise.resolve(known);
    // `close` has already been emitted; a listener added now would wait forever.
    if (this.closed) return Promise.reject(connectionLost("The connection closed before the stream ended."));
    return new Promise((resolve, reject) => {
      const onEvent = (event: StreamEventMessage): void => {
        if (event.streamId !== streamId || !isTerminalEvent(event.event)) return;
        cleanup();
        resolve(event as TerminalEvent);
      };
      const onClose = (): void => {
        cleanup();
        reject(connectionLost("The connection closed before the stream ended."));
      };
      const cleanup = (): void => {
        this.off("event", onEvent);
        this.off("close", onClose);
      };
      this.on("event", onEvent);
      this.on("close", onClose);
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.close(1000, "bye");
    });
  }

  private socketOnMessage(data: Buffer, isBinary: boolean): void {
    if (isBinary) {
      const frame = decodeChunkFrame(data);
      if (frame.ok) this.emit("chunk", frame.value);
      return;
    }
    const parsed = parseServerMessage(data.toString("utf8"));
    if (!parsed.ok) return;
    const message = parsed.value;
    switch (message.type) {
      case "ack":
        this.settleRequest(message.id, message, null);
        return;
      case "error": {
        const code = isErrorCode(message.code) ? message.code : "internal_error";
        const error = new ProtocolError(
          code,
          message.message,
          message.streamId === undefined ? {} : { streamId: message.streamId },
        );
        if (message.id !== undefined && this.pending.has(message.id)) this.settleRequest(message.id, null, error);
        else this.emit("error", error);
        return;
      }
      case "event":
        if (isTerminalEvent(message.event)) this.terminalEvents.set(message.streamId, message as TerminalEvent);
        this.emit("event", message);
        return;
      case "daemon":
        this.emit("daemon", message);
        return;
      case "welcome":
        return;
    }
  }

  private settleRequest(id: string, ack: AckMessage | null, error: Error | null): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else if (ack) {
      pending.onAck?.(ack);
      pending.resolve(ack);
    }
  }

  private socketOnClose(code: number, reason: string): void {
    this.closed = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(connectionLost(`The daemon connection closed (${code}) before answering.`));
      this.pending.delete(id);
    }
    this.emit("close", { code, reason });
  }
}

/**
 * Maps a WebSocket close code from the daemon back to the error code that caused it; any other code (1001 going
 * away, 1006 connection lost, …) means the daemon is no longer reachable.
 */
export function closeCodeToErrorCode(closeCode: number): keyof typeof ERROR_CODES {
  for (const [code, info] of Object.entries(ERROR_CODES)) {
    if ("closeCode" in info && info.closeCode === closeCode) return code as keyof typeof ERROR_CODES;
  }
  return "daemon_unreachable";
}
