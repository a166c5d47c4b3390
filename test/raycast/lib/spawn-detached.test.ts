/**
 * If these fail, the daemon dies with the Raycast command that started it, or stays a child of Raycast's helper,
 * which never reaps it (a zombie per start).
 */
import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { daemonEnvironment } from "../../../raycast/src/lib/daemon-launch.js";
import { isProcessAlive, waitForExit } from "../../../raycast/src/lib/process-info.js";
import { MAX_LOG_BYTES, spawnDetached } from "../../../raycast/src/lib/spawn-detached.js";
import { waitFor } from "../../helpers/pcm.js";

let dir: string;
const pids: number[] = [];

afterEach(async () => {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  await rm(dir, { recursive: true, force: true });
});

function psField(pid: number, field: string): string {
  return execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)])
    .toString()
    .trim();
}

/** A stand-in "daemon": prints its environment's NODE_OPTIONS and parent pid, then waits. */
async function launchScript(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "kokoro-spawn-"));
  const script = join(dir, "fake-daemon.mjs");
  await writeFile(
    script,
    "console.log(JSON.stringify({ args: process.argv.slice(2), nodeOptions: process.env.NODE_OPTIONS ?? null }));\n" +
      "setInterval(() => {}, 1000);\n",
  );
  return script;
}

describe("spawnDetached", () => {
  it("starts the process outside our process tree, with its output appended to the log", async () => {
    const script = await launchScript();
    const logPath = join(dir, "logs", "daemon.log");
    const env = daemonEnvironment({ ...process.env, NODE_OPTIONS: "--no-warnings" });
    const pid = await spawnDetached({ nodeBinary: process.execPath, script, args: ["serve"], env }, logPath);
    pids.push(pid);
    expect(await isProcessAlive(pid)).toBe(true);
    // The daemon's parent is neither this process nor one of its children (the shell, had it waited for the
    // daemon instead of exiting): the daemon was re-parented outside our tree, to init or a subreaper.
    const parentPid = Number(psField(pid, "ppid"));
    expect(parentPid).not.toBe(process.pid);
    expect(Number(psField(parentPid, "ppid"))).not.toBe(process.pid);
    expect(psField(parentPid, "comm")).not.toMatch(/(^|\/)sh$/);
    const sessionId = Number(
      execFileSync("ps", ["-o", "sid=", "-p", String(pid)])
        .toString()
        .trim(),
    );
    expect(sessionId).not.toBe(Number(execFileSync("ps", ["-o", "sid=", "-p", String(process.pid)]).toString()));
    await waitFor(async () => (await readFile(logPath, "utf8").catch(() => "")).includes("\n"));
    expect(JSON.parse(await readFile(logPath, "utf8"))).toEqual({ args: ["serve"], nodeOptions: null });
  });

  it("moves a log over the size limit aside before starting", async () => {
    const script = await launchScript();
    const logPath = join(dir, "daemon.log");
    await writeFile(logPath, Buffer.alloc(MAX_LOG_BYTES + 1, 0x61));
    const pid = await spawnDetached({ nodeBinary: process.execPath, script, args: [], env: {} }, logPath);
    pids.push(pid);
    expect((await readFile(`${logPath}.1`)).byteLength).toBe(MAX_LOG_BYTES + 1);
    await waitFor(async () => (await readFile(logPath, "utf8").catch(() => "")).includes("\n"));
    process.kill(pid, "SIGTERM");
    expect(await waitForExit(pid, 5_000)).toBe(true);
  });
});
