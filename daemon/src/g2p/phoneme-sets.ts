/**
 * Symbol classes of Misaki's English phoneme set (`hexgrad/misaki` `EN_PHONES.md`, `misaki/en.py`), used by the
 * stress, morphology and context rules. Uppercase letters are phonemes (A = eɪ, I = aɪ, O = oʊ, Q = əʊ, W = aʊ,
 * Y = ɔɪ), so phoneme strings are never case-folded.
 */

export type Variant = "en-us" | "en-gb";

export const VARIANTS: readonly Variant[] = ["en-us", "en-gb"];

export const PRIMARY_STRESS = "ˈ";
export const SECONDARY_STRESS = "ˌ";

/** Vowels for stress placement and context; `ᵊ` is deliberately not one (Misaki never stresses it). */
export const VOWELS: ReadonlySet<string> = new Set(Array.from("AIOQWYaiuæɑɒɔəɛɜɪʊʌᵻ"));

export const CONSONANTS: ReadonlySet<string> = new Set(Array.from("bdfhjklmnpstvwzðŋɡɹɾʃʒʤʧθ"));

/** Sounds after which an American t becomes a flap (Misaki `US_TAUS`). */
export const US_FLAP_CONTEXT: ReadonlySet<string> = new Set(Array.from("AIOWYiuæɑəɛɪɹʊʌ"));

/** Symbols that weigh two in Misaki's stress balancing (diphthongs and affricates). */
export const HEAVY_SYMBOLS: ReadonlySet<string> = new Set(Array.from("AIOQWYʤʧ"));

/** Punctuation that passes from text to phonemes unchanged; every one is a Kokoro token. */
export const PASSTHROUGH_PUNCTUATION: ReadonlySet<string> = new Set(Array.from(';:,.!?—…"“”()'));

/** Whether a Variant string is one this front end supports. */
export function isVariant(value: string): value is Variant {
  return (VARIANTS as readonly string[]).includes(value);
}
