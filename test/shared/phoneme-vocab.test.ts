import { describe, expect, it } from "vitest";
import { isVocabSymbol, PAD_TOKEN_ID, PHONEME_VOCAB, VOCAB_TABLE_SIZE } from "@kokoro-speech/protocol";

describe("PHONEME_VOCAB", () => {
  it("holds the 114 symbols of Kokoro v1.0", () => {
    expect(PHONEME_VOCAB.size).toBe(114);
  });

  it("gives every symbol its own id inside the embedding table, never the pad", () => {
    const ids = [...PHONEME_VOCAB.values()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(PAD_TOKEN_ID);
      expect(id).toBeLessThan(VOCAB_TABLE_SIZE);
    }
  });

  it("keys every entry by exactly one code point", () => {
    for (const symbol of PHONEME_VOCAB.keys()) expect([...symbol]).toHaveLength(1);
  });

  it("pins the pad and the table size", () => {
    expect(PAD_TOKEN_ID).toBe(0);
    expect(VOCAB_TABLE_SIZE).toBe(178);
  });

  it.each([
    [";", 1],
    [" ", 16],
    ["A", 24],
    ["a", 43],
    ["ɡ", 92],
    ["ɹ", 123],
    ["ˈ", 156],
    ["ˌ", 157],
    ["ᵻ", 177],
  ])("maps %j to id %d as the model's config does", (symbol, id) => {
    expect(PHONEME_VOCAB.get(symbol)).toBe(id);
  });

  it("has the IPA script g (U+0261) and not the ASCII letter g (U+0067)", () => {
    expect(isVocabSymbol("\u0261")).toBe(true);
    expect(isVocabSymbol("\u0067")).toBe(false);
  });

  it.each(["«", "»", "-", "'", "ɬ", "^", "\u0361", "\u0329", "", "ab"])("does not know %j", (symbol) => {
    expect(isVocabSymbol(symbol)).toBe(false);
  });
});
