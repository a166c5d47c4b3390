/**
 * The daemon a `speak` is about to need, started before the CLI loads the rest of itself. Only when that is certain
 * without loading anything: the command is `speak`, without `--help`, `--state-dir` or `--data-dir` (those take the
 * ordinary path in ensure-daemon.ts), and the state directory holds no lock file (no daemon runs or starts there; a
 * stale lock left by a crash also takes the ordinary path, which knows how to judge it). Should a daemon start
 * meanwhile anyway, the one started here finds its lock taken and exits. ensureDaemon() then connects to this
 * daemon rather than starting another.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { resolveStateDir, STATE_FILES } from "@kokoro-speech/protocol/paths";
import { spawnDaemon } from "./spawn-daemon.js";

const ORDINARY_PATH_FLAGS = ["--state-dir", "--data-dir", "--help", "-h"];

let prestarted: { readonly stateDir: string; readonly child: ChildProcess } | undefined;

/** `args`: the command line after `node cli.js`. */
export function prestartDaemon(args: readonly string[]): void {
  if (args[0] !== "speak") return;
  const flags = args.slice(1, args.includes("--") ? args.indexOf("--") : undefined);
  if (flags.some((arg) => ORDINARY_PATH_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) return;
  const stateDir = resolveStateDir();
  if (existsSync(join(stateDir, STATE_FILES.lock))) return;
  try {
    prestarted = { stateDir, child: spawnDaemon({ stateDir }) };
  } catch (error) {
    // The folder cannot be made or the log opened: the ordinary path meets the same and says so in one line.
    if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
  }
}

/** The daemon prestartDaemon() started for `stateDir`, handed over once. */
export function takePrestartedDaemon(stateDir: string): ChildProcess | undefined {
  if (prestarted?.stateDir !== stateDir) return undefined;
  const { child } = prestarted;
  prestarted = undefined;
  return child;
}
