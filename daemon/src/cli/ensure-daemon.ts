import { join } from "node:path";
import { resolveStateDir, STATE_FILES, type DaemonClient } from "@kokoro-speech/protocol";
import { connectToDaemon } from "./connect.js";
import { CliError, EXIT_UNREACHABLE } from "./errors.js";
import { takePrestartedDaemon } from "./prestart.js";
import { spawnDaemon } from "./spawn-daemon.js";

/** A daemon takes well under a second to listen; this allows for a slow, busy machine. */
const START_TIMEOUT_MS = 15_000;
/** Between attempts to connect: a failed attempt (no discovery file yet, or nothing on its port) costs well under 1 ms. */
const POLL_INTERVAL_MS = 10;

export interface EnsureDaemonOptions {
  stateDir?: string | undefined;
  dataDir?: string | undefined;
}

function isUnreachable(error: unknown): boolean {
  return error instanceof CliError && error.exitCode === EXIT_UNREACHABLE;
}

/**
 * Connects to the running daemon, or starts one (detached, its output in the state directory's log) and connects
 * once it answers the handshake.
 */
export async function ensureDaemon(options: EnsureDaemonOptions = {}): Promise<DaemonClient> {
  const stateDir = options.stateDir ?? resolveStateDir();
  let child = takePrestartedDaemon(stateDir);
  if (child === undefined) {
    try {
      return await connectToDaemon(stateDir);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
    }
    child = spawnDaemon({ stateDir, dataDir: options.dataDir });
  }

  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await connectToDaemon(stateDir);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      lastError = error;
    }
    if (child.exitCode !== null && child.exitCode !== 0) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  const logPath = join(stateDir, STATE_FILES.log);
  throw new CliError(
    `could not start the daemon (${lastError instanceof Error ? lastError.message : "no answer"}); see ${logPath}`,
    EXIT_UNREACHABLE,
  );
}
