/**
 * DaemonClient against a real WebSocket server on 127.0.0.1 that plays the daemon's side of each exchange, so the
 * client's handshake, request matching, error mapping and stream bookkeeping run over real sockets.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import {
  DAEMON_NAME,
  DaemonClient,
  decodeChunkFrame,
  encodeChunkFrame,
  PROTOCOL_VERSION,
  WEBSOCKET_PATH,
  type ServerMessage,
  type WelcomeMessage,
} from "@kokoro-speech/protocol";

const TOKEN = "secret-token";

const WELCOME: WelcomeMessage = {
  type: "welcome",
  protocol: PROTOCOL_VERSION,
  daemon: { name: DAEMON_NAME, version: "0.0.0-test", pid: 1, protocol: PROTOCOL_VERSION },
  capabilities: ["speak", "play"],
};

/** What the server side of one connection does with each text message it receives. */
type TextHandler = (socket: WebSocket, message: Record<string, unknown>) => void;

interface Peer {
  port: number;
  /** Every message (parsed JSON) and binary frame the server received, in order. */
  received: (Record<string, unknown> | Buffer)[];
}

const servers: WebSocketServer[] = [];

async function startPeer(onText: TextHandler, onBinary?: (socket: WebSocket, data: Buffer) => void): Promise<Peer> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, path: WEBSOCKET_PATH });
  servers.push(server);
  await once(server, "listening");
  const received: Peer["received"] = [];
  server.on("connection", (socket) => {
    socket.on("message", (data: Buffer, isBinary) => {
      if (isBinary) {
        received.push(data);
        onBinary?.(socket, data);
        return;
      }
      const message = JSON.parse(data.toString("utf8")) as Record<string, unknown>;
      received.push(message);
      onText(socket, message);
    });
  });
  return { port: (server.address() as AddressInfo).port, received };
}

function send(socket: WebSocket, message: ServerMessage | Record<string, unknown>): void {
  socket.send(JSON.stringify(message));
}

/** Welcomes a hello and hands every later request to `onRequest`. */
function daemonLike(onRequest: TextHandler = () => {}): TextHandler {
  return (socket, message) => {
    if (message.type === "hello") send(socket, WELCOME);
    else onRequest(socket, message);
  };
}

async function connect(port: number, token = TOKEN): Promise<DaemonClient> {
  return DaemonClient.connect({ port, token, clientName: "client-test" });
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const socket of server.clients) socket.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe("DaemonClient.connect", () => {
  it("sends hello with the protocol version, client name and token, and keeps the welcome", async () => {
    const peer = await startPeer(daemonLike());
    const client = await connect(peer.port);
    expect(peer.received[0]).toEqual({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      client: "client-test",
      token: TOKEN,
    });
    expect(client.welcome).toEqual(WELCOME);
    expect(client.isOpen).toBe(true);
    await client.close();
    expect(client.isOpen).toBe(false);
  });

  it("rejects with the daemon's refusal code when the hello is refused", async () => {
    const peer = await startPeer((socket) => {
      send(socket, { type: "error", code: "unauthorized", message: "Missing or wrong token.", retryable: false });
      socket.close(4003, "unauthorized");
    });
    await expect(connect(peer.port, "wrong")).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("maps a bare close code to its error code", async () => {
    const peer = await startPeer((socket) => socket.close(4001, ""));
    await expect(connect(peer.port)).rejects.toMatchObject({ code: "protocol_mismatch" });
  });

  it("refuses a listener whose welcome names another program", async () => {
    const peer = await startPeer((socket) => send(socket, { ...WELCOME, daemon: { ...WELCOME.daemon, name: "x" } }));
    await expect(connect(peer.port)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses a first answer that is not a welcome", async () => {
    const peer = await startPeer((socket) => send(socket, { type: "ack", id: "r1" }));
    await expect(connect(peer.port)).rejects.toMatchObject({ code: "invalid_message" });
  });

  it("rejects with ECONNREFUSED when nothing listens", async () => {
    const peer = await startPeer(daemonLike());
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(connect(peer.port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("DaemonClient.request", () => {
  it("matches acks to requests by id, even when they are answered out of order", async () => {
    const held: Record<string, unknown>[] = [];
    const peer = await startPeer(
      daemonLike((socket, message) => {
        held.push(message);
        if (held.length < 2) return;
        for (const request of held.reverse()) send(socket, { type: "ack", id: request.id, streamId: request.streamId });
      }),
    );
    const client = await connect(peer.port);
    const [first, second] = await Promise.all([
      client.request({ type: "end", streamId: 11 }),
      client.request({ type: "end", streamId: 22 }),
    ]);
    expect(first.streamId).toBe(11);
    expect(second.streamId).toBe(22);
    expect(first.id).not.toBe(second.id);
    await client.close();
  });

  it("rejects with a ProtocolError carrying the daemon's code, retryable flag and stream id", async () => {
    const peer = await startPeer(
      daemonLike((socket, message) =>
        send(socket, {
          type: "error",
          id: message.id,
          code: "queue_full",
          message: "32 streams are already queued.",
          retryable: true,
          streamId: 5,
        }),
      ),
    );
    const client = await connect(peer.port);
    await expect(client.request({ type: "play", queue: "enqueue" })).rejects.toMatchObject({
      name: "ProtocolError",
      code: "queue_full",
      retryable: true,
      streamId: 5,
      message: "32 streams are already queued.",
    });
    await client.close();
  });

  it("maps an error code it does not know to internal_error", async () => {
    const peer = await startPeer(
      daemonLike((socket, message) =>
        send(socket, { type: "error", id: message.id, code: "from_the_future", message: "?", retryable: false }),
      ),
    );
    const client = await connect(peer.port);
    await expect(client.request({ type: "status" })).rejects.toMatchObject({ code: "internal_error" });
    await client.close();
  });

  it("rejects pending requests with daemon_unreachable when the connection closes", async () => {
    const peer = await startPeer(daemonLike((socket) => socket.close(1001, "daemon shutting down")));
    const client = await connect(peer.port);
    await expect(client.request({ type: "status" })).rejects.toMatchObject({ code: "daemon_unreachable" });
    await expect(client.request({ type: "status" })).rejects.toMatchObject({ code: "daemon_unreachable" });
  });

  it("returns the status result", async () => {
    const status = { daemon: { name: DAEMON_NAME }, player: { state: "idle" } };
    const peer = await startPeer(
      daemonLike((socket, message) => send(socket, { type: "ack", id: message.id, result: status })),
    );
    const client = await connect(peer.port);
    expect(await client.status()).toEqual(status);
    await client.close();
  });
});

describe("DaemonClient streams", () => {
  const completed = { type: "event", streamId: 3, seq: 1, event: "completed", at: 0, samplesPlayed: 48 };

  it("resolves waitForTerminal with a terminal event that arrived before the wait", async () => {
    const peer = await startPeer(
      daemonLike((socket, message) => {
        send(socket, { type: "event", streamId: 3, seq: 0, event: "started", at: 0, kind: "play" });
        send(socket, completed);
        send(socket, { type: "ack", id: message.id, streamId: 3 });
      }),
    );
    const client = await connect(peer.port);
    const events: unknown[] = [];
    client.on("event", (event) => events.push(event));
    const ack = await client.request({ type: "play" });
    expect(await client.waitForTerminal(ack.streamId!)).toEqual(completed);
    expect(events.map((event) => (event as { event: string }).event)).toEqual(["started", "completed"]);
    await client.close();
  });

  it("requestStream names the stream before the chunks that came in the same read as its ack are dispatched", async () => {
    const pcm = new Uint8Array([1, 2, 3, 4]);
    const peer = await startPeer(
      daemonLike((socket, message) => {
        // One TCP write, so the client reads the ack and the chunk together (as a busy daemon's socket does).
        const tcp = (socket as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
        tcp.cork();
        send(socket, { type: "ack", id: message.id, streamId: 3 });
        socket.send(encodeChunkFrame({ streamId: 3, seq: 0, pcm }));
        tcp.uncork();
      }),
    );
    const client = await connect(peer.port);
    let streamId: number | undefined;
    const heard: number[][] = [];
    client.on("chunk", (frame) => {
      if (frame.streamId === streamId) heard.push([...frame.pcm]);
    });
    await client.requestStream({ type: "speak", text: "x", output: "client" }, (ack) => (streamId = ack.streamId));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streamId).toBe(3);
    expect(heard).toEqual([[...pcm]]);
    await client.close();
  });

  it("rejects waitForTerminal with daemon_unreachable once the connection has closed", async () => {
    const peer = await startPeer(daemonLike());
    const client = await connect(peer.port);
    const waiting = client.waitForTerminal(4);
    await client.close();
    await expect(waiting).rejects.toMatchObject({ code: "daemon_unreachable" });
    await expect(client.waitForTerminal(4)).rejects.toMatchObject({ code: "daemon_unreachable" });
  });

  it("sends chunk frames the daemon can decode", async () => {
    const peer = await startPeer(daemonLike((socket, message) => send(socket, { type: "ack", id: message.id })));
    const client = await connect(peer.port);
    client.sendChunk(9, 0, Uint8Array.of(1, 2, 3, 4));
    // One socket keeps order: once the later request is acknowledged, the chunk has arrived.
    await client.request({ type: "status" });
    const frame = peer.received.find((entry): entry is Buffer => Buffer.isBuffer(entry));
    const decoded = decodeChunkFrame(frame!);
    expect(decoded.ok && decoded.value).toMatchObject({ streamId: 9, seq: 0 });
    expect(decoded.ok && [...decoded.value.pcm]).toEqual([1, 2, 3, 4]);
    await client.close();
  });

  it("emits chunk frames, skips undecodable ones, and emits errors not tied to a request", async () => {
    const peer = await startPeer(
      daemonLike((socket, message) => {
        socket.send(Buffer.from("not a frame"));
        socket.send(encodeChunkFrame({ streamId: 2, seq: 7, pcm: Uint8Array.of(9, 9) }));
        send(socket, { type: "error", code: "out_of_order", message: "gap", retryable: false, streamId: 2 });
        send(socket, { type: "ack", id: message.id });
      }),
    );
    const client = await connect(peer.port);
    const chunks: unknown[] = [];
    const errors: unknown[] = [];
    client.on("chunk", (chunk) => chunks.push(chunk));
    client.on("error", (error) => errors.push(error));
    await client.request({ type: "status" });
    expect(chunks).toEqual([expect.objectContaining({ streamId: 2, seq: 7 })]);
    expect(errors).toEqual([expect.objectContaining({ code: "out_of_order", streamId: 2 })]);
    await client.close();
  });
});
