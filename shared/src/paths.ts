/**
 * Where the daemon keeps its runtime files (lock, discovery file, token, log) and its data (model, voices).
 * Daemon and clients resolve the same folders from the same rules, so both live here.
 */
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

export const APP_DIR_NAME = "kokoro-speech";

/** Environment variables that override the folders (absolute paths). */
export const STATE_DIR_ENV = "KOKORO_SPEECH_STATE_DIR";
export const DATA_DIR_ENV = "KOKORO_SPEECH_DATA_DIR";

export interface PathContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

function contextOf(context: PathContext): Required<PathContext> {
  return {
    env: context.env ?? process.env,
    platform: context.platform ?? process.platform,
    home: context.home ?? homedir(),
  };
}

/**
 * An XDG base directory variable, or `undefined` when unset, empty or relative: the XDG spec says a relative value
 * is invalid and must be ignored. Honouring it would put daemon and clients, started from different working
 * directories, in different folders.
 */
function xdgBaseDir(value: string | undefined): string | undefined {
  return value && isAbsolute(value) ? value : undefined;
}

/**
 * Runtime state: macOS `~/Library/Application Support/kokoro-speech`, elsewhere
 * `$XDG_STATE_HOME/kokoro-speech` (default `~/.local/state/kokoro-speech`, also when `XDG_STATE_HOME` is relative);
 * `KOKORO_SPEECH_STATE_DIR` overrides.
 */
export function resolveStateDir(context: PathContext = {}): string {
  const { env, platform, home } = contextOf(context);
  const override = env[STATE_DIR_ENV];
  if (override) return override;
  if (platform === "darwin") return join(home, "Library", "Application Support", APP_DIR_NAME);
  return join(xdgBaseDir(env.XDG_STATE_HOME) ?? join(home, ".local", "state"), APP_DIR_NAME);
}

/**
 * Model and voice files: macOS `~/Library/Application Support/kokoro-speech`, elsewhere
 * `$XDG_DATA_HOME/kokoro-speech` (default `~/.local/share/kokoro-speech`, also when `XDG_DATA_HOME` is relative);
 * `KOKORO_SPEECH_DATA_DIR` overrides.
 */
export function resolveDataDir(context: PathContext = {}): string {
  const { env, platform, home } = contextOf(context);
  const override = env[DATA_DIR_ENV];
  if (override) return override;
  if (platform === "darwin") return join(home, "Library", "Application Support", APP_DIR_NAME);
  return join(xdgBaseDir(env.XDG_DATA_HOME) ?? join(home, ".local", "share"), APP_DIR_NAME);
}

/** File names inside the state directory. */
export const STATE_FILES = {
  /** Single-instance lock: holds the pid of the daemon that owns this state directory. */
  lock: "daemon.lock",
  /** Written after the daemon listens: pid, port, version; clients read it to connect. */
  discovery: "daemon.json",
  /** The auth token, mode 0600. */
  token: "token",
  /** The daemon's log when started detached. */
  log: "daemon.log",
} as const;
