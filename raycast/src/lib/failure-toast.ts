/**
 * The one place that turns a failure into what the user sees. A command run by hotkey has no Raycast window, and
 * Raycast then shows a toast as a HUD: its title only, no message, no actions. So the title alone names the problem
 * and the fix ("…: run Restart Speech Daemon"); the message adds the details and the log's path; the actions (Restart
 * Daemon, Open Log, Open Preferences) serve the case where the window is open; and the failure is remembered for the
 * Speech Player, which shows it beside "Open Log". Anything unexpected goes to `showFailureToast`.
 */
import { Clipboard, launchCommand, LaunchType, open, openExtensionPreferences, showToast, Toast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { isProtocolError, type ErrorCode } from "@kokoro-speech/protocol";
import { ConfigError } from "./config.js";
import { rememberFailure } from "./last-failure.js";
import { isSupervisorError, type SupervisorErrorCode } from "./supervisor-error.js";

const PROTOCOL_TITLES: Partial<Record<ErrorCode, string>> = {
  daemon_unreachable: "Speech daemon is not reachable",
  protocol_mismatch: "Speech daemon is a different version",
  unauthorized: "Speech daemon refused the connection",
  text_too_long: "Text is too long to read",
  empty_text: "Nothing to read",
  unknown_voice: "Voice is not installed",
  audio_unavailable: "No audio output",
  model_unavailable: "Speech model is not ready",
  synthesis_failed: "Speech synthesis failed",
};

const SUPERVISOR_TITLES: Record<SupervisorErrorCode, string> = {
  daemon_script_missing: "Speech daemon not found",
  node_missing: "Node.js not found",
  start_failed: "Speech daemon did not start",
  start_timeout: "Speech daemon did not start in time",
  not_our_process: "Speech daemon not restarted",
  stop_failed: "Old speech daemon did not stop",
  npm_missing: "Speech engine needs npm",
  engine_install_failed: "Speech engine install failed",
};

/** Codes that a fresh daemon may fix. */
const RESTART_HELPS = new Set<string>([
  "daemon_unreachable",
  "protocol_mismatch",
  "unauthorized",
  "stop_failed",
  "start_timeout",
]);

/** What the title says to do, per kind of fix: the only words a hotkey run shows. */
export const FIXES = {
  restart: "run Restart Speech Daemon",
  preferences: "check the extension's preferences",
  log: "see the log (Speech Player → Open Log)",
  node: "install Node.js (brew install node)",
  retry: "try again, or copy the install command",
} as const;

function restartAction(): Toast.ActionOptions {
  return {
    title: "Restart Daemon",
    onAction: () => launchCommand({ name: "restart-daemon", type: LaunchType.UserInitiated }),
  };
}

function openLogAction(logPath: string): Toast.ActionOptions {
  return { title: "Open Log", onAction: () => open(logPath) };
}

function copyCommandAction(command: string): Toast.ActionOptions {
  return {
    title: "Copy Install Command",
    onAction: () => Clipboard.copy(command),
  };
}

function preferencesAction(): Toast.ActionOptions {
  return { title: "Open Preferences", onAction: () => openExtensionPreferences() };
}

interface Presentation {
  readonly problem: string;
  readonly fix: keyof typeof FIXES;
  readonly message: string;
  readonly primaryAction: Toast.ActionOptions;
  readonly secondaryAction?: Toast.ActionOptions;
  /** The log the message points at, when not the daemon's (the engine's install log). */
  readonly log?: string;
}

function present(error: unknown, logPath: string): Presentation | null {
  if (error instanceof ConfigError) {
    return {
      problem: "Invalid preferences",
      fix: "preferences",
      message: error.message,
      primaryAction: preferencesAction(),
    };
  }
  if (isSupervisorError(error) && (error.code === "npm_missing" || error.code === "engine_install_failed")) {
    const log = error.hint.logPath ?? logPath;
    const copy = error.hint.copyCommand;
    return {
      problem: SUPERVISOR_TITLES[error.code],
      fix: error.code === "npm_missing" ? "node" : "retry",
      message: error.message,
      log,
      primaryAction: copy ? copyCommandAction(copy) : openLogAction(log),
      ...(copy ? { secondaryAction: openLogAction(log) } : {}),
    };
  }
  if (isSupervisorError(error)) {
    const fixedInPreferences = error.code === "daemon_script_missing" || error.code === "node_missing";
    const restartHelps = RESTART_HELPS.has(error.code);
    return {
      problem: SUPERVISOR_TITLES[error.code],
      fix: fixedInPreferences ? "preferences" : restartHelps ? "restart" : "log",
      message: error.message,
      primaryAction: fixedInPreferences ? preferencesAction() : openLogAction(logPath),
      ...(restartHelps ? { secondaryAction: restartAction() } : {}),
    };
  }
  if (isProtocolError(error)) {
    const restartHelps = RESTART_HELPS.has(error.code);
    return {
      problem: PROTOCOL_TITLES[error.code] ?? "Speech failed",
      fix: restartHelps ? "restart" : "log",
      message: error.message,
      primaryAction: restartHelps ? restartAction() : openLogAction(logPath),
      ...(restartHelps ? { secondaryAction: openLogAction(logPath) } : {}),
    };
  }
  return null;
}

/** "Problem: fix" — what a hotkey run's HUD shows. */
export function failureTitle(problem: string, fix: keyof typeof FIXES): string {
  return `${problem}: ${FIXES[fix]}`;
}

export async function showFailure(error: unknown, logPath: string): Promise<void> {
  const presentation = present(error, logPath);
  if (!presentation) {
    const title = failureTitle("Speech failed", "log");
    rememberFailure(title);
    await showFailureToast(error, { title, primaryAction: openLogAction(logPath) });
    return;
  }
  const { problem, fix, message, primaryAction, secondaryAction, log } = presentation;
  const title = failureTitle(problem, fix);
  rememberFailure(title);
  await showToast({
    style: Toast.Style.Failure,
    title,
    message: `${message} Log: ${log ?? logPath}`,
    primaryAction,
    ...(secondaryAction ? { secondaryAction } : {}),
  });
}
