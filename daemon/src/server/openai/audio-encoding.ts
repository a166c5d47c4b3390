/**
 * Turns a render's PCM into the bytes of the requested format: `wav` and `pcm` directly (a header, then the samples
 * untouched), the others through a session of the encoder host. One interface for both, so the speech route
 * streams every format the same way.
 */
import type { ResponseFormatSpec } from "./audio-formats.js";
import type { BytesSink, EncoderProcess } from "./encoder-process.js";

export interface AudioEncoding {
  /** Encodes one segment's PCM; `sink` gets the bytes. Resolves once they are all out. */
  encode(pcm: Buffer, sink: BytesSink): Promise<void>;
  /** Ends the stream with its last bytes (a header alone, for a recording with no audio). */
  finish(sink: BytesSink): Promise<void>;
  /** Stops and frees the encoder (a client went away); safe at any time, and after `finish`. */
  close(): Promise<void>;
}

/** The preamble (a WAV header, or nothing) once, then the PCM as it is. */
function rawEncoding(preamble: () => Buffer): AudioEncoding {
  let started = false;
  const start = (sink: BytesSink): void => {
    if (started) return;
    started = true;
    const header = preamble();
    if (header.byteLength > 0) sink(header);
  };
  return {
    encode: async (pcm, sink) => {
      start(sink);
      sink(pcm);
    },
    finish: async (sink) => start(sink),
    close: async () => undefined,
  };
}

export function openAudioEncoding(spec: ResponseFormatSpec, encoders: EncoderProcess): AudioEncoding {
  if (spec.kind === "raw") return rawEncoding(spec.preamble);
  const session = encoders.open(spec.format);
  return {
    encode: (pcm, sink) => session.encode(pcm, sink),
    finish: (sink) => session.finish(sink),
    close: () => session.close(),
  };
}
