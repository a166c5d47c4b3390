/** The two refusals the text front end makes before any work: nothing to speak, or more than the limit. */
import { hasVisibleText, MAX_TEXT_CHARS, ProtocolError } from "@kokoro-speech/protocol";

/** One definition of "visible" for the protocol's check and the front end's (shared/src/validate.ts). */
export { hasVisibleText };

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
