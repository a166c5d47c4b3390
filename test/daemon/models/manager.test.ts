import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VOICE_PACK_BYTES } from "@kokoro-speech/protocol";
import type { ModelErrorCode } from "../../../daemon/src/models/errors.js";
import { ModelManager, type ModelStatus } from "../../../daemon/src/models/manager.js";
import { VERIFIED_FILES_NAME } from "../../../daemon/src/models/verified-files.js";
import { LocalFileServer } from "./local-file-server.js";
import { buildTestCatalog, expectModelErrorCode, onnxShapedBytes, type TestCatalog } from "./model-fixtures.js";

let server: LocalFileServer;
let dir: string;
let dataDir: string;
let fixtures: TestCatalog;

beforeEach(async () => {
  server = await LocalFileServer.start();
  dir = await mkdtemp(join(tmpdir(), "kokoro-manager-"));
  dataDir = join(dir, "data");
  fixtures = await buildTestCatalog(dir);
  server.serve("/release/kokoro-v1.0.int8.onnx", { body: fixtures.models.int8 });
  server.serve("/release/kokoro-v1.0.fp16.onnx", { body: fixtures.models.fp16 });
  server.serve("/release/voices-v1.0.bin", { body: fixtures.voicesArchive });
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Same size and still ONNX-shaped, one byte inside the graph changed: only the sha256 can tell. */
function tampered(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 1000] = (copy[copy.length - 1000] ?? 0) ^ 0xff;
  return copy;
}

function createManager(): { manager: ModelManager; statuses: ModelStatus[] } {
  const manager = new ModelManager({ dataDir, baseUrl: server.url("/release/"), catalog: fixtures.catalog });
  const statuses: ModelStatus[] = [];
  manager.on("status", (status) => statuses.push(status));
  return { manager, statuses };
}

describe("ModelManager.ensure", () => {
  it("downloads the model and the voices archive, reporting progress, and ends ready with their paths", async () => {
    const { manager, statuses } = createManager();
    const paths = await manager.ensure({ model: "int8" });
    expect(paths).toEqual({
      modelPath: join(dataDir, "kokoro-v1.0.int8.onnx"),
      voicesPath: join(dataDir, "voices-v1.0.bin"),
      dtype: "int8",
    });
    expect((await readFile(paths.modelPath)).equals(fixtures.models.int8)).toBe(true);
    expect((await readFile(paths.voicesPath)).equals(fixtures.voicesArchive)).toBe(true);
    expect([...new Set(statuses.map((status) => status.state))]).toEqual(["verifying", "downloading", "ready"]);
    const totalBytes = fixtures.models.int8.length + fixtures.voicesArchive.length;
    const progress = statuses.flatMap((status) => (status.progress === undefined ? [] : [status.progress]));
    expect(progress.at(-1)).toMatchObject({ bytesDone: totalBytes, bytesTotal: totalBytes, percent: 100 });
    expect(manager.status()).toMatchObject({ state: "ready", paths });
    expect(manager.status().files.map((file) => file.state)).toEqual(["ready", "ready"]);
  });

  it("finds verified files already in place and downloads nothing", async () => {
    await createManager().manager.ensure({ model: "int8" });
    const requestCount = server.requests.length;
    const { manager, statuses } = createManager();
    await manager.ensure({ model: "int8" });
    expect(server.requests.length).toBe(requestCount);
    expect(statuses.map((status) => status.state)).toEqual(["verifying", "ready"]);
  });

  it("removes an installed file that fails verification and downloads it again", async () => {
    const { manager } = createManager();
    const { modelPath } = await manager.ensure({ model: "int8" });
    await writeFile(modelPath, tampered(fixtures.models.int8));
    await createManager().manager.ensure({ model: "int8" });
    expect((await readFile(modelPath)).equals(fixtures.models.int8)).toBe(true);
    expect(server.requestsFor("/release/kokoro-v1.0.int8.onnx")).toHaveLength(2);
  });

  it("installs the voices from npm when asked to", async () => {
    const { manager } = createManager();
    const paths = await manager.ensure({ model: "fp16", voices: "npm" });
    expect(paths.voicesPath).toBe(join(dataDir, "voices"));
    expect((await readdir(paths.voicesPath)).sort()).toEqual(["af_test.bin", "bm_test.bin"]);
    expect(server.requestsFor("/release/voices-v1.0.bin")).toHaveLength(0);
  });

  it("fails with the download's code, then succeeds on a later ensure once the file is served", async () => {
    server.serve("/release/kokoro-v1.0.int8.onnx", { status: 404 });
    const { manager } = createManager();
    await expectModelErrorCode(manager.ensure(), "http_404");
    expect(manager.status()).toMatchObject({ state: "failed", error: { code: "http_404" } });
    server.serve("/release/kokoro-v1.0.int8.onnx", { body: fixtures.models.int8 });
    await manager.ensure();
    expect(manager.status().state).toBe("ready");
  });

  it("shares one run between concurrent calls with the same options", async () => {
    const { manager } = createManager();
    const first = manager.ensure({ model: "int8" });
    const second = manager.ensure({ model: "int8" });
    expect(second).toBe(first);
    expect(() => manager.ensure({ model: "fp16" })).toThrow(RangeError);
    await first;
    expect(server.requestsFor("/release/kokoro-v1.0.int8.onnx")).toHaveLength(1);
  });

  it("stops a download in flight on dispose and keeps the partial file", async () => {
    server.serve("/release/kokoro-v1.0.int8.onnx", { body: fixtures.models.int8, stallOnceAfterBytes: 5000 });
    const { manager } = createManager();
    const pending = manager.ensure();
    const partPath = join(dataDir, "kokoro-v1.0.int8.onnx.part");
    while ((await stat(partPath).catch(() => undefined))?.size !== 5000) await setTimeout(5);
    expect(manager.status().state).toBe("downloading");
    manager.dispose();
    await expectModelErrorCode(pending, "aborted");
    expect((await stat(partPath)).size).toBe(5000);
  });
});

describe("ModelManager.useExisting", () => {
  async function writeExisting(model: Buffer, voiceFiles: ReadonlyMap<string, Buffer>) {
    const modelPath = join(dir, "mine", "model.onnx");
    const voicesPath = join(dir, "mine", "voices");
    await mkdir(voicesPath, { recursive: true });
    await writeFile(modelPath, model);
    for (const [name, bytes] of voiceFiles) await writeFile(join(voicesPath, `${name}.bin`), bytes);
    return { modelPath, voicesPath };
  }

  it("verifies a known model and voice directory in place without copying, and names its weights' type", async () => {
    const voices = new Map([...fixtures.voicePacks, ["xf_custom", Buffer.alloc(VOICE_PACK_BYTES, 1)]]);
    const existing = await writeExisting(fixtures.models.fp32, voices);
    const { manager } = createManager();
    expect(await manager.useExisting(existing)).toEqual({ ...existing, dtype: "fp32" });
    expect(manager.status().state).toBe("ready");
    // Nothing copied: the data folder holds only the record of what was verified (so the next start need not hash).
    expect(await readdir(dataDir)).toEqual([VERIFIED_FILES_NAME]);
  });

  it("accepts an ONNX model the catalogue does not know, by its signature", async () => {
    const existing = await writeExisting(onnxShapedBytes(1234), fixtures.voicePacks);
    expect(await createManager().manager.useExisting(existing)).toEqual({ ...existing, dtype: null });
  });

  it("verifies a voices archive given as a file", async () => {
    const existing = await writeExisting(fixtures.models.int8, new Map());
    const archivePath = join(dir, "mine", "voices.npz");
    await writeFile(archivePath, fixtures.voicesArchive);
    await createManager().manager.useExisting({ modelPath: existing.modelPath, voicesPath: archivePath });
  });

  const rejections: Array<{
    name: string;
    code: ModelErrorCode;
    arrange: () => Promise<{ modelPath: string; voicesPath: string }>;
  }> = [
    {
      name: "a known model whose sha256 differs",
      code: "checksum_mismatch",
      arrange: () => writeExisting(tampered(fixtures.models.int8), fixtures.voicePacks),
    },
    {
      name: "a model file that is not ONNX",
      code: "bad_signature",
      arrange: () => writeExisting(Buffer.from("<html>rate limited</html>"), fixtures.voicePacks),
    },
    {
      name: "a known voice whose sha256 differs",
      code: "checksum_mismatch",
      arrange: () => writeExisting(fixtures.models.int8, new Map([["af_test", Buffer.alloc(4096)]])),
    },
    {
      name: "an unknown voice pack of the wrong size",
      code: "size_mismatch",
      arrange: () => writeExisting(fixtures.models.int8, new Map([["xf_custom", Buffer.alloc(100)]])),
    },
    {
      name: "a voices directory without packs",
      code: "not_found",
      arrange: () => writeExisting(fixtures.models.int8, new Map()),
    },
    {
      name: "a voices archive that is not a ZIP",
      code: "bad_signature",
      arrange: async () => {
        const existing = await writeExisting(fixtures.models.int8, new Map());
        const archivePath = join(dir, "mine", "voices.npz");
        await writeFile(archivePath, Buffer.alloc(1000));
        return { modelPath: existing.modelPath, voicesPath: archivePath };
      },
    },
    {
      name: "a model path that does not exist",
      code: "not_found",
      arrange: async () => ({
        ...(await writeExisting(fixtures.models.int8, fixtures.voicePacks)),
        modelPath: join(dir, "nope.onnx"),
      }),
    },
  ];

  for (const { name, code, arrange } of rejections) {
    it(`refuses ${name} with ${code} and reports failed`, async () => {
      const { manager } = createManager();
      await expectModelErrorCode(manager.useExisting(await arrange()), code);
      expect(manager.status()).toMatchObject({ state: "failed", error: { code } });
    });
  }
});
