/** Questions about other processes, asked with signals and `ps` (present on macOS and Linux). */
import { execFile } from "node:child_process";

function ps(pid: number, field: "command" | "stat"): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("ps", ["-p", String(pid), "-o", `${field}=`], (error, stdout) => {
      const text = stdout.trim();
      resolve(error || text === "" ? null : text);
    });
  });
}

/** The process's full command line, or `null` when no such process exists. */
export function processCommandLine(pid: number): Promise<string | null> {
  return ps(pid, "command");
}

/** Alive and not a zombie: an exited child its parent has not reaped yet still answers signal 0. */
export async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = await ps(pid, "stat");
  return stat !== null && !stat.startsWith("Z");
}

const EXIT_POLL_MS = 50;

/** Resolves `true` once the process is gone, `false` if it is still alive after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, EXIT_POLL_MS));
  }
  return true;
}
