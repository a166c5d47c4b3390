import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { STATE_FILES } from "@kokoro-speech/shared";

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

/**
 * One daemon per state directory: the lock file is created exclusively and holds the owner's pid. A lock whose
 * pid is dead is stale (the daemon was killed) and is taken over.
 */
export async function acquireInstanceLock(stateDir: string): Promise<LockResult> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const lockPath = join(stateDir, STATE_FILES.lock);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return {
        acquired: true,
        release: async () => {
          const owner = await readLockPid(lockPath);
          if (owner === process.pid) await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = await readLockPid(lockPath);
    if (pid !== null && pid !== process.pid && isProcessAlive(pid)) return { acquired: false, pid };
    await rm(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

async function readLockPid(lockPath: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(lockPath, "utf8")).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
