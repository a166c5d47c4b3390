import { describe, expect, it } from "vitest";
import { createEspeakFallback } from "../../../daemon/src/g2p/espeak-fallback.js";
import { isVocabSymbol } from "@kokoro-speech/shared";

// Real espeak-ng (WASM, through the phonemizer package); the first call initialises it.
describe("createEspeakFallback", () => {
  it("phonemises a batch of words with one espeak call, in Misaki symbols", async () => {
    const fallback = createEspeakFallback();
    const result = await fallback.phonemizeWords(["kubernetes", "zyxwv", "flibber"], "en-us");
    expect([...result.keys()]).toEqual(["kubernetes", "zyxwv", "flibber"]);
    for (const phonemes of result.values()) {
      expect(phonemes).toMatch(/ˈ/);
      for (const symbol of phonemes) expect(isVocabSymbol(symbol), `${symbol} in ${phonemes}`).toBe(true);
    }
    expect(result.get("flibber")).toBe("flˈɪbəɹ");
    expect(fallback.stats()).toEqual({ espeakCalls: 1, words: 3, cacheHits: 0 });
  });

  it("answers repeated words from its cache without calling espeak", async () => {
    const fallback = createEspeakFallback();
    await fallback.phonemizeWords(["flibber"], "en-us");
    const again = await fallback.phonemizeWords(["flibber"], "en-us");
    expect(again.get("flibber")).toBe("flˈɪbəɹ");
    expect(fallback.stats()).toEqual({ espeakCalls: 1, words: 2, cacheHits: 1 });
  });

  it("uses British espeak for en-gb", async () => {
    const fallback = createEspeakFallback();
    const result = await fallback.phonemizeWords(["flibber"], "en-gb");
    expect(result.get("flibber")).toBe("flˈɪbə");
  });
});
