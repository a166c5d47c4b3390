import { describe, expect, it } from "vitest";
import { PHONEME_VOCAB } from "@kokoro-speech/protocol";
import { tokenizePhonemes } from "../../../daemon/src/engine/tokenizer.js";

describe("tokenizePhonemes", () => {
  it.each([
    ["həlˈO", ["h", "ə", "l", "ˈ", "O"], []],
    ["«hi»", ["h", "i"], ["«", "»"]],
    // ASCII g is not a Kokoro symbol; only U+0261 ɡ is.
    ["ɡg", ["ɡ"], ["g"]],
    ["ꭧa", ["ꭧ", "a"], []],
    // A supplementary-plane character is one dropped symbol, not two halves.
    ["a😀b", ["a", "b"], ["😀"]],
    ["", [], []],
  ])("tokenizes %j by code point", (phonemes, kept, dropped) => {
    const result = tokenizePhonemes(phonemes);
    expect(result.ids).toEqual(kept.map((symbol) => PHONEME_VOCAB.get(symbol)));
    expect(result.dropped).toEqual(dropped);
  });

  it("keeps uppercase phoneme symbols distinct from lowercase letters", () => {
    const { ids } = tokenizePhonemes("Aa");
    expect(ids).toEqual([24, 43]);
  });

  it("maps every vocabulary symbol to its own id", () => {
    const symbols = [...PHONEME_VOCAB.keys()];
    expect(tokenizePhonemes(symbols.join("")).ids).toEqual([...PHONEME_VOCAB.values()]);
  });
});
