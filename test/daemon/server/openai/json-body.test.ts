import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJsonBody } from "../../../../daemon/src/server/openai/json-body.js";
import { sendOpenAiError, toOpenAiHttpError } from "../../../../daemon/src/server/openai/openai-error.js";

const MAX_BYTES = 1024;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    readJsonBody(request, MAX_BYTES).then(
      (body) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ echo: body }));
      },
      (error: unknown) => sendOpenAiError(response, toOpenAiHttpError(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Answer {
  status: number;
  body: { echo?: unknown; error?: { code: string } };
}

/** Sends `chunks` as the body; `contentLength` declares a length, otherwise the body goes chunked. */
function post(chunks: string[], contentLength?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (contentLength !== undefined) headers["content-length"] = String(contentLength);
    const request = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/", headers }, (response) => {
      let text = "";
      response.on("data", (data: Buffer) => (text += data.toString()));
      response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) as Answer["body"] }));
    });
    // The server may answer (and close) before the whole body is sent; that is what is being tested.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    for (const chunk of chunks) request.write(chunk);
    if (contentLength === undefined) request.end();
  });
}

describe("readJsonBody", () => {
  it("parses a JSON body sent in pieces", async () => {
    const answer = await post(['{"input":', '"hello"}']);
    expect(answer).toEqual({ status: 200, body: { echo: { input: "hello" } } });
  });

  it("accepts a body of exactly the limit", async () => {
    const body = JSON.stringify({ input: "a".repeat(MAX_BYTES - 12) });
    expect(body.length).toBe(MAX_BYTES);
    expect((await post([body])).status).toBe(200);
  });

  it("refuses a declared length over the limit before reading the body, with 413 message_too_large", async () => {
    const answer = await post(["{}"], MAX_BYTES + 1);
    expect(answer).toMatchObject({ status: 413, body: { error: { code: "message_too_large" } } });
  });

  it("refuses a chunked body once it grows past the limit, with 413 message_too_large", async () => {
    const answer = await post(['{"input":"', "a".repeat(MAX_BYTES), '"}']);
    expect(answer).toMatchObject({ status: 413, body: { error: { code: "message_too_large" } } });
  });

  it("refuses a body that is not JSON with 400 invalid_message", async () => {
    const answer = await post(["{input: hello"]);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "invalid_message" } } });
  });
});
