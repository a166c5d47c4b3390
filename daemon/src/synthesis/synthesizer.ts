/**
 * The synthesizer contract, as the stages above synthesis import it. It lives one stage lower, in `synthesizer/`,
 * so that `fallback-voice/` can implement it without importing `synthesis/` (which composes the fallback voice).
 */
export * from "../synthesizer/synthesizer.js";
