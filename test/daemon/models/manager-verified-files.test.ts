/**
 * A start after the first does not hash the installed files again, unless they changed. What the manager read is
 * observed from outside it: the kernel's count of bytes this process read (`rchar` in /proc/self/io; Vitest runs each
 * test file in a process of its own, one test at a time).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ModelManager } from "../../../daemon/src/models/manager.js";
import { VERIFIED_FILES_NAME } from "../../../daemon/src/models/verified-files.js";
import { LocalFileServer } from "./local-file-server.js";
import { buildTestCatalog, type TestCatalog } from "./model-fixtures.js";

let server: LocalFileServer;
let dir: string;
let dataDir: string;
let fixtures: TestCatalog;
/** What the installed model and voices archive hold together: a full verification reads at least this much. */
let installedBytes: number;

beforeEach(async () => {
  server = await LocalFileServer.start();
  dir = await mkdtemp(join(tmpdir(), "kokoro-verified-"));
  dataDir = join(dir, "data");
  fixtures = await buildTestCatalog(dir);
  server.serve("/release/kokoro-v1.0.int8.onnx", { body: fixtures.models.int8 });
  server.serve("/release/voices-v1.0.bin", { body: fixtures.voicesArchive });
  installedBytes = fixtures.models.int8.length + fixtures.voicesArchive.length;
  await manager().ensure({ model: "int8" });
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function manager(): ModelManager {
  return new ModelManager({ dataDir, baseUrl: server.url("/release/"), catalog: fixtures.catalog });
}

function bytesReadByThisProcess(): number {
  const match = /^rchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"));
  if (!match) throw new Error("/proc/self/io has no rchar line");
  return Number(match[1]);
}

async function bytesReadBy(action: () => Promise<unknown>): Promise<number> {
  const before = bytesReadByThisProcess();
  await action();
  return bytesReadByThisProcess() - before;
}

const modelPath = (): string => join(dataDir, "kokoro-v1.0.int8.onnx");

describe.runIf(process.platform === "linux")("ModelManager: files verified once", () => {
  it("does not read the installed files whole on a later start, and downloads nothing", async () => {
    const requests = server.requests.length;
    const read = await bytesReadBy(() => manager().ensure({ model: "int8" }));
    expect(read).toBeLessThan(installedBytes / 4);
    expect(server.requests.length).toBe(requests);
  });

  it("hashes again when the record is gone", async () => {
    await rm(join(dataDir, VERIFIED_FILES_NAME));
    const read = await bytesReadBy(() => manager().ensure({ model: "int8" }));
    expect(read).toBeGreaterThanOrEqual(installedBytes);
  });

  it("hashes again when the record is not valid JSON", async () => {
    await writeFile(join(dataDir, VERIFIED_FILES_NAME), "{ torn");
    const read = await bytesReadBy(() => manager().ensure({ model: "int8" }));
    expect(read).toBeGreaterThanOrEqual(installedBytes);
  });

  it("catches a same-size change whose modification time was put back, and downloads the file again", async () => {
    // A whole second, which utimes sets exactly; the manager then records the file with that time.
    const wholeSecond = Math.floor(Date.now() / 1000) - 60;
    await utimes(modelPath(), wholeSecond, wholeSecond);
    await manager().ensure({ model: "int8" });
    const before = await stat(modelPath());
    const tampered = Buffer.from(fixtures.models.int8);
    tampered[tampered.length - 1000] = (tampered[tampered.length - 1000] ?? 0) ^ 0xff;
    await writeFile(modelPath(), tampered);
    await utimes(modelPath(), wholeSecond, wholeSecond);
    const after = await stat(modelPath());
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const requests = server.requests.length;
    await manager().ensure({ model: "int8" });
    expect(server.requests.length).toBe(requests + 1);
    expect((await readFile(modelPath())).equals(fixtures.models.int8)).toBe(true);
  });

  it("re-hashes a file whose stamp names another hash (a record written for other contents)", async () => {
    const record = JSON.parse(await readFile(join(dataDir, VERIFIED_FILES_NAME), "utf8")) as {
      files: Record<string, { sha256: string }>;
    };
    const stamp = record.files[modelPath()];
    expect(stamp).toBeDefined();
    stamp!.sha256 = "0".repeat(64);
    await writeFile(join(dataDir, VERIFIED_FILES_NAME), JSON.stringify(record));
    const read = await bytesReadBy(() => manager().ensure({ model: "int8" }));
    expect(read).toBeGreaterThanOrEqual(fixtures.models.int8.length);
  });

  it("verifies a user's known model in place once, then trusts it while it is unchanged", async () => {
    const existing = { modelPath: modelPath(), voicesPath: join(dataDir, "voices-v1.0.bin") };
    const userDataDir = join(dir, "user-data");
    const inPlace = (): ModelManager =>
      new ModelManager({ dataDir: userDataDir, baseUrl: server.url("/release/"), catalog: fixtures.catalog });
    expect(await bytesReadBy(() => inPlace().useExisting(existing))).toBeGreaterThanOrEqual(installedBytes);
    expect(await bytesReadBy(() => inPlace().useExisting(existing))).toBeLessThan(installedBytes / 4);
  });
});
