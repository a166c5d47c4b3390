export * from "./audio-format.js";
export * from "./limits.js";
export * from "./errors.js";
export * from "./phoneme-vocab.js";
