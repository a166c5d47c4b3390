/**
 * Maps espeak-ng IPA (as the npm `phonemizer` returns it) to Misaki symbols, following misaki's `EspeakFallback`
 * (kokoro-model.md §8.12). `phonemizer` emits no tie marks (§8.13), so diphthongs and affricates are merged from
 * adjacent letters; across a morpheme boundary ("merchantship") that merge is occasionally wrong.
 */

import type { Variant } from "./phoneme-sets.js";

type Rule = readonly [from: string, to: string];

/** Both variants, applied longest key first. The syllabic mark U+0329 is handled before them. */
const COMMON_RULES: readonly Rule[] = [
  ["aɪ", "I"],
  ["aʊ", "W"],
  ["dʒ", "ʤ"],
  ["tʃ", "ʧ"],
  ["eɪ", "A"],
  ["ɔɪ", "Y"],
  ["ʲo", "jo"],
  ["ʲə", "jə"],
  ["ʲ", ""],
  ["ɚɹ", "əɹ"],
  ["ɚ", "əɹ"],
  ["r", "ɹ"],
  ["x", "k"],
  ["ç", "k"],
  ["ɐ", "ə"],
  ["ɬ", "l"],
  ["\u0303", ""],
];

const US_RULES: readonly Rule[] = [
  ["oʊ", "O"],
  ["ɜːɹ", "ɜɹ"],
  ["ɜː", "ɜɹ"],
  ["ɪə", "iə"],
  ["ː", ""],
];

/** British: ɛː for the square vowel is matched before bare e becomes A (upstream's order never reaches it). */
const GB_RULES: readonly Rule[] = [
  ["eə", "ɛː"],
  ["əʊ", "Q"],
  ["oʊ", "Q"],
];

/** Rules that must run after the diphthong merges. */
const LATE_RULES: readonly Rule[] = [
  ["e", "A"],
  ["o", "ɔ"],
];

function applyRules(text: string, rules: readonly Rule[]): string {
  const ordered = [...rules].sort((a, b) => b[0].length - a[0].length);
  let out = "";
  let index = 0;
  outer: while (index < text.length) {
    for (const [from, to] of ordered) {
      if (text.startsWith(from, index)) {
        out += to;
        index += from.length;
        continue outer;
      }
    }
    out += text[index];
    index += 1;
  }
  return out;
}

/** X followed by the syllabic mark U+0329 becomes ᵊX (pixel: pˈɪksl̩ → pˈɪksᵊl); a stray mark is removed. */
function rewriteSyllabics(text: string): string {
  return text.replace(/(.)\u0329/gu, "ᵊ$1").replaceAll("\u0329", "");
}

/**
 * Converts one espeak IPA string to Misaki symbols for the variant. The v1.0 replacements (ɾ → T, ʔ → t) are not
 * applied here; G2P applies them once to its whole output.
 */
export function ipaToMisaki(ipa: string, variant: Variant): string {
  // Glottal + syllabic n (button) is ʔn, not ʔᵊn: upstream's table runs before its syllabic rule.
  let text = rewriteSyllabics(ipa.replaceAll("ʔˌn̩", "ʔn").replaceAll("ʔn̩", "ʔn"));
  text = applyRules(text, [...COMMON_RULES, ...(variant === "en-us" ? US_RULES : GB_RULES)]);
  text = applyRules(text, LATE_RULES);
  // Unstressed ə + l not starting a syllable is syllabic in Misaki (upstream matches the tied ə^l); the lexicon
  // writes -tən/-dən the same way (garden → ɡˈɑɹdᵊn), so fallback words follow suit.
  return text
    .replace(/əl(?![ˈˌ]?[AIOQWYaiuæɑɒɔəɛɜɪʊʌᵻ])/gu, "ᵊl")
    .replace(/([td])ən(?![ˈˌ]?[AIOQWYaiuæɑɒɔəɛɜɪʊʌᵻ])/gu, "$1ᵊn");
}
