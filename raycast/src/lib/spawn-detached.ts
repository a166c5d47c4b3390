/**
 * Starts the daemon so that it outlives the command and leaves no zombie behind: a detached `/bin/sh` (new session
 * and process group, outside the one Raycast tears down) starts Node in the background and exits at once, so the
 * daemon is re-parented to launchd/init, which reaps it. Raycast's helper never reaps children whose handle is gone
 * (raycast/extensions#29861), which is why the shell, a child we do wait for, sits in between.
 */
import { spawn } from "node:child_process";
import { mkdir, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { DaemonLaunch } from "./daemon-launch.js";
import { SupervisorError } from "./supervisor-error.js";

/** Beyond this size the log is moved to `<log>.1` before the next start, so it never grows without bound. */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

async function rotateLog(logPath: string): Promise<void> {
  try {
    if ((await stat(logPath)).size > MAX_LOG_BYTES) await rename(logPath, `${logPath}.1`);
  } catch {
    // No log yet.
  }
}

// "$1" is the log, the rest the command; the shell prints the background job's pid and exits.
const SHELL_SCRIPT = 'log="$1"; shift; "$@" </dev/null >>"$log" 2>&1 & echo $!';

/** Spawns the daemon detached with its output appended to `logPath`; resolves with the daemon's pid. */
export async function spawnDetached(launch: DaemonLaunch, logPath: string): Promise<number> {
  await mkdir(dirname(logPath), { recursive: true, mode: 0o700 });
  await rotateLog(logPath);
  const shell = spawn(
    "/bin/sh",
    ["-c", SHELL_SCRIPT, "sh", logPath, launch.nodeBinary, launch.script, ...launch.args],
    {
      detached: true,
      stdio: ["ignore", "pipe", "ignore"],
      env: launch.env,
    },
  );
  let stdout = "";
  shell.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    shell.once("error", reject);
    shell.once("close", (code) => resolve(code));
  });
  const pid = Number(stdout.trim());
  if (exitCode !== 0 || !Number.isInteger(pid) || pid <= 0) {
    throw new SupervisorError("start_failed", `Could not start the daemon (shell exit ${exitCode}).`);
  }
  return pid;
}
