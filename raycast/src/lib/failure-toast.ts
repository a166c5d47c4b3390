/**
 * The one place that turns a failure into what the user sees: a title that names the problem and the action that
 * fixes it (Restart Daemon, Open Log, Open Preferences). Anything unexpected goes to `showFailureToast`.
 */
import { launchCommand, LaunchType, open, openExtensionPreferences, showToast, Toast } from "@raycast/api";
import { showFailureToast } from "@raycast/utils";
import { isProtocolError, type ErrorCode } from "@kokoro-speech/shared";
import { ConfigError } from "./config.js";
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
  start_timeout: "Speech daemon did not start",
  not_our_process: "Speech daemon not restarted",
  stop_failed: "Old speech daemon did not stop",
};

/** Codes that a fresh daemon may fix. */
const RESTART_HELPS = new Set<string>(["daemon_unreachable", "protocol_mismatch", "unauthorized", "stop_failed"]);

function restartAction(): Toast.ActionOptions {
  return {
    title: "Restart Daemon",
    onAction: () => launchCommand({ name: "restart-daemon", type: LaunchType.UserInitiated }),
  };
}

function openLogAction(logPath: string): Toast.ActionOptions {
  return { title: "Open Log", onAction: () => open(logPath) };
}

function preferencesAction(): Toast.ActionOptions {
  return { title: "Open Preferences", onAction: () => openExtensionPreferences() };
}

export async function showFailure(error: unknown, logPath: string): Promise<void> {
  if (error instanceof ConfigError) {
    await showToast({
      style: Toast.Style.Failure,
      title: "Invalid preferences",
      message: error.message,
      primaryAction: preferencesAction(),
    });
  } else if (isSupervisorError(error)) {
    const fixedInPreferences = error.code === "daemon_script_missing" || error.code === "node_missing";
    await showToast({
      style: Toast.Style.Failure,
      title: SUPERVISOR_TITLES[error.code],
      message: error.message,
      primaryAction: fixedInPreferences ? preferencesAction() : openLogAction(logPath),
      ...(RESTART_HELPS.has(error.code) ? { secondaryAction: restartAction() } : {}),
    });
  } else if (isProtocolError(error)) {
    await showToast({
      style: Toast.Style.Failure,
      title: PROTOCOL_TITLES[error.code] ?? "Speech failed",
      message: error.message,
      primaryAction: RESTART_HELPS.has(error.code) ? restartAction() : openLogAction(logPath),
      ...(RESTART_HELPS.has(error.code) ? { secondaryAction: openLogAction(logPath) } : {}),
    });
  } else {
    await showFailureToast(error, { title: "Speech failed", primaryAction: openLogAction(logPath) });
  }
}
