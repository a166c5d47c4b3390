/**
 * Restart Speech Daemon against real processes. If these fail, "Restart" either leaves the old daemon running,
 * starts nothing, or — worst — signals an unrelated program that inherited a stale pid.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { DAEMON_NAME, PROTOCOL_VERSION, STATE_FILES } from "@kokoro-speech/shared";
import Command from "../../raycast/src/restart-daemon.js";
import { recorded } from "../mocks/raycast-api.js";
import { isProcessAlive } from "../../raycast/src/lib/process-info.js";
import { ensureDaemon } from "../../raycast/src/lib/supervisor.js";
import { FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;

beforeEach(async () => {
  env = await setupExtensionEnv();
});

afterEach(async () => {
  await env.cleanup();
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("Restart Speech Daemon", () => {
  it("replaces the running daemon with a new process and names its pid and version", async () => {
    const { client } = await ensureDaemon({ daemonScript: FIXTURE_DAEMON_SCRIPT, port: 0, assetsPath: "" });
    const oldPid = client.welcome.daemon.pid;
    await client.close();
    await Command();
    expect(recorded.toasts).toEqual([]);
    const newPid = await env.discoveryPid();
    expect(newPid).not.toBeNull();
    expect(newPid).not.toBe(oldPid);
    expect(await isProcessAlive(oldPid)).toBe(false);
    const status = await env.status();
    expect(status.daemon.pid).toBe(newPid);
    expect(recorded.huds).toEqual([`Speech daemon restarted (pid ${newPid}, version ${status.daemon.version})`]);
  });

  it("starts a daemon when none is running", async () => {
    await Command();
    const pid = await env.discoveryPid();
    expect(pid).not.toBeNull();
    expect(recorded.huds).toEqual([expect.stringContaining(`pid ${pid},`)]);
  });

  it("refuses to signal a process that is not the daemon, even when the discovery file names its pid", async () => {
    const stranger = spawn("sleep", ["60"], { stdio: "ignore" });
    env.track(stranger.pid!);
    const discovery = {
      name: DAEMON_NAME,
      pid: stranger.pid,
      port: await closedPort(),
      host: "127.0.0.1",
      version: "0.1.0",
      protocol: PROTOCOL_VERSION,
      tokenPath: join(env.stateDir, STATE_FILES.token),
      startedAt: new Date().toISOString(),
    };
    await writeFile(join(env.stateDir, STATE_FILES.discovery), JSON.stringify(discovery));
    await writeFile(join(env.stateDir, STATE_FILES.token), `${"ab".repeat(32)}\n`);
    await Command();
    expect(recorded.huds).toEqual([]);
    expect(recorded.toasts).toHaveLength(1);
    expect(recorded.toasts[0]).toMatchObject({ style: "FAILURE", title: "Speech daemon not restarted" });
    expect(recorded.toasts[0]!.message).toContain(`Pid ${stranger.pid} is not the speech daemon`);
    expect(await isProcessAlive(stranger.pid!)).toBe(true);
    expect(stranger.exitCode).toBeNull();
    stranger.kill();
  });
});
