import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PHONEME_TOKENS, PHONEME_VOCAB } from "@kokoro-speech/protocol";
import { splitPhonemesByTokenLimit } from "../../../daemon/src/engine/token-split.js";

function tokenCount(piece: string): number {
  return Array.from(piece).filter((symbol) => PHONEME_VOCAB.has(symbol)).length;
}

/** A word of `length` letters that contains no boundary symbol. */
function word(length: number, letter = "a"): string {
  return letter.repeat(length);
}

describe("splitPhonemesByTokenLimit", () => {
  it("returns a string within the limit unchanged, as one piece", () => {
    const phonemes = `${word(200)} ${word(309)}`;
    expect(tokenCount(phonemes)).toBe(MAX_PHONEME_TOKENS);
    expect(splitPhonemesByTokenLimit(phonemes)).toEqual([phonemes]);
  });

  it("does not count symbols outside the vocabulary against the limit", () => {
    const phonemes = `«${word(510)}»`;
    expect(splitPhonemesByTokenLimit(phonemes)).toEqual([phonemes]);
  });

  it.each([
    [
      "a sentence end over a comma",
      `${word(100)}. ${word(100)}, ${word(350)}`,
      [`${word(100)}. `, `${word(100)}, ${word(350)}`],
    ],
    [
      "a colon over a comma",
      `${word(100)}: ${word(100)}, ${word(350)}`,
      [`${word(100)}: `, `${word(100)}, ${word(350)}`],
    ],
    [
      "a comma over a space",
      `${word(100)}, ${word(100)} ${word(350)}`,
      [`${word(100)}, `, `${word(100)} ${word(350)}`],
    ],
    [
      "an em dash over a space",
      `${word(100)}—${word(100)} ${word(350)}`,
      [`${word(100)}—`, `${word(100)} ${word(350)}`],
    ],
    [
      "the last space when there is no punctuation",
      `${word(100)} ${word(100)} ${word(350)}`,
      [`${word(100)} ${word(100)} `, word(350)],
    ],
    ["a closing quote kept with its sentence", `“${word(100)}.” ${word(450)}`, [`“${word(100)}.” `, word(450)]],
  ])("prefers %s", (_name, phonemes, expected) => {
    expect(splitPhonemesByTokenLimit(phonemes)).toEqual(expected);
  });

  it("cuts a single word longer than the limit between code points, and only then", () => {
    const pieces = splitPhonemesByTokenLimit(`${word(1100, "ʃ")} ${word(3)}`);
    expect(pieces).toEqual([word(510, "ʃ"), word(510, "ʃ"), `${word(80, "ʃ")} ${word(3)}`]);
  });

  it("honours a smaller budget", () => {
    expect(splitPhonemesByTokenLimit("ab cd ef", 3)).toEqual(["ab ", "cd ", "ef"]);
  });

  it.each([0, -1, 1.5])("refuses a budget of %s tokens", (maxTokens) => {
    expect(() => splitPhonemesByTokenLimit("abc", maxTokens)).toThrow(RangeError);
  });

  it("never loses, duplicates or reorders a symbol and never exceeds the limit", () => {
    const symbol = fc.constantFrom(
      ...["a", "ə", "ˈ", "ʃ", "O", " ", " ", ".", "!", "?", "…", ":", ";", ",", "—", "”", ")", "«", "-", "g"],
    );
    const phonemes = fc.array(symbol, { maxLength: 3000, size: "max" }).map((symbols) => symbols.join(""));
    fc.assert(
      fc.property(phonemes, fc.integer({ min: 1, max: 600 }), (input, maxTokens) => {
        const pieces = splitPhonemesByTokenLimit(input, maxTokens);
        expect(pieces.join("")).toBe(input);
        for (const piece of pieces) expect(tokenCount(piece)).toBeLessThanOrEqual(maxTokens);
        if (input.length > 0) for (const piece of pieces) expect(piece.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("cuts mid-word only when the word alone exceeds the limit", () => {
    const letters = fc.constantFrom("a", "ə", "ʃ", "O");
    const wordArb = fc.array(letters, { minLength: 1, maxLength: 40, size: "max" }).map((symbols) => symbols.join(""));
    fc.assert(
      fc.property(
        fc.array(wordArb, { minLength: 1, maxLength: 200, size: "max" }),
        fc.integer({ min: 40, max: 300 }),
        (words, max) => {
          const pieces = splitPhonemesByTokenLimit(words.join(" "), max);
          // Every word fits the budget, so no cut falls between two letters of one word.
          pieces.slice(1).forEach((piece, i) => {
            const before = pieces[i] as string;
            expect(before.endsWith(" ") || piece.startsWith(" ")).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
