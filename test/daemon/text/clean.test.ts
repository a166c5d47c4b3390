import { describe, expect, it } from "vitest";
import { cleanCharacters } from "../../../daemon/src/text/clean.js";
import { createTextCounters, type TextCounters } from "../../../daemon/src/text/counters.js";

describe("cleanCharacters", () => {
  it.each<[string, string, string, Partial<TextCounters>]>([
    ["zero-width space", "in\u200Bvisible", "invisible", { zeroWidthChars: 1 }],
    ["byte-order mark and soft hyphen", "\uFEFFhy\u00ADphen", "hyphen", { zeroWidthChars: 2 }],
    ["bidi marks", "\u202Eabc\u202C \u200Fdef", "abc def", { bidiControls: 3 }],
    ["control characters", "a\u0000b\u0007c", "a b c", { controlChars: 2 }],
    ["a lone high surrogate", "a\uD83Db", "ab", { loneSurrogates: 1 }],
    ["a lone low surrogate", "a\uDE00b", "ab", { loneSurrogates: 1 }],
    ["emoji with a skin tone and a joiner", "hi 👍🏽 and 👩‍💻 there", "hi   and   there", { emoji: 2 }],
    ["a flag", "go 🇺🇸 team", "go   team", { emoji: 1 }],
    ["full-width letters", "ＡＢＣ１２３", "ABC123", {}],
    ["a vulgar fraction after a digit", "1½ cups", "1 1/2 cups", {}],
    ["a no-break space", "a\u00A0b", "a b", {}],
    ["line and paragraph separators", "a\u2028b\u2029c", "a\nb\nc", {}],
  ])("cleans %s", (_name, input, expected, counts) => {
    const counters = createTextCounters();
    expect(cleanCharacters(input, counters)).toBe(expected);
    expect(counters).toEqual({ ...createTextCounters(), ...counts });
  });

  it("keeps letters of other scripts for the G2P fallback and counts them", () => {
    const counters = createTextCounters();
    expect(cleanCharacters("hello 你好 مرحبا", counters)).toBe("hello 你好 مرحبا");
    expect(counters.nonLatinLetters).toBe(7);
  });

  it("reads the copyright sign and drops trademark signs", () => {
    expect(cleanCharacters("©2024 Acme™")).toBe(" copyright 2024 Acme");
  });

  it("works without counters", () => {
    expect(cleanCharacters("a\u200Bb")).toBe("ab");
  });
});
