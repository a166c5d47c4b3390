/**
 * The daemon's door: a wrong or missing token, a browser page, a mismatched protocol or a request before `hello`
 * must each be refused with its own code. If one got through, any local web page could make the machine speak.
 */
import { access } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { DaemonClient, PROTOCOL_VERSION, ProtocolError, STATE_FILES } from "@kokoro-speech/protocol";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";

let daemon: DaemonProcess;

beforeAll(async () => {
  // No model and no fallback voice: `speak` must answer model_unavailable.
  daemon = await startDaemonProcess({ sink: "null", extraArgs: ["--no-fallback-voice"] });
});

afterAll(async () => {
  await daemon.stop();
});

async function refusalCode(connect: () => Promise<DaemonClient>): Promise<string> {
  try {
    const client = await connect();
    await client.close();
  } catch (error) {
    return error instanceof ProtocolError ? error.code : String((error as Error).message);
  }
  return "accepted";
}

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: daemon.port, path, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Opens a raw WebSocket and reports how the daemon answered: the first message, the close code, or the HTTP status. */
function rawSocketOutcome(
  options: { headers?: Record<string, string>; origin?: string },
  firstMessage?: string,
): Promise<{ httpStatus?: number; closeCode?: number; message?: string }> {
  return new Promise((resolve) => {
    const outcome: { httpStatus?: number; closeCode?: number; message?: string } = {};
    const socket = new WebSocket(`ws://127.0.0.1:${daemon.port}/ws`, options);
    socket.on("unexpected-response", (_req, res) => {
      resolve({ httpStatus: res.statusCode });
      socket.terminate();
    });
    socket.on("error", () => {});
    socket.on("open", () => firstMessage !== undefined && socket.send(firstMessage));
    socket.on("message", (data) => (outcome.message ??= data.toString()));
    socket.on("close", (code) => resolve({ ...outcome, closeCode: code }));
  });
}

describe("handshake refusals", () => {
  it("accepts the right token and says who it is", async () => {
    const client = await daemon.connect();
    expect(client.welcome.daemon).toMatchObject({ name: "kokoro-speech", pid: daemon.pid, protocol: PROTOCOL_VERSION });
    await client.close();
  });

  it("refuses a wrong token with unauthorized", async () => {
    const code = await refusalCode(() =>
      DaemonClient.connect({ port: daemon.port, token: "0".repeat(64), clientName: "intruder" }),
    );
    expect(code).toBe("unauthorized");
  });

  it("refuses a missing token with unauthorized", async () => {
    expect(await refusalCode(() => DaemonClient.connect({ port: daemon.port, token: "", clientName: "t" }))).toBe(
      "unauthorized",
    );
  });

  it("closes a refused handshake with the documented close code", async () => {
    const hello = JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, client: "t", token: "wrong" });
    const outcome = await rawSocketOutcome({}, hello);
    expect(outcome.closeCode).toBe(4003);
    expect(JSON.parse(outcome.message!)).toMatchObject({ type: "error", code: "unauthorized" });
  });

  it("refuses another protocol version with protocol_mismatch and close code 4001", async () => {
    const code = await refusalCode(() =>
      DaemonClient.connect({ port: daemon.port, token: daemon.token, clientName: "t", protocolVersion: 99 }),
    );
    expect(code).toBe("protocol_mismatch");
    const hello = JSON.stringify({ type: "hello", protocol: 99, client: "t", token: daemon.token });
    expect((await rawSocketOutcome({}, hello)).closeCode).toBe(4001);
  });

  it("refuses a hello with no token field at all as a missing token: unauthorized, close code 4003", async () => {
    const hello = JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, client: "t" });
    const outcome = await rawSocketOutcome({}, hello);
    expect(outcome.closeCode).toBe(4003);
    expect(JSON.parse(outcome.message!)).toMatchObject({ type: "error", code: "unauthorized" });
  });

  it("refuses a request sent before hello with handshake_required", async () => {
    const outcome = await rawSocketOutcome({}, JSON.stringify({ type: "status", id: "1" }));
    expect(outcome.closeCode).toBe(4002);
    expect(JSON.parse(outcome.message!)).toMatchObject({ code: "handshake_required" });
  });

  it("refuses a browser Origin before any WebSocket is opened", async () => {
    expect((await rawSocketOutcome({ origin: "https://example.com" })).httpStatus).toBe(403);
  });

  it("refuses a foreign Host header (DNS rebinding)", async () => {
    expect((await rawSocketOutcome({ headers: { host: "evil.example:80" } })).httpStatus).toBe(403);
  });

  it("refuses an upgrade without a Host header with 403", async () => {
    const upgrade =
      "GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n" +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    expect(await rawHttpStatusLine(upgrade)).toBe("HTTP/1.1 403 Forbidden");
  });
});

/**
 * The frames that crashed the daemon before authentication and after it (issue 12): a value whose keys shadow
 * `valueOf` and `toString` where a string or an array belongs. Each must be refused with its code while the daemon
 * keeps running and keeps its discovery file.
 */
describe("hostile values never take the daemon down", () => {
  const bomb = { length: { valueOf: 0, toString: 0 } };

  it.each(["client", "token"])("refuses a hello whose %s shadows valueOf and toString", async (field) => {
    const hello = { type: "hello", protocol: PROTOCOL_VERSION, client: "t", token: daemon.token, [field]: bomb };
    const outcome = await rawSocketOutcome({}, JSON.stringify(hello));
    expect(outcome.closeCode).toBe(4002);
    expect(JSON.parse(outcome.message!)).toMatchObject({ type: "error", code: "handshake_required" });
    expect(await daemonStillServes()).toBe(true);
  });

  it("answers such a request id and such subscribe topics with invalid_message", async () => {
    const client = await daemon.connect();
    const errors: Array<{ code: string; id?: string }> = [];
    client.on("error", (error) => errors.push({ code: error.code }));
    client.sendRawText(JSON.stringify({ type: "status", id: bomb }));
    await expect(client.request({ type: "subscribe", topics: bomb as unknown as [] })).rejects.toMatchObject({
      code: "invalid_message",
    });
    expect(errors).toEqual([{ code: "invalid_message" }]);
    expect((await client.status()).daemon.pid).toBe(daemon.pid);
    await client.close();
    expect(await daemonStillServes()).toBe(true);
  });
});

/** The daemon process runs, its discovery file is in place, and a new client is served. */
async function daemonStillServes(): Promise<boolean> {
  if (daemon.child.exitCode !== null) return false;
  await access(join(daemon.stateDir, STATE_FILES.discovery));
  const client = await daemon.connect();
  const { pid } = (await client.status()).daemon;
  await client.close();
  return pid === daemon.pid;
}

/** Sends raw bytes to the daemon's port and returns the first line of the answer. */
function rawHttpStatusLine(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(daemon.port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (data: Buffer) => {
      answer += data.toString("latin1");
      // The status line is all this needs; a kept-alive connection would otherwise stay open for seconds.
      if (answer.includes("\r\n")) socket.destroy();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer.split("\r\n")[0]!));
  });
}

describe("HTTP endpoints", () => {
  it("refuses a request without a Host header with 403, as any other wrong Host", async () => {
    expect(await rawHttpStatusLine("GET /health HTTP/1.1\r\n\r\n")).toBe("HTTP/1.1 403 Forbidden");
    expect(await rawHttpStatusLine("GET /health HTTP/1.0\r\n\r\n")).toBe("HTTP/1.1 403 Forbidden");
  });

  it("GET /health returns identity and no secret", async () => {
    const { status, body } = await get("/health");
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({
      name: "kokoro-speech",
      version: expect.any(String),
      pid: daemon.pid,
      protocol: 1,
    });
    expect(body).not.toContain(daemon.token);
  });

  it("refuses a browser Origin on HTTP too", async () => {
    expect((await get("/health", { origin: "https://example.com" })).status).toBe(403);
  });

  it("answers unknown paths with 404", async () => {
    expect((await get("/nope")).status).toBe(404);
  });
});

describe("bad requests leave the connection and the daemon running", () => {
  it("answers each bad message with its code and keeps serving", async () => {
    const client = await daemon.connect();
    const errors: string[] = [];
    client.on("error", (error) => errors.push(error.code));
    client.sendRawText("not json");
    client.sendRawText(JSON.stringify({ type: "fly", id: "x" }));
    client.sendRawBinary(Buffer.from("garbage"));
    await expect(client.request({ type: "pause", streamId: 12345 })).rejects.toMatchObject({ code: "no_such_stream" });
    await expect(client.request({ type: "speak", text: "hello" })).rejects.toMatchObject({ code: "model_unavailable" });
    await expect(client.request({ type: "speak", text: "  " })).rejects.toMatchObject({ code: "empty_text" });
    await expect(client.request({ type: "speak", text: "hi", speed: 3 })).rejects.toMatchObject({
      code: "speed_out_of_range",
    });
    expect(errors).toEqual(["invalid_message", "unknown_type", "invalid_frame"]);
    expect((await client.status()).daemon.pid).toBe(daemon.pid);
    await client.close();
  });
});
