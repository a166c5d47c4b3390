/**
 * When another process started, in epoch milliseconds, so that a pid can be told apart from a later process that
 * reused it (after a reboot, the pid in a left-over lock file often belongs to something else). Read from /proc on
 * Linux and from `ps` elsewhere; null whenever it cannot be known reliably, and callers then trust the pid alone.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";

/**
 * Start times are compared with this slack: `ps` gives whole seconds, /proc's boot time too, and the wall clock may
 * have been adjusted since. A reused pid belongs to a process started long after (a reboot, a pid wrap-around), so a
 * generous slack costs nothing, while a tight one could take the lock from a daemon that still runs.
 */
export const START_TIME_TOLERANCE_MS = 30_000;

/**
 * /proc/<pid>/stat's `starttime` counts clock ticks since boot, and USER_HZ is 100 on every mainstream Linux build.
 * That assumption is checked once against this process's own start before any other process is judged by it.
 */
const LINUX_TICKS_PER_SECOND = 100;

async function linuxStartTimeMs(pid: number | "self"): Promise<number | null> {
  try {
    const [stat, procStat] = await Promise.all([readFile(`/proc/${pid}/stat`, "utf8"), readFile("/proc/stat", "utf8")]);
    // "pid (comm) state ppid …": comm may hold spaces or ")", so count fields after the last ")"; starttime is the
    // 22nd field overall, the 20th after comm.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(procStat)?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootSeconds)) return null;
    return bootSeconds * 1000 + (ticks * 1000) / LINUX_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function psStartTimeMs(pid: number): Promise<number | null> {
  return new Promise((resolve) => {
    // The C locale makes the date parseable; the time zone is this process's, as for Date.parse below.
    execFile("ps", ["-p", String(pid), "-o", "lstart="], { env: { ...process.env, LC_ALL: "C" } }, (error, stdout) => {
      const parsed = Date.parse(stdout.trim());
      resolve(error || Number.isNaN(parsed) ? null : parsed);
    });
  });
}

let linuxReliable: Promise<boolean> | undefined;

/** Whether /proc's tick count, read for this very process, lands where Node says this process started. */
function linuxMethodIsReliable(): Promise<boolean> {
  linuxReliable ??= linuxStartTimeMs("self").then(
    (ownMs) => ownMs !== null && Math.abs(ownMs - performance.timeOrigin) <= START_TIME_TOLERANCE_MS,
  );
  return linuxReliable;
}

/** The start time of `pid` in epoch ms, or null when it cannot be read reliably (no such process, no `ps`). */
export async function processStartTimeMs(pid: number): Promise<number | null> {
  if (process.platform === "linux") return (await linuxMethodIsReliable()) ? linuxStartTimeMs(pid) : null;
  return psStartTimeMs(pid);
}

/** This process's start time in epoch ms, as recorded for others to check. */
export function ownStartTimeMs(): number {
  return Math.round(performance.timeOrigin);
}
