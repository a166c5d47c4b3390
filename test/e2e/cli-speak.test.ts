/**
 * `kokoro-speech speak` as a user runs it: against a running daemon (the fixture synthesizer stands in for the
 * model), rendering to WAV, waiting for the end, and starting the daemon itself when none runs. Each failure must be
 * one line on stderr with a non-zero exit.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DaemonClient, readDiscovery, readToken } from "@kokoro-speech/protocol";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { testTempRoot } from "../helpers/temp-dir.js";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { runCliWithStdin, type CliResult } from "../helpers/run-cli.js";
import { stopDaemonDiscoveredIn } from "../helpers/stop-discovered-daemon.js";

const TEXT = "One sentence. And another one!";
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fixtureDaemon(): Promise<DaemonProcess> {
  const daemon = await startDaemonProcess({ sink: "null", withFixtureSynthesizer: true });
  cleanups.push(() => daemon.stop());
  return daemon;
}

/** A daemon this command starts inherits the environment: no fallback voice, so a missing model is reported. */
function runCli(args: string[], stdin?: string): Promise<CliResult> {
  return runCliWithStdin(args, stdin ?? "", { ...process.env, KOKORO_SPEECH_FALLBACK_VOICE: "0" });
}

function getText(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(body));
    })
      .on("error", reject)
      .end();
  });
}

/**
 * Stops the daemon the command started on its own, even when the test failed before reaching its end: SIGTERM, then
 * up to ~2 s for it to remove its discovery file, so it no longer writes into a state directory about to be removed.
 */
describe("kokoro-speech speak", () => {
  it("--out renders a WAV whose data is exactly the synthesized audio, and plays nothing", async () => {
    const daemon = await fixtureDaemon();
    const dir = await mkdtemp(join(testTempRoot(), "kokoro-wav-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const wavPath = join(dir, "out.wav");
    const result = await runCli(["speak", "--state-dir", daemon.stateDir, "--out", wavPath, TEXT]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const wav = await readFile(wavPath);
    expect(wav.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(wav.readUInt32LE(40)).toBe(fixtureAudioFor(TEXT).byteLength);
    expect(wav.subarray(44).equals(fixtureAudioFor(TEXT))).toBe(true);
    const client = await daemon.connect();
    expect((await client.status()).counters.streamsStarted).toBe(0);
    await client.close();
  });

  it("--wait returns once the speech has played, reading the text from stdin", async () => {
    const daemon = await fixtureDaemon();
    const result = await runCli(["speak", "--wait", "--state-dir", daemon.stateDir], TEXT);
    expect(result.code).toBe(0);
    const client = await daemon.connect();
    const status = await client.status();
    expect(status.counters.streamsCompleted).toBe(1);
    expect(status.latency.ttfaMs.count).toBe(1);
    expect(status.latency.lastTtfaMs).toBeGreaterThan(0);
    await client.close();
    const metrics = await getText(daemon.port, "/metrics");
    expect(metrics).toContain('kokoro_speech_streams_total{outcome="completed"} 1');
    expect(metrics).toMatch(/kokoro_speech_ttfa_milliseconds\{quantile="0\.5"\} [\d.]+/);
  });

  it("--wait exits 1 with the failure's code when synthesis fails", async () => {
    const daemon = await fixtureDaemon();
    const result = await runCli(["speak", "--wait", "--state-dir", daemon.stateDir, "This will FAIL now."]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("kokoro-speech: synthesis_failed: fixture refuses segment 0\n");
  });

  it.each([
    [["--voice", "zz_none"], /^kokoro-speech: unknown_voice: /],
    [["--speed", "3"], /^kokoro-speech: speed_out_of_range: --speed must be 0\.5–2, got "3"$/],
  ])("refuses %j with one line and exit 1", async (flags, line) => {
    const daemon = await fixtureDaemon();
    const result = await runCli(["speak", "--state-dir", daemon.stateDir, ...flags, TEXT]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(line);
  });

  it("speaks with the fallback voice on a fresh install from the first request, and says how to get Kokoro", async () => {
    const stateDir = await mkdtemp(join(testTempRoot(), "kokoro-state-"));
    const dataDir = await mkdtemp(join(testTempRoot(), "kokoro-data-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    cleanups.push(() => stopDaemonDiscoveredIn(stateDir));
    const env = { ...process.env, KOKORO_SPEECH_SINK: "null", KOKORO_SPEECH_PORT: "0" };
    const args = ["speak", "--wait", "--state-dir", stateDir, "--data-dir", dataDir, TEXT];
    const result = await runCliWithStdin(args, "", env);
    expect(result.stderr.trim()).toBe(
      "kokoro-speech: the Kokoro model is not installed, so the basic fallback voice speaks; " +
        "run `kokoro-speech download` for the Kokoro voice",
    );
    expect(result.code).toBe(0);
  });

  it("starts the daemon when none runs, and says how to install the missing model", async () => {
    const stateDir = await mkdtemp(join(testTempRoot(), "kokoro-state-"));
    const dataDir = await mkdtemp(join(testTempRoot(), "kokoro-data-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    cleanups.push(() => stopDaemonDiscoveredIn(stateDir));
    const result = await runCli(["speak", "--state-dir", stateDir, "--data-dir", dataDir, TEXT]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kokoro-speech: model_unavailable: .*kokoro-speech download/);
    const discovery = await readDiscovery(stateDir);
    expect(discovery).not.toBeNull();
    const token = (await readToken(discovery!.tokenPath))!;
    const client = await DaemonClient.connect({ port: discovery!.port, token, clientName: "test" });
    expect((await client.status()).daemon.pid).toBe(discovery!.pid);
    await client.close();
  });
});

/** How many daemons started in `stateDir`, as its log tells: each one that listened, and each that found one running. */
async function daemonStartsLogged(stateDir: string): Promise<{ listened: number; foundRunning: number }> {
  const log = await readFile(join(stateDir, "daemon.log"), "utf8");
  return {
    listened: log.split("\n").filter((line) => line.includes('"msg":"daemon listening"')).length,
    foundRunning: log.split("\n").filter((line) => line.startsWith("already running")).length,
  };
}

describe("kokoro-speech speak, folders from the environment (the daemon is started before the CLI loads)", () => {
  async function freshFolders(): Promise<NodeJS.ProcessEnv> {
    const stateDir = await mkdtemp(join(testTempRoot(), "kokoro-state-"));
    const dataDir = await mkdtemp(join(testTempRoot(), "kokoro-data-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    cleanups.push(() => stopDaemonDiscoveredIn(stateDir));
    return {
      ...process.env,
      KOKORO_SPEECH_SINK: "null",
      KOKORO_SPEECH_PORT: "0",
      KOKORO_SPEECH_STATE_DIR: stateDir,
      KOKORO_SPEECH_DATA_DIR: dataDir,
    };
  }

  it("starts exactly one daemon, which speaks", async () => {
    const env = await freshFolders();
    const result = await runCliWithStdin(["speak", "--wait", TEXT], "", env);
    expect(result.code).toBe(0);
    expect(await daemonStartsLogged(env.KOKORO_SPEECH_STATE_DIR!)).toEqual({ listened: 1, foundRunning: 0 });
  });

  it("starts none when one runs, and a second speak is heard from the same daemon", async () => {
    const env = await freshFolders();
    expect((await runCliWithStdin(["speak", "--wait", TEXT], "", env)).code).toBe(0);
    const first = await readDiscovery(env.KOKORO_SPEECH_STATE_DIR!);
    expect((await runCliWithStdin(["speak", "--wait", TEXT], "", env)).code).toBe(0);
    expect((await readDiscovery(env.KOKORO_SPEECH_STATE_DIR!))?.pid).toBe(first?.pid);
    expect(await daemonStartsLogged(env.KOKORO_SPEECH_STATE_DIR!)).toEqual({ listened: 1, foundRunning: 0 });
  });

  it("takes over a stale lock left by a daemon that died, starting one daemon", async () => {
    const env = await freshFolders();
    // A pid no process has (above the kernel's pid_max) and a start time: what a killed daemon leaves behind.
    await writeFile(join(env.KOKORO_SPEECH_STATE_DIR!, "daemon.lock"), "4194305\n1000\n");
    const result = await runCliWithStdin(["speak", "--wait", TEXT], "", env);
    expect(result.code).toBe(0);
    expect(await daemonStartsLogged(env.KOKORO_SPEECH_STATE_DIR!)).toEqual({ listened: 1, foundRunning: 0 });
  });
});
