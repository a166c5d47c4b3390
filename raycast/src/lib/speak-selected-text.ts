/**
 * The Speak Selected Text flow: text → daemon → ack → menu-bar refresh → HUD. The HUD comes last because a
 * distribution build may tear the command down as soon as the HUD closes the window (raycast/extensions#29432).
 */
import { Cache, showHUD, showToast, Toast } from "@raycast/api";
import type { ModelStatusReport } from "@kokoro-speech/shared";
import { loadSpeechChoices } from "./choices.js";
import { readConfig } from "./config.js";
import { supervisorOptionsFor } from "./extension-context.js";
import { showFailure } from "./failure-toast.js";
import { voiceName } from "./manifest-choices.js";
import { rememberNowSpeaking } from "./now-speaking.js";
import { refreshMenuBar } from "./refresh-menu-bar.js";
import { speak, type SpeakOutcome } from "./speak.js";
import { logPathOf } from "./supervisor.js";
import { describeMissingText, readTextToSpeak } from "./text-source.js";

async function reportModelUnavailable(outcome: Extract<SpeakOutcome, { kind: "model_unavailable" }>): Promise<void> {
  const { model } = outcome;
  if (!outcome.downloadRequested || model?.state === "failed") {
    const failed = model?.state === "failed";
    await showToast({
      style: Toast.Style.Failure,
      title: failed ? "Speech model download failed" : "Speech model is not installed",
      message: (failed && model?.error?.message) || outcome.message,
    });
    return;
  }
  await refreshMenuBar();
  const percent = typeof model?.progress?.percent === "number" ? ` (${Math.floor(model.progress.percent)}%)` : "";
  await showToast({
    style: Toast.Style.Success,
    title: `Downloading the speech model${percent}`,
    message: "Speech starts once it is installed; the Speech Player shows the progress.",
  });
}

/** The fallback voice is speaking while the model downloads: say so, with the percentage when known. */
async function reportFallbackVoice(model: Partial<ModelStatusReport>): Promise<void> {
  const percent = typeof model.progress?.percent === "number" ? ` (${Math.floor(model.progress.percent)}%)` : "";
  await showToast({
    style: Toast.Style.Success,
    title: `Downloading the speech model${percent}`,
    message: "Speaking with the basic fallback voice meanwhile; the Kokoro voice takes over once it is installed.",
  });
}

export async function runSpeakSelectedText(): Promise<void> {
  try {
    const config = readConfig();
    const found = await readTextToSpeak(config.useClipboardFallback);
    if (found.text === null) {
      await showToast({ style: Toast.Style.Failure, title: "Nothing to read", message: describeMissingText(found) });
      return;
    }
    const choices = await loadSpeechChoices(config);
    const outcome = await speak(found.text, choices, config.modelQuality, supervisorOptionsFor(config));
    if (outcome.kind === "model_unavailable") return await reportModelUnavailable(outcome);
    rememberNowSpeaking(new Cache(), outcome.streamId, found.text);
    await refreshMenuBar();
    if (outcome.fallback) return await reportFallbackVoice(outcome.fallback.model);
    const source = found.source === "clipboard" ? " from the clipboard" : "";
    await showHUD(`Speaking${source} with ${voiceName(choices.voice)}`);
  } catch (error) {
    await showFailure(error, logPathOf({}));
  }
}
