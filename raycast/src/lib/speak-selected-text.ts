/** Speak Selected Text: the selection, else the clipboard when the preference allows it. */
import { runSpeakCommand } from "./speak-flow.js";
import { readSelectionOrClipboard } from "./text-source.js";

export function runSpeakSelectedText(): Promise<void> {
  return runSpeakCommand((config) => readSelectionOrClipboard(config.useClipboardFallback));
}
