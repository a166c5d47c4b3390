/**
 * What Choose Voice's actions do: Preview speaks a short sample in a voice at the speed in use (replacing what
 * plays), Set as Default makes it the voice in use (the menu's choice, see choices.ts), and blends are saved or
 * deleted. A view command keeps its window, so results are toasts, not HUDs.
 */
import { showToast, Toast } from "@raycast/api";
import { loadSpeechChoices, saveVoiceChoice } from "./choices.js";
import { readConfig } from "./config.js";
import { supervisorOptionsFor } from "./extension-context.js";
import { showFailure } from "./failure-toast.js";
import { voiceName } from "./manifest-choices.js";
import { refreshMenuBar } from "./refresh-menu-bar.js";
import { deleteBlend, saveBlend } from "./saved-blends.js";
import { speak } from "./speak.js";
import { CONNECTING_TITLE } from "./speak-flow.js";
import { startupFeedback } from "./startup-toast.js";
import { logPathOf } from "./supervisor.js";
import { blendSpec } from "./voice-blend.js";

export const PREVIEW_TEXT = "Hello! This is how this voice sounds at your speed.";

export interface BlendFormValues {
  first?: string;
  second?: string;
  /** The first voice's share in percent, as the dropdown's string. */
  share?: string;
}

export interface VoiceActions {
  preview(voice: string): Promise<void>;
  setDefault(voice: string): Promise<void>;
  saveBlend(values: BlendFormValues): Promise<void>;
  deleteBlend(spec: string): Promise<void>;
}

async function preview(voice: string): Promise<void> {
  try {
    const config = readConfig();
    const { speed } = await loadSpeechChoices(config);
    const toast = await showToast({ style: Toast.Style.Animated, title: CONNECTING_TITLE });
    const outcome = await speak(PREVIEW_TEXT, { voice, speed }, config.modelQuality, {
      ...supervisorOptionsFor(config),
      ...startupFeedback(toast),
    });
    await refreshMenuBar();
    if (outcome.kind === "model_unavailable") {
      toast.style = Toast.Style.Failure;
      toast.title = "Speech model is not ready: the Speech Player shows the download";
      toast.message = outcome.message;
      return;
    }
    toast.style = Toast.Style.Success;
    toast.title = `Previewing ${voiceName(voice)}`;
  } catch (error) {
    await showFailure(error, logPathOf({}));
  }
}

export function createVoiceActions(onChange: () => void = () => undefined): VoiceActions {
  return {
    preview,
    setDefault: async (voice) => {
      await saveVoiceChoice(voice);
      await refreshMenuBar();
      await showToast({ style: Toast.Style.Success, title: `${voiceName(voice)} is now the voice` });
      onChange();
    },
    saveBlend: async (values) => {
      try {
        const spec = blendSpec(values.first ?? "", values.second ?? "", Number(values.share));
        await saveBlend(spec);
        await showToast({ style: Toast.Style.Success, title: `Saved blend ${voiceName(spec)}` });
        onChange();
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        await showToast({ style: Toast.Style.Failure, title: "Blend not saved", message: error.message });
      }
    },
    deleteBlend: async (spec) => {
      await deleteBlend(spec);
      onChange();
    },
  };
}
