import { MAX_TEXT_CHARS } from "@kokoro-speech/protocol";
import { describe, expect, it } from "vitest";
import { hasVisibleText, validateText } from "../../../daemon/src/text/validate.js";
import { protocolCodeOf } from "../../helpers/errors.js";

describe("validateText", () => {
  it.each(["", "   ", "\n\t\n", "\u200B\u200B", "\uFEFF \u202E"])("refuses %j as empty_text", (text) => {
    expect(protocolCodeOf(() => validateText(text))).toBe("empty_text");
  });

  it("accepts text of exactly the limit and refuses one character more as text_too_long", () => {
    expect(protocolCodeOf(() => validateText("a".repeat(MAX_TEXT_CHARS)))).toBeUndefined();
    expect(protocolCodeOf(() => validateText("a".repeat(MAX_TEXT_CHARS + 1)))).toBe("text_too_long");
  });

  it("uses a configured limit", () => {
    expect(protocolCodeOf(() => validateText("abcd", 3))).toBe("text_too_long");
    expect(protocolCodeOf(() => validateText("abc", 3))).toBeUndefined();
  });

  it("counts an emoji as visible (segmentation decides later that it is not speakable)", () => {
    expect(hasVisibleText("😀")).toBe(true);
  });
});
