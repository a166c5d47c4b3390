/**
 * The fallback voice: espeak-ng (GPL-3.0-or-later, loaded only on demand) speaking while the Kokoro model is not
 * installed. A build without the `espeak-ng` package still compiles; `createFallbackSynthesizer` then returns null.
 */
export { createFallbackSynthesizer, FallbackSynthesizer, type FallbackCounters } from "./fallback-synthesizer.js";
export { FALLBACK_SYNTHESIZER_NAME } from "./name.js";
