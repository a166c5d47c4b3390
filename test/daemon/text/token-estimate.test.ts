import { describe, expect, it } from "vitest";
import { estimatePhonemeTokens } from "../../../daemon/src/text/token-estimate.js";

/** Misaki-style phonemes of a few sentences (US gold lexicon), for checking the estimate never under-counts. */
const KNOWN_PHONEMES: ReadonlyArray<readonly [spoken: string, phonemes: string]> = [
  ["Hello world.", "həlˈO wˈɜɹld."],
  ["The quick brown fox jumps over the lazy dog.", "ðə kwˈɪk bɹˈWn fˈɑks ʤˈʌmps ˈOvəɹ ðə lˈAzi dˈɔɡ."],
  ["F-B-I", "ˌɛfbˌiˈI"],
  ["Thirty-three thousand three hundred", "θˈɜɹTi θɹˈi θˈWzᵊnd θɹˈi hˈʌndɹəd"],
];

describe("estimatePhonemeTokens", () => {
  it.each(KNOWN_PHONEMES)("does not under-count %j", (spoken, phonemes) => {
    expect(estimatePhonemeTokens(spoken)).toBeGreaterThanOrEqual(Array.from(phonemes).length);
  });

  it("counts other scripts generously, since the fallback may read them letter by letter", () => {
    expect(estimatePhonemeTokens("你好")).toBeGreaterThanOrEqual(12);
  });

  it("counts nothing for empty text", () => {
    expect(estimatePhonemeTokens("")).toBe(0);
  });
});
