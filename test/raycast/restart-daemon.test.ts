/**
 * Restart Speech Daemon against real processes. If these fail, "Restart" either leaves the old daemon running,
 * starts nothing, or — worst — signals an unrelated program that inherited a stale pid.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createServer } from "node:net";
import { join } from "node:path";
import { DAEMON_NAME, PROTOCOL_VERSION, STATE_FILES } from "@kokoro-speech/protocol";
import Command from "../../raycast/src/restart-daemon.js";
import { recorded, setSelectedText } from "../mocks/raycast-api.js";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { waitFor } from "../helpers/pcm.js";
import { isProcessAlive } from "../../raycast/src/lib/process-info.js";
import { ensureDaemon } from "../../raycast/src/lib/supervisor.js";
import { FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;
const RESTARTING = { style: "ANIMATED", title: "Restarting the speech daemon…" };

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

const OLD_PROTOCOL_DAEMON = fileURLToPath(new URL("./helpers/old-protocol-daemon.mjs", import.meta.url));

/**
 * Starts a daemon of an older protocol the way an earlier install left it running: `node <install>/daemon/dist/cli.js
 * serve`, publishing its discovery file in our state directory.
 */
async function startOldProtocolDaemon(): Promise<number> {
  const dist = join(env.stateDir, "old-install", "daemon", "dist");
  await mkdir(dist, { recursive: true });
  const cli = join(dist, "cli.js");
  await writeFile(cli, `await import(${JSON.stringify(pathToFileURL(OLD_PROTOCOL_DAEMON).href)});\n`);
  await writeFile(join(dist, "package.json"), '{ "type": "module" }\n');
  // Without the test environment's poisoned NODE_OPTIONS, which only the supervisor's clean environment drops.
  const { NODE_OPTIONS: _dropped, ...childEnv } = process.env;
  const old = spawn(process.execPath, [cli, "serve", "--state-dir", env.stateDir], { stdio: "ignore", env: childEnv });
  env.track(old.pid!);
  await waitFor(async () => (await env.discoveryPid()) === old.pid);
  return old.pid!;
}

describe("Restart Speech Daemon", () => {
  it("replaces the running daemon with a new process and names its pid and version", async () => {
    const { client } = await ensureDaemon({ daemonScript: FIXTURE_DAEMON_SCRIPT, port: 0, assetsPath: "" });
    const oldPid = client.welcome.daemon.pid;
    await client.close();
    await Command();
    expect(recorded.toasts).toEqual([RESTARTING]);
    const newPid = await env.discoveryPid();
    expect(newPid).not.toBeNull();
    expect(newPid).not.toBe(oldPid);
    expect(await isProcessAlive(oldPid)).toBe(false);
    const status = await env.status();
    expect(status.daemon.pid).toBe(newPid);
    expect(recorded.huds).toEqual([`Speech daemon restarted (pid ${newPid}, version ${status.daemon.version})`]);
  });

  it("restarts a daemon that refuses our token, found by its discovery file pid and command line", async () => {
    const { client } = await ensureDaemon({ daemonScript: FIXTURE_DAEMON_SCRIPT, port: 0, assetsPath: "" });
    const oldPid = client.welcome.daemon.pid;
    await client.close();
    await writeFile(join(env.stateDir, STATE_FILES.token), `${"0".repeat(64)}\n`);
    await Command();
    expect(recorded.toasts).toEqual([RESTARTING]);
    expect(await isProcessAlive(oldPid)).toBe(false);
    const newPid = await env.discoveryPid();
    expect(newPid).not.toBe(oldPid);
    // The observer connects with the token file as it is now: the new daemon accepts it.
    expect((await env.status()).daemon.pid).toBe(newPid);
  });

  it("restarts a daemon of an older protocol left running after an update, where Speak offered the restart", async () => {
    const oldPid = await startOldProtocolDaemon();
    setSelectedText("Hello.");
    await SpeakSelectedText();
    const refusal = recorded.toasts.at(-1)!;
    expect(refusal).toMatchObject({
      style: "FAILURE",
      title: "Speech daemon is a different version: run Restart Speech Daemon",
    });
    expect(refusal.primaryAction?.title).toBe("Restart Daemon");
    await refusal.primaryAction!.onAction(undefined);
    expect(recorded.launches).toEqual([{ name: "restart-daemon", type: "userInitiated" }]);
    recorded.toasts.length = 0;
    await Command();
    expect(recorded.toasts).toEqual([RESTARTING]);
    expect(await isProcessAlive(oldPid)).toBe(false);
    const status = await env.status();
    expect(status.daemon.pid).not.toBe(oldPid);
    expect(status.daemon.protocol).toBe(PROTOCOL_VERSION);
    expect(recorded.huds).toEqual([
      `Speech daemon restarted (pid ${status.daemon.pid}, version ${status.daemon.version})`,
    ]);
    // And speaking works again, without a toast about the version.
    recorded.toasts.length = 0;
    await SpeakSelectedText();
    expect(recorded.toasts.filter((toast) => toast.style === "FAILURE")).toEqual([]);
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
    expect(recorded.toasts).toHaveLength(2);
    expect(recorded.toasts[0]).toEqual(RESTARTING);
    expect(recorded.toasts[1]).toMatchObject({
      style: "FAILURE",
      title: "Speech daemon not restarted: see the log (Speech Player → Open Log)",
    });
    expect(recorded.toasts[1]!.message).toContain(`Pid ${stranger.pid} is not the speech daemon`);
    expect(await isProcessAlive(stranger.pid!)).toBe(true);
    expect(stranger.exitCode).toBeNull();
    stranger.kill();
  });
});
