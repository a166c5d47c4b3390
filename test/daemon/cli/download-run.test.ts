import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatProgressLine } from "../../../daemon/src/cli/download-run.js";
import { MODEL_FILES, VOICES_ARCHIVE } from "../../../daemon/src/models/catalog.js";
import { LocalFileServer } from "../models/local-file-server.js";

const CLI_PATH = fileURLToPath(new URL("../../../daemon/dist/cli.js", import.meta.url));
const INT8 = MODEL_FILES.int8;

let server: LocalFileServer;
let dataDir: string;

beforeEach(async () => {
  server = await LocalFileServer.start();
  dataDir = await mkdtemp(join(tmpdir(), "kokoro-cli-download-"));
});

afterEach(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface CliRun {
  readonly child: ReturnType<typeof spawn>;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

function runDownload(args: string[], baseUrl = server.url("/release")): CliRun {
  const child = spawn(process.execPath, [CLI_PATH, "download", "--data-dir", dataDir, ...args], {
    env: { ...process.env, KOKORO_SPEECH_MODEL_BASE_URL: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const exit = once(child, "exit").then(([code]) => code as number | null);
  return { child, stderr: () => stderr, exit };
}

function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1) ?? "";
}

describe("kokoro-speech download", () => {
  it("exits 2 on a model precision it does not offer", async () => {
    const run = runDownload(["--model", "q4"]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/--model .* 'q4' is invalid/);
  });

  it("exits 1 with one http_404 line when the release lacks the file", async () => {
    const run = runDownload([]);
    expect(await run.exit).toBe(1);
    expect(lastLine(run.stderr())).toMatch(
      /^kokoro-speech: http_404: HTTP 404: .*kokoro-v1\.0\.int8\.onnx does not exist$/,
    );
  });

  it("exits 1 with one offline line when nothing answers", async () => {
    const gone = await LocalFileServer.start();
    const baseUrl = gone.url("/release");
    await gone.close();
    const run = runDownload(["--model", "fp16"], baseUrl);
    expect(await run.exit).toBe(1);
    expect(lastLine(run.stderr())).toMatch(/^kokoro-speech: offline: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
  });

  it("prints plain progress lines without a terminal and keeps the partial file when interrupted", async () => {
    // Progress covers the model and the voices archive together; 20% of the model is past 10% of the whole.
    const totalBytes = INT8.bytes + VOICES_ARCHIVE.bytes;
    const streamedBytes = Math.ceil(INT8.bytes * 0.2);
    server.serve(`/release/${INT8.fileName}`, { body: Buffer.alloc(INT8.bytes), stallOnceAfterBytes: streamedBytes });
    const run = runDownload(["--model", "int8"]);
    const pastTenPercent = /^downloading +[1-9]\d%.*$/m;
    while (!pastTenPercent.test(run.stderr())) await once(run.child.stderr!, "data");
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(130);
    const lines = run.stderr().trimEnd().split("\n");
    expect(lines).toContain("downloading");
    expect(lines.find((line) => pastTenPercent.test(line))).toContain(`of ${formatBytes(totalBytes)}  `);
    expect(lastLine(run.stderr())).toMatch(/^kokoro-speech: aborted: /);
    expect((await stat(join(dataDir, `${INT8.fileName}.part`))).size).toBeGreaterThan(0);
  });
});

describe("progress formatting", () => {
  it.each([
    [999, "999 B"],
    [1500, "1.5 kB"],
    [92_361_271, "92.4 MB"],
    [1_234_567_890, "1.23 GB"],
  ])("formats %i bytes as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [undefined, "?"],
    [4.2, "5 s"],
    [65, "1 min 05 s"],
    [7325, "2 h 02 min"],
  ])("formats %s seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("puts percent, bytes, speed and time left on one line", () => {
    const line = formatProgressLine({
      bytesDone: 36_944_508,
      bytesTotal: 92_361_271,
      percent: 40,
      bytesPerSecond: 12_000_000,
      etaSeconds: 4.6,
    });
    expect(line).toBe("downloading  40%  36.9 MB of 92.4 MB  12.0 MB/s  ETA 5 s");
  });
});
