import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { STATE_FILES } from "@kokoro-speech/protocol";
import { ownStartTimeMs, processStartTimeMs, START_TIME_TOLERANCE_MS } from "./process-start-time.js";

export type LockResult = { acquired: true; release: () => Promise<void> } | { acquired: false; pid: number };

/** A killed daemon not yet reaped by its parent stays a zombie: it holds its pid but will never serve again. */
function isZombie(pid: number): boolean {
  if (process.platform !== "linux") return false;
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; comm may contain spaces or parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/** What the lock file says: its owner's pid and, since this format, when that process started. */
interface LockOwner {
  readonly pid: number;
  readonly startedAtMs: number | null;
}

/**
 * Whether the lock's owner still runs: its pid is alive and, when the lock recorded a start time, the process now
 * holding that pid started then. A different start time means the pid was reused (typically after a reboot, with the
 * lock file left behind) by a process that is not a daemon.
 */
async function ownerIsRunning(owner: LockOwner): Promise<boolean> {
  if (owner.pid === process.pid || !isProcessAlive(owner.pid)) return false;
  if (owner.startedAtMs === null) return true;
  const actualMs = await processStartTimeMs(owner.pid);
  return actualMs === null || Math.abs(actualMs - owner.startedAtMs) <= START_TIME_TOLERANCE_MS;
}

/**
 * One daemon per state directory: the lock file is created exclusively and holds the owner's pid and start time. A
 * lock whose owner no longer runs (the daemon was killed, or its pid now belongs to another process) is stale and is
 * taken over.
 */
export async function acquireInstanceLock(stateDir: string): Promise<LockResult> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const lockPath = join(stateDir, STATE_FILES.lock);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      await handle.writeFile(`${process.pid}\n${ownStartTimeMs()}\n`);
      await handle.close();
      return {
        acquired: true,
        release: async () => {
          const owner = await readLockOwner(lockPath);
          if (owner?.pid === process.pid) await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await readLockOwner(lockPath);
    if (owner !== null && (await ownerIsRunning(owner))) return { acquired: false, pid: owner.pid };
    await rm(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

/** The owner a lock file names; a lock written before start times were recorded has only the pid. */
async function readLockOwner(lockPath: string): Promise<LockOwner | null> {
  let lines: string[];
  try {
    lines = (await readFile(lockPath, "utf8")).split("\n");
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const startedAtMs = Number.parseInt(lines[1] ?? "", 10);
  return { pid, startedAtMs: Number.isInteger(startedAtMs) && startedAtMs > 0 ? startedAtMs : null };
}
