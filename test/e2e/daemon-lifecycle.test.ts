/**
 * A daemon nobody has to think about: one per state directory, a clear word when its port is taken, alive when
 * the audio device cannot be opened, and a CLI that answers with one line and an exit code.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STATE_FILES } from "@kokoro-speech/protocol";
import { createUnopenableAlsaHome } from "../helpers/alsa.js";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { runCliWithStdin, type CliResult } from "../helpers/run-cli.js";
import { makePcm, sendPcm } from "../helpers/pcm.js";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof startDaemonProcess>[0]): Promise<DaemonProcess> {
  const daemon = await startDaemonProcess(options);
  cleanups.push(() => daemon.stop());
  return daemon;
}

function runCli(args: string[]): Promise<CliResult> {
  return runCliWithStdin(args, "");
}

/**
 * What taking over a lock means, observed from outside: the new daemon answers on its port as itself, and the lock
 * now holds it, so another `serve` on the same state directory defers to it by pid.
 */
async function expectServingAndHoldingLock(daemon: DaemonProcess): Promise<void> {
  const client = await daemon.connect();
  expect((await client.status()).daemon.pid).toBe(daemon.child.pid);
  await client.close();
  const again = await runCli(["serve", "--port", "0", "--sink", "null", "--state-dir", daemon.stateDir]);
  expect(again.code).toBe(0);
  expect(again.stdout.trim()).toBe(`already running (pid ${daemon.child.pid})`);
}

describe("single instance", () => {
  it("a second serve on the same state directory exits 0 and names the running pid", async () => {
    const daemon = await started({ sink: "null" });
    const second = await runCli(["serve", "--port", "0", "--sink", "null", "--state-dir", daemon.stateDir]);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe(`already running (pid ${daemon.pid})`);
  });

  it("takes over a lock left by a daemon that was killed", async () => {
    const first = await startDaemonProcess({ sink: "null" });
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    const second = await started({ sink: "null", stateDir: first.stateDir });
    await expectServingAndHoldingLock(second);
  });

  /** A live process that is not a daemon, like whatever holds the lock's pid after a reboot; its start time too. */
  async function unrelatedProcess(): Promise<{ pid: number; startedAtMs: number }> {
    const child = spawn(
      process.execPath,
      ["-e", "console.log(Math.round(performance.timeOrigin)); setInterval(() => {}, 1e3)"],
      {
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    cleanups.push(async () => child.kill("SIGKILL"));
    const startedAtMs = await new Promise<number>((resolve) =>
      child.stdout.once("data", (data: Buffer) => resolve(Number(data.toString()))),
    );
    return { pid: child.pid!, startedAtMs };
  }

  it("takes over a lock whose pid now belongs to a process that started at another time (a reused pid)", async () => {
    const other = await unrelatedProcess();
    const stateDir = await mkdtemp(join(tmpdir(), "kokoro-reused-pid-"));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    const anHourEarlier = other.startedAtMs - 3_600_000;
    await writeFile(join(stateDir, STATE_FILES.lock), `${other.pid}\n${anHourEarlier}\n`);
    const daemon = await started({ sink: "null", stateDir });
    await expectServingAndHoldingLock(daemon);
    // The process that happened to hold the pid is left alone.
    expect(() => process.kill(other.pid, 0)).not.toThrow();
  });

  it("respects a lock whose pid and start time match a running process", async () => {
    const other = await unrelatedProcess();
    const stateDir = await mkdtemp(join(tmpdir(), "kokoro-live-lock-"));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    await writeFile(join(stateDir, STATE_FILES.lock), `${other.pid}\n${other.startedAtMs}\n`);
    const result = await runCli(["serve", "--port", "0", "--sink", "null", "--state-dir", stateDir]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`already running (pid ${other.pid})`);
  });

  it("treats a lock holding a dead pid as stale", async () => {
    const first = await startDaemonProcess({ sink: "null" });
    const stateDir = first.stateDir;
    await first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    await writeFile(join(stateDir, STATE_FILES.lock), "999999\n");
    const daemon = await started({ sink: "null", stateDir });
    await expectServingAndHoldingLock(daemon);
  });
});

describe("port", () => {
  it("fails with a clear message when the configured port is busy, instead of moving elsewhere", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const port = (blocker.address() as { port: number }).port;
    const daemon = await started({ sink: "null" });
    await daemon.stop();
    const result = await runCli(["serve", "--port", String(port), "--sink", "null", "--state-dir", daemon.stateDir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(
      `kokoro-speech: port ${port} on 127.0.0.1 is in use by another program; choose another with --port or KOKORO_SPEECH_PORT`,
    );
  });
});

describe("an audio device that cannot be opened", () => {
  it("fails the stream with audio_unavailable and keeps the daemon serving", async () => {
    const alsa = await createUnopenableAlsaHome();
    cleanups.push(() => alsa.cleanup());
    const daemon = await started({ sink: "speaker", env: alsa.env });
    const client = await daemon.connect();
    cleanups.push(() => client.close());
    for (let attempt = 0; attempt < 2; attempt++) {
      const { streamId } = await client.request({ type: "play" });
      sendPcm(client, streamId!, makePcm(4_800, attempt), 2_400);
      await client.request({ type: "end", streamId: streamId! }).catch(() => {});
      const terminal = await client.waitForTerminal(streamId!);
      expect(terminal.event === "failed" && terminal.code).toBe("audio_unavailable");
    }
    const status = await client.status();
    expect(status.audio.state).toBe("unavailable");
    expect(status.audio.lastError?.code).toBe("audio_unavailable");
    expect(status.daemon.pid).toBe(daemon.pid);
    expect(daemon.child.exitCode).toBeNull();
  });
});

describe("CLI", () => {
  it("status --json prints the daemon's status", async () => {
    const daemon = await started({ sink: "null" });
    const result = await runCli(["status", "--json", "--state-dir", daemon.stateDir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ daemon: { pid: daemon.pid }, player: { state: "idle" } });
  });

  it("pause with nothing playing exits 1 with one line naming the code", async () => {
    const daemon = await started({ sink: "null" });
    const result = await runCli(["pause", "--state-dir", daemon.stateDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("kokoro-speech: no_such_stream: Nothing is playing.\n");
  });

  it("status without a daemon exits 3 with one line", async () => {
    const daemon = await startDaemonProcess({ sink: "null" });
    const stateDir = daemon.stateDir;
    await daemon.child.kill("SIGKILL");
    await new Promise((resolve) => daemon.child.once("exit", resolve));
    const result = await runCli(["status", "--state-dir", stateDir]);
    expect(result.code).toBe(3);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/^kokoro-speech: the daemon is not running/);
  });

  it("rejects a malformed --stream with exit 2", async () => {
    const daemon = await started({ sink: "null" });
    const result = await runCli(["stop", "--stream", "abc", "--state-dir", daemon.stateDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kokoro-speech: --stream takes a positive stream id, got "abc"\n');
  });

  it("refuses serve --espeak-idle-seconds that is not a number with exit 2 and one line", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), "kokoro-bad-idle-"));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    const result = await runCli(["serve", "--espeak-idle-seconds", "soon", "--state-dir", stateDir]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/^kokoro-speech: invalid configuration: espeakIdleMs: /);
  });
});

describe("a killed daemon that is not reaped yet", () => {
  it("does not block a new daemon: a zombie pid in the lock is stale", async () => {
    // `sleep 0.01 &` becomes a child of a process (the exec'd `sleep 10`) that never waits for it: a zombie.
    const holder = spawn("sh", ["-c", "sleep 0.01 & echo $!; exec sleep 10"], { stdio: ["ignore", "pipe", "ignore"] });
    cleanups.push(async () => holder.kill("SIGKILL"));
    const zombiePid = await new Promise<number>((resolve) =>
      holder.stdout.once("data", (data: Buffer) => resolve(Number(data.toString()))),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stateDir = await mkdtemp(join(tmpdir(), "kokoro-zombie-"));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    await writeFile(join(stateDir, STATE_FILES.lock), `${zombiePid}\n`);
    const daemon = await started({ sink: "null", stateDir });
    await expectServingAndHoldingLock(daemon);
  });
});
