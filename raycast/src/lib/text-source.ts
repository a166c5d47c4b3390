/** Where the text to speak comes from: the selection, else (when enabled) the clipboard. */
import { Clipboard, getSelectedText } from "@raycast/api";

export type TextSource = "selection" | "clipboard";

export type TextToSpeak =
  | { readonly text: string; readonly source: TextSource }
  | {
      readonly text: null;
      /** `getSelectedText` threw: nothing selected, or Raycast lacks the Accessibility permission. */
      readonly selectionUnreadable: boolean;
      readonly clipboardTried: boolean;
    };

function hasWords(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== "";
}

export async function readTextToSpeak(useClipboardFallback: boolean): Promise<TextToSpeak> {
  let selection: string | undefined;
  let selectionUnreadable = false;
  try {
    selection = await getSelectedText();
  } catch {
    selectionUnreadable = true;
  }
  if (hasWords(selection)) return { text: selection, source: "selection" };
  if (useClipboardFallback) {
    const clipboard = await Clipboard.readText();
    if (hasWords(clipboard)) return { text: clipboard, source: "clipboard" };
  }
  return { text: null, selectionUnreadable, clipboardTried: useClipboardFallback };
}

/** What the failure toast says when there is nothing to read: what to do next, not just what went wrong. */
export function describeMissingText(missing: { selectionUnreadable: boolean; clipboardTried: boolean }): string {
  const parts = ["Select some text first."];
  if (missing.selectionUnreadable) {
    parts.push(
      "If text is selected, allow Raycast in System Settings → Privacy & Security → Accessibility; some apps never share their selection.",
    );
  }
  parts.push(
    missing.clipboardTried
      ? "The clipboard has no text either."
      : "Or copy the text and turn on “Read clipboard when nothing is selected”.",
  );
  return parts.join(" ");
}
