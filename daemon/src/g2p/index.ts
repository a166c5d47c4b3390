/**
 * The G2P stage: Misaki-style English grapheme-to-phoneme conversion over a CMUdict-derived lexicon, with espeak-ng
 * as the fallback for words it cannot resolve.
 */

export { createG2P, type G2P, type G2POptions, type G2PResult, type G2PStats } from "./g2p.js";
export { DEFAULT_LEXICON_DIRECTORY, loadLexicon, parseLexicon, type Lexicon } from "./lexicon.js";
export {
  createEspeakFallback,
  type EspeakFallbackOptions,
  type Fallback,
  type FallbackStats,
} from "./espeak-fallback.js";
export { DEFAULT_ESPEAK_IDLE_RELEASE_MS } from "./espeak-process.js";
export { loadUserLexicon, parseUserLexicon, watchUserLexicon } from "./user-lexicon.js";
export type { UserLexicon } from "./resolve-word.js";
export { isVariant, VARIANTS, type Variant } from "./phoneme-sets.js";
export { variantForVoice } from "./variant-for-voice.js";
