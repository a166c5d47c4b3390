/**
 * FLAC through `libflacjs`, libFLAC compiled to JavaScript (MIT; libFLAC BSD-3-Clause). Its asm.js build: the
 * package's WebAssembly build fetches its `.wasm` with `fetch()` on Node ≥ 18, which cannot load a file path. The
 * stream header goes out at once and every block as libFLAC completes it. The STREAMINFO block is written before
 * the length is known, so its total-samples field is 0 and its MD5 is zero, which the FLAC format defines as
 * "unknown" (RFC 9639 §8.2); decoders then read the frames to the end.
 */
import createFlac from "libflacjs";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { concatBytes, type StreamEncoder } from "./stream-encoder.js";

/** libFLAC's default level: near the best ratio at a fraction of the highest levels' cost. */
const COMPRESSION_LEVEL = 5;
const BITS_PER_SAMPLE = 16;

const flac = createFlac("release.asmjs");

/** Resolves once libFLAC is initialized (asynchronous on first load). */
export function flacReady(): Promise<void> {
  if (flac.isReady()) return Promise.resolve();
  return new Promise((resolve) => flac.on("ready", () => resolve()));
}

export function createFlacEncoder(): StreamEncoder {
  if (!flac.isReady()) throw new Error("libFLAC is not loaded yet (await flacReady() first)");
  const encoder = flac.create_libflac_encoder(SAMPLE_RATE_HZ, 1, BITS_PER_SAMPLE, COMPRESSION_LEVEL, 0, false, 0);
  if (encoder === 0) throw new Error("libFLAC could not create an encoder");
  let output: Uint8Array[] = [];
  // The write callback hands out a view of libFLAC's heap: keep a copy.
  const status = flac.init_encoder_stream(encoder, (data) => {
    output.push(data.slice());
  });
  if (status !== 0) {
    flac.FLAC__stream_encoder_delete(encoder);
    throw new Error(`libFLAC could not start the stream (init status ${status})`);
  }
  let disposed = false;
  const take = (): Uint8Array => {
    const taken = concatBytes(output);
    output = [];
    return taken;
  };
  return {
    encode(samples) {
      if (!flac.FLAC__stream_encoder_process_interleaved(encoder, Int32Array.from(samples), samples.length)) {
        throw new Error(`libFLAC failed to encode (state ${flac.FLAC__stream_encoder_get_state(encoder)})`);
      }
      return take();
    },
    finish() {
      flac.FLAC__stream_encoder_finish(encoder);
      return take();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      flac.FLAC__stream_encoder_delete(encoder);
    },
  };
}
