import {
  CAPABILITIES,
  DAEMON_NAME,
  decodeChunkFrame,
  encodeChunkFrame,
  ERROR_CODES,
  isProtocolError,
  parseClientMessage,
  PROTOCOL_VERSION,
  ProtocolError,
  type ChunkFrame,
  type ErrorCode,
  type HelloMessage,
  type Request,
  type ServerMessage,
  type SubscriptionTopic,
} from "@kokoro-speech/shared";
import type { Logger } from "pino";
import type WebSocket from "ws";
import { isTokenValid } from "./token.js";

/** A client must say `hello` this soon after connecting, or it is closed with `handshake_required`. */
export const HANDSHAKE_TIMEOUT_MS = 5_000;
/** A client that lets this much outgoing data pile up (it stopped reading) is disconnected. */
export const MAX_CLIENT_BACKLOG_BYTES = 16 * 1024 * 1024;

/**
 * The outcome of a request: the ack's result, and work that must follow the ack (starting a stream, so that its
 * `started` event reaches the client after the ack that told it the stream id).
 */
export interface Handled {
  result?: unknown;
  afterAck?: () => void;
}

/** What a connection asks of the daemon; implemented by the hub. */
export interface RequestHandler {
  handleRequest(connection: ClientConnection, request: Request): Handled;
  handleChunk(connection: ClientConnection, frame: ChunkFrame): void;
  connectionClosed(connection: ClientConnection): void;
}

export interface ConnectionOptions {
  id: number;
  socket: WebSocket;
  token: string;
  version: string;
  handler: RequestHandler;
  log?: Logger;
}

/**
 * One WebSocket client: the hello/welcome handshake, then requests answered with exactly one `ack` or `error`
 * each, and chunk frames for its `play` streams.
 */
export class ClientConnection {
  readonly id: number;
  clientName = "";
  topics: ReadonlySet<SubscriptionTopic> = new Set();
  private readonly options: ConnectionOptions;
  private state: "awaiting_hello" | "ready" | "closed" = "awaiting_hello";
  private readonly handshakeTimer: NodeJS.Timeout;

  constructor(options: ConnectionOptions) {
    this.options = options;
    this.id = options.id;
    const { socket } = options;
    socket.on("message", (data, isBinary) => this.socketOnMessage(data as Buffer, isBinary));
    socket.on("close", () => this.socketOnClose());
    socket.on("error", (error) => options.log?.debug({ err: error, connection: this.id }, "socket error"));
    this.handshakeTimer = setTimeout(() => {
      this.refuse(new ProtocolError("handshake_required", `No hello within ${HANDSHAKE_TIMEOUT_MS} ms.`));
    }, HANDSHAKE_TIMEOUT_MS);
  }

  get isReady(): boolean {
    return this.state === "ready";
  }

  send(message: ServerMessage): void {
    if (this.state === "closed" || !this.hasRoom()) return;
    this.options.socket.send(JSON.stringify(message));
  }

  sendChunk(streamId: number, seq: number, pcm: Buffer): void {
    if (this.state !== "ready" || !this.hasRoom()) return;
    this.options.socket.send(encodeChunkFrame({ streamId, seq, pcm }));
  }

  sendError(error: ProtocolError, id?: string): void {
    const message: ServerMessage = {
      type: "error",
      code: error.code,
      message: error.message,
      retryable: error.retryable,
    };
    if (id !== undefined) message.id = id;
    if (error.streamId !== undefined) message.streamId = error.streamId;
    this.send(message);
  }

  close(code: number, reason: string): void {
    if (this.state === "closed") return;
    this.options.socket.close(code, reason.slice(0, 120));
  }

  private hasRoom(): boolean {
    if (this.options.socket.bufferedAmount <= MAX_CLIENT_BACKLOG_BYTES) return true;
    this.options.log?.warn({ connection: this.id }, "client is not reading; disconnecting");
    this.options.socket.terminate();
    return false;
  }

  private socketOnMessage(data: Buffer, isBinary: boolean): void {
    if (this.state === "closed") return;
    if (isBinary) return this.binaryOnMessage(data);
    const parsed = parseClientMessage(data.toString("utf8"));
    if (!parsed.ok) {
      if (this.state === "awaiting_hello") {
        const code = parsed.error.code === "protocol_mismatch" ? "protocol_mismatch" : "handshake_required";
        return this.refuse(new ProtocolError(code, parsed.error.message));
      }
      return this.sendError(parsed.error, parsed.id);
    }
    const message = parsed.value;
    if (message.type === "hello") return this.helloOnMessage(message);
    if (this.state !== "ready") {
      return this.refuse(new ProtocolError("handshake_required", "Send hello before any request."));
    }
    let handled: Handled;
    try {
      handled = this.options.handler.handleRequest(this, message);
    } catch (error) {
      return this.sendError(toProtocolError(error, this.options.log), message.id);
    }
    this.send(ackFor(message.id, handled.result));
    try {
      handled.afterAck?.();
    } catch (error) {
      this.options.log?.error({ err: error, request: message.type }, "failed after acknowledging a request");
    }
  }

  private binaryOnMessage(data: Buffer): void {
    if (this.state !== "ready") {
      return this.refuse(new ProtocolError("handshake_required", "Send hello before any frame."));
    }
    const frame = decodeChunkFrame(data);
    if (!frame.ok) return this.sendError(frame.error);
    try {
      this.options.handler.handleChunk(this, frame.value);
    } catch (error) {
      this.sendError(toProtocolError(error, this.options.log));
    }
  }

  private helloOnMessage(hello: HelloMessage): void {
    if (this.state === "ready") return this.refuse(new ProtocolError("handshake_required", "A second hello."));
    if (!isTokenValid(this.options.token, hello.token)) {
      return this.refuse(new ProtocolError("unauthorized", "Missing or wrong token."));
    }
    clearTimeout(this.handshakeTimer);
    this.state = "ready";
    this.clientName = hello.client;
    this.send({
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      daemon: { name: DAEMON_NAME, version: this.options.version, pid: process.pid, protocol: PROTOCOL_VERSION },
      capabilities: [...CAPABILITIES],
    });
  }

  /** Sends the error, then closes with the code's close code: connection-level failures end the connection. */
  private refuse(error: ProtocolError): void {
    if (this.state === "closed") return;
    this.sendError(error);
    const info = ERROR_CODES[error.code] as { closeCode?: number };
    this.close(info.closeCode ?? 1008, error.code);
  }

  private socketOnClose(): void {
    if (this.state === "closed") return;
    clearTimeout(this.handshakeTimer);
    const wasReady = this.state === "ready";
    this.state = "closed";
    if (wasReady) this.options.handler.connectionClosed(this);
  }
}

function ackFor(id: string, result: unknown): ServerMessage {
  if (result === undefined) return { type: "ack", id };
  if (typeof result === "object" && result !== null && "streamId" in result && Object.keys(result).length === 1) {
    return { type: "ack", id, streamId: (result as { streamId: number }).streamId };
  }
  return { type: "ack", id, result };
}

function toProtocolError(error: unknown, log: Logger | undefined): ProtocolError {
  if (isProtocolError(error)) return error;
  log?.error({ err: error }, "unexpected error while handling a request");
  const code: ErrorCode = "internal_error";
  return new ProtocolError(code, error instanceof Error ? error.message : String(error));
}
