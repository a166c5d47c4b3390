/**
 * The guard around every frame in ClientConnection, over a real `ws` socket pair: an exception nobody expected —
 * in validation, in handling or in writing the answer — must become one `internal_error` answer (with the request's
 * id when it was read), never escape the socket's message handler, where it would end the daemon.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { helloSchema, PROTOCOL_VERSION, requestSchema, type Request } from "@kokoro-speech/protocol";
import { ClientConnection, type Handled, type RequestHandler } from "../../../daemon/src/server/connection.js";

const TOKEN = "t0ken";

interface Harness {
  client: WebSocket;
  /** Text messages the client received, parsed, in order. */
  received: Array<Record<string, unknown>>;
  closed: Promise<number>;
  /** Resolves with the next `count` messages after the ones already seen. */
  next(count: number): Promise<Array<Record<string, unknown>>>;
}

let server: WebSocketServer | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
});

async function connect(handleRequest: (request: Request) => Handled): Promise<Harness> {
  server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  const handler: RequestHandler = {
    handleRequest: (_connection, request) => handleRequest(request),
    handleChunk: () => {
      throw new TypeError("a chunk handler bug");
    },
    connectionClosed: () => {},
  };
  server.on("connection", (socket) => new ClientConnection({ id: 1, socket, token: TOKEN, version: "test", handler }));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  client.on("message", (data, isBinary) => {
    if (!isBinary) received.push(JSON.parse(String(data)) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => client.on("close", (code) => resolve(code)));
  await once(client, "open");
  const next = async (count: number): Promise<Array<Record<string, unknown>>> => {
    const from = received.length;
    while (received.length < from + count) await new Promise<void>((resolve) => waiters.push(resolve));
    return received.slice(from, from + count);
  };
  return { client, received, closed, next };
}

function hello(client: WebSocket): void {
  client.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, client: "test", token: TOKEN }));
}

describe("ClientConnection's frame guard", () => {
  it("answers a request whose ack cannot be written with internal_error carrying its id, and keeps serving", async () => {
    // A BigInt makes JSON.stringify throw while the ack is written: after handling, outside the handler's own catch.
    const h = await connect((request) => (request.id === "bad" ? { result: { size: 1n } } : { result: { ok: 1 } }));
    hello(h.client);
    expect((await h.next(1))[0]).toMatchObject({ type: "welcome" });
    h.client.send(JSON.stringify({ type: "status", id: "bad" }));
    h.client.send(JSON.stringify({ type: "status", id: "good" }));
    expect(await h.next(2)).toEqual([
      expect.objectContaining({ type: "error", id: "bad", code: "internal_error", retryable: true }),
      { type: "ack", id: "good", result: { ok: 1 } },
    ]);
    h.client.close();
    expect(await h.closed).toBe(1005);
  });

  it("answers a validation that throws with internal_error carrying the request id", async () => {
    const h = await connect(() => ({}));
    hello(h.client);
    await h.next(1);
    vi.spyOn(requestSchema, "safeParse").mockImplementationOnce(() => {
      throw new TypeError("Cannot convert object to primitive value");
    });
    h.client.send(JSON.stringify({ type: "status", id: "v1" }));
    h.client.send(JSON.stringify({ type: "status", id: "v2" }));
    expect(await h.next(2)).toEqual([
      expect.objectContaining({ type: "error", id: "v1", code: "internal_error" }),
      { type: "ack", id: "v2" },
    ]);
    h.client.close();
  });

  it("refuses a hello whose validation throws with internal_error and close code 1011", async () => {
    const h = await connect(() => ({}));
    vi.spyOn(helloSchema, "safeParse").mockImplementationOnce(() => {
      throw new TypeError("Cannot convert object to primitive value");
    });
    hello(h.client);
    expect(await h.closed).toBe(1011);
    expect(h.received).toEqual([expect.objectContaining({ type: "error", code: "internal_error" })]);
    expect(h.received[0]).not.toHaveProperty("id");
  });

  it("answers a chunk whose handler throws with one internal_error without an id", async () => {
    const h = await connect(() => ({}));
    hello(h.client);
    await h.next(1);
    const frame = Buffer.alloc(24);
    frame.write("KSPC", 0, "latin1");
    frame.writeUInt8(1, 4);
    frame.writeUInt8(1, 5);
    frame.writeUInt8(1, 6);
    frame.writeUInt8(1, 7);
    frame.writeUInt32LE(1, 8);
    frame.writeUInt32LE(24_000, 16);
    h.client.send(frame);
    h.client.send(JSON.stringify({ type: "status", id: "after" }));
    const [error, ack] = await h.next(2);
    expect(error).toMatchObject({ type: "error", code: "internal_error" });
    expect(error).not.toHaveProperty("id");
    expect(ack).toEqual({ type: "ack", id: "after" });
    h.client.close();
  });
});
