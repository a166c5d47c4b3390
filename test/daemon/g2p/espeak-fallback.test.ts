import { afterEach, describe, expect, it } from "vitest";
import { createEspeakFallback, type Fallback } from "../../../daemon/src/g2p/espeak-fallback.js";
import { isVocabSymbol } from "@kokoro-speech/protocol";

// Real espeak-ng (WASM, through the phonemizer package, in its host process); the first call starts the host.
describe("createEspeakFallback", () => {
  const opened: Fallback[] = [];
  function createFallback(): Fallback {
    const fallback = createEspeakFallback();
    opened.push(fallback);
    return fallback;
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((fallback) => fallback.close()));
  });

  it("phonemises a batch of words with one espeak call, in Misaki symbols", async () => {
    const fallback = createFallback();
    const result = await fallback.phonemizeWords(["kubernetes", "zyxwv", "flibber"], "en-us");
    expect([...result.keys()]).toEqual(["kubernetes", "zyxwv", "flibber"]);
    for (const phonemes of result.values()) {
      expect(phonemes).toMatch(/ˈ/);
      for (const symbol of phonemes) expect(isVocabSymbol(symbol), `${symbol} in ${phonemes}`).toBe(true);
    }
    expect(result.get("flibber")).toBe("flˈɪbəɹ");
    expect(fallback.stats()).toMatchObject({ espeakCalls: 1, words: 3, cacheHits: 0, host: { starts: 1 } });
  });

  it("answers repeated words from its cache without calling espeak", async () => {
    const fallback = createFallback();
    await fallback.phonemizeWords(["flibber"], "en-us");
    const again = await fallback.phonemizeWords(["flibber"], "en-us");
    expect(again.get("flibber")).toBe("flˈɪbəɹ");
    expect(fallback.stats()).toMatchObject({ espeakCalls: 1, words: 2, cacheHits: 1 });
  });

  it("uses British espeak for en-gb", async () => {
    const fallback = createFallback();
    const result = await fallback.phonemizeWords(["flibber"], "en-gb");
    expect(result.get("flibber")).toBe("flˈɪbə");
  });

  it("finds no word once closed, and says nothing is wrong", async () => {
    const fallback = createFallback();
    await fallback.close();
    expect(await fallback.phonemizeWords(["flibber"], "en-us")).toEqual(new Map());
  });
});
