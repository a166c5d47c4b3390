/** The encoder for each encoded response format. Loaded only inside the encoder host. */
import type { EncodedFormat } from "../audio-formats.js";
import { createAacEncoder } from "./aac-stream-encoder.js";
import { createFlacEncoder, flacReady } from "./flac-stream-encoder.js";
import { createMp3Encoder, mp3Ready } from "./mp3-stream-encoder.js";
import { createOggOpusEncoder } from "./ogg-opus-stream-encoder.js";
import type { StreamEncoder } from "./stream-encoder.js";

export type { StreamEncoder } from "./stream-encoder.js";

const FACTORIES: Readonly<Record<EncodedFormat, () => StreamEncoder | Promise<StreamEncoder>>> = {
  mp3: createMp3Encoder,
  opus: createOggOpusEncoder,
  flac: createFlacEncoder,
  aac: createAacEncoder,
};

/** Resolves when the encoders' WebAssembly modules are compiled and loaded. */
export async function encodersReady(): Promise<void> {
  await Promise.all([flacReady(), mp3Ready()]);
}

export function createStreamEncoder(format: EncodedFormat): Promise<StreamEncoder> {
  return Promise.resolve(FACTORIES[format]());
}
