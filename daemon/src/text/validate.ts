/** The two refusals the text front end makes before any work: nothing to speak, or more than the limit. */
import { MAX_TEXT_CHARS, ProtocolError } from "@kokoro-speech/shared";

/** Characters that render as nothing: whitespace, controls, zero-width and bidi marks. */
const INVISIBLE = /[\s\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/gu;

/** Whether `text` has at least one visible character. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, "").length > 0;
}

/**
 * Throws `text_too_long` when `text` exceeds `maxChars` UTF-16 units (checked first, so a huge text is refused
 * without scanning it) and `empty_text` when nothing visible remains.
 */
export function validateText(text: string, maxChars: number = MAX_TEXT_CHARS): void {
  if (text.length > maxChars) {
    throw new ProtocolError("text_too_long", `The text has ${text.length} characters; the limit is ${maxChars}.`);
  }
  if (!hasVisibleText(text)) throw new ProtocolError("empty_text");
}
