/**
 * The animated toast a command shows while it reaches the daemon: "Connecting…", "Starting…" when the daemon must be
 * started, and on first use "Installing the speech engine…" with what npm is doing and for how long.
 */
import type { Toast } from "@raycast/api";
import type { EngineInstallProgress } from "./engine-install.js";
import type { SupervisorOptions } from "./supervisor.js";

export const CONNECTING_TITLE = "Connecting to the speech daemon…";
export const STARTING_TITLE = "Starting the speech daemon…";
export const INSTALLING_TITLE = "Installing the speech engine (first use)…";

export function installProgressMessage(progress: EngineInstallProgress): string {
  const parts = [`kokoro-speech ${progress.version}`];
  if (progress.downloaded > 0) {
    parts.push(`${progress.downloaded} package${progress.downloaded === 1 ? "" : "s"} downloaded`);
  }
  if (progress.building !== undefined) parts.push(`building ${progress.building}`);
  parts.push(`${Math.floor(progress.elapsedMs / 1000)} s`);
  return parts.join(" · ");
}

/** The supervisor callbacks that keep `toast` saying what is happening. */
export function startupFeedback(toast: Toast): Pick<SupervisorOptions, "onStarting" | "onInstalling"> {
  return {
    onStarting: async () => {
      toast.title = STARTING_TITLE;
      // After an install, its progress line no longer applies.
      if (toast.message !== undefined) toast.message = undefined;
    },
    onInstalling: (progress) => {
      toast.title = INSTALLING_TITLE;
      toast.message = installProgressMessage(progress);
    },
  };
}
