import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downloadFile, openFileWriter, type OpenChunkWriter } from "../../../daemon/src/models/download.js";
import type { TransferProgress } from "../../../daemon/src/models/progress.js";
import { LocalFileServer } from "./local-file-server.js";
import { expectModelErrorCode } from "./model-fixtures.js";

const BODY = randomBytes(3 * 1024 * 1024 + 123);
const BODY_SHA256 = createHash("sha256").update(BODY).digest("hex");

let server: LocalFileServer;
let dir: string;
let destPath: string;

beforeEach(async () => {
  server = await LocalFileServer.start();
  dir = await mkdtemp(join(tmpdir(), "kokoro-download-"));
  destPath = join(dir, "nested", "model.onnx");
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Resolves once the file has exactly `sizeBytes` bytes: the client has written everything the server sent. */
async function waitForFileSize(path: string, sizeBytes: number): Promise<void> {
  while ((await stat(path).catch(() => undefined))?.size !== sizeBytes) await setTimeout(5);
}

/** Starts a download that stalls after `stallBytes`, waits until the client holds them, then breaks the connection. */
async function interruptedDownload(target: LocalFileServer, path: string, stallBytes: number): Promise<void> {
  target.serve(path, { body: BODY, stallOnceAfterBytes: stallBytes });
  const pending = download();
  await waitForFileSize(`${destPath}.part`, stallBytes);
  target.dropConnections();
  await expectModelErrorCode(pending, "interrupted");
}

function download(overrides: Partial<Parameters<typeof downloadFile>[0]> = {}) {
  return downloadFile({
    url: server.url("/model.onnx"),
    destPath,
    expectedBytes: BODY.length,
    sha256: BODY_SHA256,
    ...overrides,
  });
}

describe("downloadFile", () => {
  it("stores the verified file under its final name and leaves no partial file", async () => {
    server.serve("/model.onnx", { body: BODY });
    const progress: TransferProgress[] = [];
    const result = await download({ onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ path: destPath, bytes: BODY.length, sha256: BODY_SHA256, resumedFromBytes: 0 });
    expect((await readFile(destPath)).equals(BODY)).toBe(true);
    expect(existsSync(`${destPath}.part`)).toBe(false);
    expect(progress.at(-1)).toMatchObject({ bytesDone: BODY.length, bytesTotal: BODY.length, percent: 100 });
  });

  it("resumes an interrupted transfer with a Range request from the bytes already on disk", async () => {
    const partBytes = 1024 * 1024;
    await interruptedDownload(server, "/model.onnx", partBytes);
    const result = await download();
    expect(result.resumedFromBytes).toBe(partBytes);
    expect(server.requestsFor("/model.onnx").map((request) => request.range)).toEqual([
      undefined,
      `bytes=${partBytes}-`,
    ]);
    expect((await readFile(destPath)).equals(BODY)).toBe(true);
  });

  it("starts over when the server ignores Range and sends the whole file", async () => {
    server.serve("/model.onnx", { body: BODY, ignoreRange: true, stallOnceAfterBytes: 4096 });
    const pending = download();
    await waitForFileSize(`${destPath}.part`, 4096);
    server.dropConnections();
    await expectModelErrorCode(pending, "interrupted");
    const result = await download();
    expect(server.requestsFor("/model.onnx")[1]?.range).toBe("bytes=4096-");
    expect(result.resumedFromBytes).toBe(0);
    expect((await readFile(destPath)).equals(BODY)).toBe(true);
  });

  it("discards a corrupt partial file and fetches the whole file again", async () => {
    server.serve("/model.onnx", { body: BODY });
    await download().catch(() => undefined);
    await rm(destPath);
    await writeFile(`${destPath}.part`, randomBytes(1000));
    const result = await download();
    expect(result.resumedFromBytes).toBe(0);
    expect(server.requestsFor("/model.onnx").map((request) => request.range)).toEqual([
      undefined,
      "bytes=1000-",
      undefined,
    ]);
    expect((await readFile(destPath)).equals(BODY)).toBe(true);
  });

  it("restarts when the server answers 416 to a partial file of unknown expected size", async () => {
    server.serve("/model.onnx", { body: BODY });
    await download().catch(() => undefined);
    await rm(destPath);
    await writeFile(`${destPath}.part`, Buffer.concat([BODY, Buffer.from("extra")]));
    const result = await download({ expectedBytes: undefined });
    expect(result.resumedFromBytes).toBe(0);
    expect((await readFile(destPath)).equals(BODY)).toBe(true);
  });

  it("removes the file and reports checksum_mismatch when the sha256 differs", async () => {
    server.serve("/model.onnx", { body: BODY });
    await expectModelErrorCode(download({ sha256: "0".repeat(64) }), "checksum_mismatch");
    expect(existsSync(destPath)).toBe(false);
    expect(existsSync(`${destPath}.part`)).toBe(false);
  });

  it("reports size_mismatch before reading the body when the server's length differs from the catalogue", async () => {
    server.serve("/model.onnx", { body: BODY });
    await expectModelErrorCode(download({ expectedBytes: BODY.length - 1 }), "size_mismatch");
    expect(existsSync(`${destPath}.part`)).toBe(false);
  });

  it("reports http_404 for a missing file and writes nothing", async () => {
    await expectModelErrorCode(download({ url: server.url("/missing.onnx") }), "http_404");
    expect(existsSync(destPath)).toBe(false);
    expect(existsSync(`${destPath}.part`)).toBe(false);
  });

  it("reports http_status for a server error", async () => {
    server.serve("/model.onnx", { status: 503 });
    await expectModelErrorCode(download(), "http_status");
  });

  it("follows a redirect to another origin", async () => {
    const cdn = await LocalFileServer.start();
    try {
      cdn.serve("/blob/abc", { body: BODY });
      server.serve("/model.onnx", { redirectTo: cdn.url("/blob/abc") });
      const result = await download();
      expect(result.bytes).toBe(BODY.length);
      expect(server.requestsFor("/model.onnx")).toHaveLength(1);
      expect(cdn.requestsFor("/blob/abc")).toHaveLength(1);
    } finally {
      await cdn.close();
    }
  });

  it("re-sends the Range header after a redirect when resuming", async () => {
    const cdn = await LocalFileServer.start();
    try {
      server.serve("/model.onnx", { redirectTo: cdn.url("/blob/abc") });
      await interruptedDownload(cdn, "/blob/abc", 2048);
      const result = await download();
      expect(result.resumedFromBytes).toBe(2048);
      expect(cdn.requestsFor("/blob/abc")[1]?.range).toBe("bytes=2048-");
    } finally {
      await cdn.close();
    }
  });

  it("gives up with too_many_redirects on a redirect loop", async () => {
    server.serve("/model.onnx", { redirectTo: server.url("/model.onnx") });
    await expectModelErrorCode(download({ maxRedirects: 3 }), "too_many_redirects");
    expect(server.requestsFor("/model.onnx")).toHaveLength(4);
  });

  it("reports offline when nothing listens at the host", async () => {
    const gone = await LocalFileServer.start();
    const url = gone.url("/model.onnx");
    await gone.close();
    await expectModelErrorCode(download({ url }), "offline");
  });

  it("reports disk_full when a write fails with ENOSPC, keeps the partial file and resumes later", async () => {
    server.serve("/model.onnx", { body: BODY });
    const capacityBytes = 512 * 1024;
    // The injected writer stands in for a nearly full disk: real writes until the capacity, then ENOSPC.
    const nearlyFullDisk: OpenChunkWriter = async (path, mode) => {
      const writer = await openFileWriter(path, mode);
      let writtenBytes = 0;
      return {
        async write(chunk) {
          if (writtenBytes + chunk.length > capacityBytes) {
            throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
          }
          await writer.write(chunk);
          writtenBytes += chunk.length;
        },
        close: () => writer.close(),
      };
    };
    await expectModelErrorCode(download({ openWriter: nearlyFullDisk }), "disk_full");
    const partBytes = (await stat(`${destPath}.part`)).size;
    expect(partBytes).toBeGreaterThan(0);
    expect(partBytes).toBeLessThanOrEqual(capacityBytes);

    const result = await download();
    expect(result.resumedFromBytes).toBe(partBytes);
    expect((await readFile(destPath)).equals(BODY)).toBe(true);
  });

  it("reports timeout when the server stops sending, keeping the partial file", async () => {
    server.serve("/model.onnx", { body: BODY, stallOnceAfterBytes: 1000 });
    await expectModelErrorCode(download({ idleTimeoutMs: 200 }), "timeout");
    expect((await stat(`${destPath}.part`)).size).toBe(1000);
  });

  it("reports aborted when the caller cancels mid-transfer", async () => {
    server.serve("/model.onnx", { body: BODY, stallOnceAfterBytes: 1000 });
    const controller = new AbortController();
    const pending = download({ signal: controller.signal });
    await waitForFileSize(`${destPath}.part`, 1000);
    controller.abort();
    await expectModelErrorCode(pending, "aborted");
    expect((await stat(`${destPath}.part`)).size).toBe(1000);
  });
});
