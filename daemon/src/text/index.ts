/**
 * The English text front end, part 1: validation, sentence splitting on the source text, normalization into spoken
 * words, and segmentation (primer first, within the token budget). No I/O, no clock, no module state.
 */
export { createTextCounters, type TextCounters } from "./counters.js";
export { CODE_BLOCK_NOTICE } from "./markdown.js";
export { normalizeLines } from "./line-normalizer.js";
export { ensureSentenceEnd, normalizeText } from "./normalize.js";
export { FIRST_MERGE_TARGET_TOKENS, MAX_MERGE_TARGET_TOKENS, segmentText } from "./segmenter.js";
export type { Segment, SegmentOptions } from "./segmenter.js";
export { segmentTextInSlices, SLICE_CHARS, sliceEnd } from "./sliced-segmenter.js";
export { SentenceSplitter, splitSentences, type Sentence } from "./sentence-splitter.js";
export { estimatePhonemeTokens } from "./token-estimate.js";
export { hasVisibleText, validateText } from "./validate.js";
