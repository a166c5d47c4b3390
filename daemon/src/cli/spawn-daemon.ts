/**
 * Starts a daemon detached from this process, its output appended to the state directory's log. Node built-ins and
 * the protocol package's light entry points only: the CLI calls it before it loads anything else (prestart.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DAEMON_PROCESS_ENV } from "@kokoro-speech/protocol/daemon-env";
import { STATE_FILES } from "@kokoro-speech/protocol/paths";

const CLI_ENTRY = fileURLToPath(new URL("../cli.js", import.meta.url));

export interface SpawnDaemonOptions {
  readonly stateDir: string;
  readonly dataDir?: string | undefined;
}

export function spawnDaemon(options: SpawnDaemonOptions): ChildProcess {
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const log = openSync(join(options.stateDir, STATE_FILES.log), "a", 0o600);
  try {
    const args = [
      CLI_ENTRY,
      "serve",
      "--state-dir",
      options.stateDir,
      ...(options.dataDir ? ["--data-dir", options.dataDir] : []),
    ];
    const child = spawn(process.execPath, args, {
      detached: true,
      env: { ...process.env, ...DAEMON_PROCESS_ENV },
      stdio: ["ignore", log, log],
    });
    child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}
