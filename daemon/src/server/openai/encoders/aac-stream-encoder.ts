/**
 * AAC-LC in ADTS frames through Mediabunny (MPL-2.0) and its `@mediabunny/aac-encoder` extension: FFmpeg's native
 * AAC encoder compiled to WebAssembly (the extension MPL-2.0, FFmpeg's code LGPL-2.1-or-later). Mediabunny's
 * pipeline is asynchronous and runs the encoder in a worker of its own; this wraps it as a stream encoder whose
 * calls hand back whatever ADTS bytes have come out so far. ADTS needs no length up front: it is written in order.
 */
import { registerAacEncoder } from "@mediabunny/aac-encoder";
import { AdtsOutputFormat, AudioSample, AudioSampleSource, Output, StreamTarget } from "mediabunny";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { concatBytes, type StreamEncoder } from "./stream-encoder.js";

/** Speech at 24 kHz mono is clean at 64 kbit/s AAC-LC. */
export const AAC_BITRATE_BPS = 64_000;

let registered = false;

export async function createAacEncoder(): Promise<StreamEncoder> {
  if (!registered) {
    registerAacEncoder();
    registered = true;
  }
  let output: Uint8Array[] = [];
  let expectedPosition = 0;
  const target = new StreamTarget(
    new WritableStream({
      write(chunk) {
        // ADTS is written front to back; anything else would need seeking, which a response cannot do.
        if (chunk.position !== expectedPosition) throw new Error(`ADTS output out of order at ${chunk.position}`);
        expectedPosition += chunk.data.byteLength;
        output.push(chunk.data.slice());
      },
    }),
  );
  const muxer = new Output({ format: new AdtsOutputFormat(), target });
  const source = new AudioSampleSource({ codec: "aac", bitrate: AAC_BITRATE_BPS });
  muxer.addAudioTrack(source);
  await muxer.start();
  let samplesIn = 0;
  const take = (): Uint8Array => {
    const taken = concatBytes(output);
    output = [];
    return taken;
  };
  return {
    async encode(samples) {
      const data = Float32Array.from(samples, (sample) => sample / 32768);
      const sample = new AudioSample({
        data,
        format: "f32",
        numberOfChannels: 1,
        sampleRate: SAMPLE_RATE_HZ,
        timestamp: samplesIn / SAMPLE_RATE_HZ,
      });
      samplesIn += samples.length;
      await source.add(sample);
      sample.close();
      return take();
    },
    async finish() {
      await muxer.finalize();
      return take();
    },
    dispose() {
      if (muxer.state === "started") void muxer.cancel();
    },
  };
}
