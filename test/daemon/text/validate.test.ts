import { MAX_TEXT_CHARS, ProtocolError } from "@kokoro-speech/shared";
import { describe, expect, it } from "vitest";
import { hasVisibleText, validateText } from "../../../daemon/src/text/validate.js";

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ProtocolError ? error.code : "not a ProtocolError";
  }
  return undefined;
}

describe("validateText", () => {
  it.each(["", "   ", "\n\t\n", "\u200B\u200B", "\uFEFF \u202E"])("refuses %j as empty_text", (text) => {
    expect(codeOf(() => validateText(text))).toBe("empty_text");
  });

  it("accepts text of exactly the limit and refuses one character more as text_too_long", () => {
    expect(codeOf(() => validateText("a".repeat(MAX_TEXT_CHARS)))).toBeUndefined();
    expect(codeOf(() => validateText("a".repeat(MAX_TEXT_CHARS + 1)))).toBe("text_too_long");
  });

  it("uses a configured limit", () => {
    expect(codeOf(() => validateText("abcd", 3))).toBe("text_too_long");
    expect(codeOf(() => validateText("abc", 3))).toBeUndefined();
  });

  it("counts an emoji as visible (segmentation decides later that it is not speakable)", () => {
    expect(hasVisibleText("😀")).toBe(true);
  });
});
