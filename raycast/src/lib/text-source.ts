/** Where the text to speak comes from: the selection, else (when enabled) the clipboard; or the clipboard alone. */
import { Clipboard, getSelectedText } from "@raycast/api";
import type { FoundText, NothingToRead } from "./speak-flow.js";

function hasWords(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== "";
}

/**
 * The clipboard's text. Raycast's `Clipboard` API reports no pasteboard types, so an item a password manager marks as
 * concealed (`org.nspasteboard.ConcealedType`) cannot be told apart from any other text: see the README.
 */
async function clipboardText(): Promise<string | undefined> {
  return Clipboard.readText();
}

export async function readSelectionOrClipboard(useClipboardFallback: boolean): Promise<FoundText | NothingToRead> {
  let selection: string | undefined;
  let selectionUnreadable = false;
  try {
    selection = await getSelectedText();
  } catch {
    // `getSelectedText` rejects both when nothing is selected and when Raycast lacks the Accessibility permission.
    selectionUnreadable = true;
  }
  if (hasWords(selection)) return { text: selection, source: "selection" };
  if (useClipboardFallback) {
    const clipboard = await clipboardText();
    if (hasWords(clipboard)) return { text: clipboard, source: "clipboard" };
  }
  return {
    fix: "select some text first",
    details: describeMissingText({ selectionUnreadable, clipboardTried: useClipboardFallback }),
  };
}

export async function readClipboard(): Promise<FoundText | NothingToRead> {
  const clipboard = await clipboardText();
  if (hasWords(clipboard)) return { text: clipboard, source: "clipboard" };
  return { fix: "copy some text first", details: "The clipboard holds no text." };
}

export function typedText(text: string | undefined): FoundText | NothingToRead {
  if (hasWords(text)) return { text, source: "typed" };
  return { fix: "type some text", details: "The text to speak was empty." };
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
