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
} from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import type WebSocket from "ws";
import { markStartup } from "../telemetry/startup-timeline.js";
import { isTokenValid } from "./token.js";

/** WebSocket close code for "the server met an unexpected condition" (RFC 6455 §7.4.1). */
export const INTERNAL_ERROR_CLOSE_CODE = 1011;

/**
 * What became of one request frame so far: its id once read, and whether its ack was sent. Every other answer is
 * the last thing its path does, so an exception before it means the frame has no answer yet.
 */
interface FrameProgress {
  id?: string;
  answered: boolean;
}

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

  /**
   * The one guard around every frame: parsing, validation and handling run inside it, so no frame, however hostile,
   * can throw out of the connection. An unexpected exception is logged and becomes `internal_error`: the answer to
   * the request when its id was read and it had no answer yet; before the handshake, a refusal that closes the
   * connection with 1011.
   */
  private socketOnMessage(data: Buffer, isBinary: boolean): void {
    if (this.state === "closed") return;
    const frame: FrameProgress = { answered: false };
    try {
      if (isBinary) this.binaryOnMessage(data);
      else this.textOnMessage(data.toString("utf8"), frame);
    } catch (error) {
      this.frameFailed(error, frame);
    }
  }

  private frameFailed(error: unknown, frame: FrameProgress): void {
    this.options.log?.error({ err: error, connection: this.id }, "unexpected error while handling a frame");
    const internal = new ProtocolError("internal_error", "The daemon failed to handle this frame; it keeps running.");
    try {
      if (this.state === "awaiting_hello") this.refuse(internal);
      else if (!frame.answered) this.sendError(internal, frame.id);
    } catch (sendFailure) {
      // Not even an error can be sent: this connection is broken, the daemon is not.
      this.options.log?.error({ err: sendFailure, connection: this.id }, "cannot answer; dropping the client");
      this.options.socket.terminate();
    }
  }

  private textOnMessage(text: string, frame: FrameProgress): void {
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      if (parsed.error.code === "internal_error") {
        this.options.log?.error({ err: parsed.error.cause, connection: this.id }, "validating a frame failed");
      }
      if (this.state === "awaiting_hello") this.refuse(handshakeRefusal(parsed.error));
      else this.sendError(parsed.error, parsed.id);
      return;
    }
    const message = parsed.value;
    if (message.type === "hello") return this.helloOnMessage(message);
    if (this.state !== "ready") {
      return this.refuse(new ProtocolError("handshake_required", "Send hello before any request."));
    }
    frame.id = message.id;
    let handled: Handled;
    try {
      handled = this.options.handler.handleRequest(this, message);
    } catch (error) {
      return this.sendError(toProtocolError(error, this.options.log), message.id);
    }
    this.send(ackFor(message.id, handled.result));
    frame.answered = true;
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
    markStartup("firstHandshake");
  }

  /** Sends the error, then closes with the code's close code: connection-level failures end the connection. */
  private refuse(error: ProtocolError): void {
    if (this.state === "closed") return;
    this.sendError(error);
    const info = ERROR_CODES[error.code] as { closeCode?: number };
    this.close(info.closeCode ?? (error.code === "internal_error" ? INTERNAL_ERROR_CLOSE_CODE : 1008), error.code);
  }

  private socketOnClose(): void {
    if (this.state === "closed") return;
    clearTimeout(this.handshakeTimer);
    const wasReady = this.state === "ready";
    this.state = "closed";
    if (wasReady) this.options.handler.connectionClosed(this);
  }
}

/**
 * Before the handshake every bad frame closes the connection; version, token and internal failures keep their own
 * codes, everything else is `handshake_required`.
 */
function handshakeRefusal(error: ProtocolError): ProtocolError {
  if (error.code === "protocol_mismatch" || error.code === "unauthorized" || error.code === "internal_error") {
    return error;
  }
  return new ProtocolError("handshake_required", error.message);
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
