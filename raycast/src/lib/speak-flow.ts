/**
 * What every Speak command does once it has text: an animated toast at once ("Connecting…", then "Starting…" when
 * the daemon must be started), the daemon's ack, the menu-bar refresh, and a HUD last — a distribution build may tear
 * the command down as soon as the HUD closes the window (raycast/extensions#29432).
 */
import { Cache, showHUD, showToast, Toast } from "@raycast/api";
import type { ModelStatusReport } from "@kokoro-speech/protocol";
import { loadSpeechChoices } from "./choices.js";
import { readConfig, type ExtensionConfig } from "./config.js";
import { supervisorOptionsFor } from "./extension-context.js";
import { failureTitle, showFailure } from "./failure-toast.js";
import { clearFailure, rememberFailure } from "./last-failure.js";
import { voiceName } from "./manifest-choices.js";
import { rememberNowSpeaking } from "./now-speaking.js";
import { refreshMenuBar } from "./refresh-menu-bar.js";
import { speak, type SpeakOutcome } from "./speak.js";
import { CONNECTING_TITLE, startupFeedback } from "./startup-toast.js";
import { logPathOf } from "./supervisor.js";

export type SpokenSource = "selection" | "clipboard" | "typed";

export interface FoundText {
  readonly text: string;
  readonly source: SpokenSource;
}

/** No text to read: the title's fix (all a hotkey run shows) and the details for the toast's message. */
export interface NothingToRead {
  readonly fix: string;
  readonly details: string;
}

export { CONNECTING_TITLE, STARTING_TITLE } from "./startup-toast.js";

function percentOf(model: Partial<ModelStatusReport> | undefined): string {
  return typeof model?.progress?.percent === "number" ? ` (${Math.floor(model.progress.percent)}%)` : "";
}

async function reportModelUnavailable(outcome: Extract<SpeakOutcome, { kind: "model_unavailable" }>): Promise<void> {
  const { model } = outcome;
  if (!outcome.downloadRequested || model?.state === "failed") {
    const failed = model?.state === "failed";
    const title = failureTitle(failed ? "Speech model download failed" : "Speech model is not installed", "log");
    rememberFailure(title);
    await showToast({
      style: Toast.Style.Failure,
      title,
      message: (failed && model?.error?.message) || outcome.message,
    });
    return;
  }
  await refreshMenuBar();
  await showToast({
    style: Toast.Style.Success,
    title: `Downloading the speech model${percentOf(model)}`,
    message: "Speech starts once it is installed; the Speech Player shows the progress.",
  });
}

/** The fallback voice is speaking while the model downloads: say so, with the percentage when known. */
async function reportFallbackVoice(model: Partial<ModelStatusReport>): Promise<void> {
  await showToast({
    style: Toast.Style.Success,
    title: `Downloading the speech model${percentOf(model)}`,
    message: "Speaking with the basic fallback voice meanwhile; the Kokoro voice takes over once it is installed.",
  });
}

export async function reportNothingToRead(missing: NothingToRead): Promise<void> {
  await showToast({ style: Toast.Style.Failure, title: `Nothing to read: ${missing.fix}`, message: missing.details });
}

async function speakFound(text: string, source: SpokenSource, config: ExtensionConfig): Promise<void> {
  const choices = await loadSpeechChoices(config);
  const toast = await showToast({ style: Toast.Style.Animated, title: CONNECTING_TITLE });
  const outcome = await speak(text, choices, config.modelQuality, {
    ...supervisorOptionsFor(config),
    ...startupFeedback(toast),
  });
  if (outcome.kind === "model_unavailable") return reportModelUnavailable(outcome);
  rememberNowSpeaking(new Cache(), outcome.streamId, text);
  clearFailure();
  await refreshMenuBar();
  if (outcome.fallback) return reportFallbackVoice(outcome.fallback.model);
  const from = source === "clipboard" ? " from the clipboard" : "";
  await showHUD(`Speaking${from} with ${voiceName(choices.voice)}`);
}

/**
 * Runs a Speak command: `readText` finds the text (or says why there is none), the rest is shared. Every failure
 * reaches the user through `showFailure`.
 */
export async function runSpeakCommand(
  readText: (config: ExtensionConfig) => Promise<FoundText | NothingToRead>,
): Promise<void> {
  try {
    const config = readConfig();
    const found = await readText(config);
    if (!("text" in found)) return await reportNothingToRead(found);
    await speakFound(found.text, found.source, config);
  } catch (error) {
    await showFailure(error, logPathOf({}));
  }
}
