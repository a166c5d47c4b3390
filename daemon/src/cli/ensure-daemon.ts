import { spawn } from "node:child_process";
import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DAEMON_PROCESS_ENV, resolveStateDir, STATE_FILES, type DaemonClient } from "@kokoro-speech/shared";
import { connectToDaemon } from "./connect.js";
import { CliError, EXIT_UNREACHABLE } from "./errors.js";

/** A daemon takes well under a second to listen; this allows for a slow, busy machine. */
const START_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 50;

const CLI_ENTRY = fileURLToPath(new URL("../cli.js", import.meta.url));

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
  try {
    return await connectToDaemon(stateDir);
  } catch (error) {
    if (!isUnreachable(error)) throw error;
  }
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const log = await open(join(stateDir, STATE_FILES.log), "a", 0o600);
  const args = [
    CLI_ENTRY,
    "serve",
    "--state-dir",
    stateDir,
    ...(options.dataDir ? ["--data-dir", options.dataDir] : []),
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    env: { ...process.env, ...DAEMON_PROCESS_ENV },
    stdio: ["ignore", log.fd, log.fd],
  });
  child.unref();
  await log.close();

  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    try {
      return await connectToDaemon(stateDir);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      lastError = error;
    }
    if (child.exitCode !== null && child.exitCode !== 0) break;
  }
  const logPath = join(stateDir, STATE_FILES.log);
  throw new CliError(
    `could not start the daemon (${lastError instanceof Error ? lastError.message : "no answer"}); see ${logPath}`,
    EXIT_UNREACHABLE,
  );
}
