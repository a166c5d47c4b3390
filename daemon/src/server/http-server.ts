import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { HEARTBEAT_INTERVAL_MS, MAX_MESSAGE_BYTES, WEBSOCKET_PATH, type DaemonIdentity } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { WebSocketServer, type WebSocket } from "ws";

/** The daemon listens on loopback only; nothing else on the network can reach it. */
export const LISTEN_HOST = "127.0.0.1";

export interface HttpServerOptions {
  port: number;
  identity: DaemonIdentity;
  /** JSON for `GET /status`. */
  status: () => unknown;
  /** Prometheus text for `GET /metrics`. */
  metrics: () => { contentType: string; body: string };
  /**
   * Further HTTP endpoints (e.g. the OpenAI-compatible API), consulted after the origin and host checks and before
   * the built-in ones; returns true when it took the request.
   */
  routes?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** A WebSocket that passed the origin and host checks. */
  onConnection: (socket: WebSocket) => void;
  log?: Logger;
}

export interface RunningHttpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Browsers send `Origin` on every cross-site request and WebSocket; a page must never drive the daemon, so any
 * request carrying one is refused. The Host check defeats DNS rebinding (a hostile name resolving to 127.0.0.1).
 */
function isRequestAllowed(request: IncomingMessage, port: number): boolean {
  if (request.headers.origin !== undefined) return false;
  const host = request.headers.host;
  return host === `${LISTEN_HOST}:${port}` || host === `localhost:${port}`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(text);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts HTTP (`/health`, `/status`) and the WebSocket endpoint on one port. Rejects with EADDRINUSE when taken. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = options.port;

  // Node answers a request without `Host` with its own 400 unless told not to; the Host check below refuses it
  // with 403 like any other wrong Host.
  const server: Server = createServer({ requireHostHeader: false }, (request, response) => {
    if (!isRequestAllowed(request, port)) return sendJson(response, 403, { error: "forbidden" });
    if (options.routes?.(request, response)) return;
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET") return sendJson(response, 405, { error: "method not allowed" });
    if (path === "/health") return sendJson(response, 200, options.identity);
    if (path === "/status") return sendJson(response, 200, options.status());
    if (path === "/metrics") {
      const { contentType, body } = options.metrics();
      response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
      return void response.end(body);
    }
    sendJson(response, 404, { error: "not found" });
  });

  server.on("upgrade", (request, socket, head) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== WEBSOCKET_PATH) return refuseUpgrade(socket, 404, "Not Found");
    if (!isRequestAllowed(request, port)) return refuseUpgrade(socket, 403, "Forbidden");
    wss.handleUpgrade(request, socket, head, (ws) => options.onConnection(withHeartbeat(ws)));
  });

  const alive = new WeakSet<WebSocket>();
  function withHeartbeat(ws: WebSocket): WebSocket {
    alive.add(ws);
    ws.on("pong", () => alive.add(ws));
    return ws;
  }
  // A client that vanished without closing (sleep, crash) misses a pong and is dropped; its streams continue.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, LISTEN_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address && typeof address === "object") port = address.port;

  return {
    port,
    close: async () => {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(1001, "daemon shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
