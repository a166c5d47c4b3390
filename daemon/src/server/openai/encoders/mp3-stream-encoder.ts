/**
 * mp3 through `wasm-media-encoders`: LAME compiled to WebAssembly (the package MIT, LAME LGPL-2.0), so nothing is
 * compiled on the user's machine. Chosen over the pure-JavaScript lamejs ports because it encodes about ten times
 * faster, which is what keeps the first mp3 byte close to the first PCM byte. 24 kHz mono is MPEG-2 Layer III;
 * each call returns the frames LAME completed. No Xing/LAME header (it would need the total length up front), so
 * decoders play LAME's encoder delay (about 50 ms of silence) at the start, as for any streamed mp3.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createEncoder } from "wasm-media-encoders";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import type { StreamEncoder } from "./stream-encoder.js";

/** Speech at 24 kHz mono is clean at 64 kbit/s; OpenAI's own mp3 is in that range. */
export const MP3_BITRATE_KBPS = 64;

/** A compiled WebAssembly module, as `createEncoder` takes it. */
type LameModule = Parameters<typeof createEncoder>[1];
/** The `WebAssembly` global, which this project's Node typings do not declare. */
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<LameModule> };
};

/** The LAME module, compiled once per host process; each encoder is a cheap instance of it (compiling costs ~40 ms). */
let lameModule: Promise<LameModule> | null = null;

function compiledLame(): Promise<LameModule> {
  lameModule ??= readFile(createRequire(import.meta.url).resolve("wasm-media-encoders/wasm/mp3")).then((bytes) =>
    wasm.compile(bytes),
  );
  return lameModule;
}

export async function createMp3Encoder(): Promise<StreamEncoder> {
  const lame = await createEncoder("audio/mpeg", await compiledLame());
  // The output rate is pinned: left alone, LAME may resample to whatever rate it prefers for the bitrate.
  lame.configure({
    sampleRate: SAMPLE_RATE_HZ,
    channels: 1,
    bitrate: MP3_BITRATE_KBPS,
    outputSampleRate: SAMPLE_RATE_HZ,
  });
  const floats = (samples: Int16Array): Float32Array => Float32Array.from(samples, (sample) => sample / 32768);
  return {
    // The returned arrays are views of LAME's output buffer, reused on the next call: keep copies.
    encode: (samples) => lame.encode([floats(samples)]).slice(),
    finish: () => lame.finalize().slice(),
    dispose: () => undefined,
  };
}

/** Compiles LAME ahead of the first request that needs it. */
export async function mp3Ready(): Promise<void> {
  await compiledLame();
}
