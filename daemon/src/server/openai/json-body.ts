/**
 * Reads a request body as JSON with a size limit checked twice: the declared `Content-Length` before reading, and
 * the bytes actually received while reading (a chunked body declares nothing), so an oversized body is refused
 * before it piles up in memory.
 */
import type { IncomingMessage } from "node:http";
import { OpenAiHttpError } from "./openai-error.js";

function tooLarge(maxBytes: number): OpenAiHttpError {
  // The unread rest of the body would otherwise be parsed as the next request on a kept-alive connection.
  return new OpenAiHttpError(413, "message_too_large", `The request body exceeds ${maxBytes} bytes.`, {
    headers: { connection: "close" },
  });
}

/** Resolves with the parsed body; rejects with 413 `message_too_large` or 400 `invalid_message`. */
export function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declaredBytes = Number(request.headers["content-length"]);
  if (declaredBytes > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    const requestOnData = (chunk: Buffer): void => {
      receivedBytes += chunk.byteLength;
      if (receivedBytes > maxBytes) {
        cleanup();
        request.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const requestOnEnd = (): void => {
      cleanup();
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new OpenAiHttpError(400, "invalid_message", "The request body is not valid JSON."));
      }
    };
    const requestOnError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    // A client that disconnects mid-body: `end` never comes, and the handler must not wait for it.
    const requestOnClose = (): void => {
      if (request.complete) return;
      cleanup();
      reject(new Error("The client closed the connection before the body ended."));
    };
    const cleanup = (): void => {
      request.off("data", requestOnData);
      request.off("end", requestOnEnd);
      request.off("error", requestOnError);
      request.off("close", requestOnClose);
    };
    request.on("data", requestOnData);
    request.on("end", requestOnEnd);
    request.on("error", requestOnError);
    request.on("close", requestOnClose);
  });
}
