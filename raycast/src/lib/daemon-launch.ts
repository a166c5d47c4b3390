/** The command line and environment a detached daemon is started with. */
import { delimiter } from "node:path";
import { DAEMON_PROCESS_ENV } from "@kokoro-speech/protocol";

export interface DaemonLaunch {
  readonly nodeBinary: string;
  readonly script: string;
  /** Arguments after the script: `serve` and its flags. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface LaunchInput {
  nodeBinary: string;
  script: string;
  /** Passed as `--port` only when set; the daemon's default otherwise. */
  port?: number | undefined;
  /** Passed as `--state-dir` only when set; the daemon resolves the same default as the extension otherwise. */
  stateDir?: string | undefined;
  /** Passed as `--exit-when-idle` when positive: a daemon the extension starts exits after this idle time. */
  exitWhenIdleSeconds?: number | undefined;
  parentEnv: NodeJS.ProcessEnv;
}

/**
 * Variables the daemon may inherit. Raycast's NODE_PATH points into Raycast's own modules and NODE_OPTIONS could
 * inject flags into the daemon, so both stay out; `KOKORO_SPEECH_*` carries settings both sides must agree on (the
 * state directory above all).
 */
const INHERITED = ["HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TMPDIR", "SHELL"];
const INHERITED_PREFIXES = ["KOKORO_SPEECH_", "XDG_"];

/** Raycast children get launchd's minimal PATH; the daemon may need Homebrew tools (npm for voice packs). */
export const EXTRA_PATH_DIRS = ["/opt/homebrew/bin", "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"];

export function daemonEnvironment(parentEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parentEnv)) {
    if (value === undefined) continue;
    if (INHERITED.includes(name) || INHERITED_PREFIXES.some((prefix) => name.startsWith(prefix))) env[name] = value;
  }
  const pathDirs = [...(parentEnv.PATH ?? "").split(delimiter).filter(Boolean), ...EXTRA_PATH_DIRS];
  env.PATH = [...new Set(pathDirs)].join(delimiter);
  return { ...env, ...DAEMON_PROCESS_ENV };
}

export function buildDaemonLaunch(input: LaunchInput): DaemonLaunch {
  const args = ["serve"];
  if (input.port !== undefined) args.push("--port", String(input.port));
  if (input.stateDir !== undefined) args.push("--state-dir", input.stateDir);
  if (input.exitWhenIdleSeconds !== undefined && input.exitWhenIdleSeconds > 0) {
    args.push("--exit-when-idle", String(input.exitWhenIdleSeconds));
  }
  return {
    nodeBinary: input.nodeBinary,
    script: input.script,
    args,
    env: daemonEnvironment(input.parentEnv),
  };
}
