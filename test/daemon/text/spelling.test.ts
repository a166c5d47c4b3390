import { describe, expect, it } from "vitest";
import { spellLetters } from "../../../daemon/src/text/spelling.js";

describe("spellLetters", () => {
  it.each([
    ["FBI", "F-B-I"],
    ["U.S.", "U-S"],
    ["pm", "P-M"],
  ])("spells %s as %s", (letters, expected) => {
    expect(spellLetters(letters)).toBe(expected);
  });
});
