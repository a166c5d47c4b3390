import { describe, expect, it } from "vitest";
import { findPrimerCut } from "../../../daemon/src/text/primer.js";

function primerOf(sentence: string): string {
  const cut = findPrimerCut(sentence, 0, sentence.length);
  return cut === undefined ? sentence : sentence.slice(0, cut);
}

describe("findPrimerCut", () => {
  it.each([
    ["a short sentence stays whole", "Hello there, my friend.", "Hello there, my friend."],
    [
      "a long sentence gives its first clause",
      "When the daemon starts, it loads the model and warms it up before any request arrives.",
      "When the daemon starts, ",
    ],
    [
      "a one-word opener is too short to stand alone, so a conjunction ends the primer",
      "Well, the daemon loads the model and warms it up before any request arrives today.",
      "Well, the daemon loads the model ",
    ],
    [
      "a dash also ends a clause",
      "The model is small — about eighty million parameters — and runs on a laptop.",
      "The model is small — ",
    ],
    [
      "a long clause without punctuation is cut before a conjunction",
      "The extension reads the selected text aloud with a local voice and keeps working offline all day long.",
      "The extension reads the selected text aloud ",
    ],
    [
      "a late comma loses to an early phrase start, so the primer stays short",
      "Harbor Robotics said on Tuesday that its third-quarter revenue rose 38% to $412.6 million, beating estimates.",
      "Harbor Robotics said on Tuesday ",
    ],
    [
      "a long run without any pause stays whole",
      "Extraordinarily comprehensive documentation accompanies every single released version reliably everywhere.",
      "Extraordinarily comprehensive documentation accompanies every single released version reliably everywhere.",
    ],
  ])("%s", (_name, sentence, primer) => {
    expect(primerOf(sentence)).toBe(primer);
  });

  it("cuts inside the given span only", () => {
    const text = "Intro. When the daemon starts, it loads the model and warms it up before use.";
    const start = text.indexOf("When");
    expect(text.slice(start, findPrimerCut(text, start, text.length))).toBe("When the daemon starts, ");
  });
});
