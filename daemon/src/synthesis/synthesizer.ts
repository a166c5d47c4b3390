/**
 * The seam between the player and whatever turns text into audio. The Kokoro engine plugs in here; until a model
 * is installed the daemon has no synthesizer and `speak` answers `model_unavailable`.
 */

export interface SynthesisRequest {
  text: string;
  voice: string;
  speed: number;
}

/** One synthesized segment: its PCM (24 kHz mono s16le) and the span of the request text it speaks. */
export interface SynthesizedSegment {
  index: number;
  /** Source span in the request text, UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  pcm: Buffer;
}

export interface Synthesizer {
  /** Shown in status, never as a voice: e.g. "kokoro" or "test-fixture". */
  readonly name: string;
  /** Checks a request before a stream is created (voice exists, language supported); throws `ProtocolError`. */
  validate(request: SynthesisRequest): void;
  /**
   * Yields the request's segments in order. Pulled lazily: the player asks for the next segment only while its
   * look-ahead has room, so a 100-page text never sits in memory. Throws `ProtocolError` on failure.
   */
  segments(request: SynthesisRequest): AsyncIterator<SynthesizedSegment>;
}

/** A module passed to `serve --synthesizer-module` exports this as `createSynthesizer`. */
export type SynthesizerFactory = () => Synthesizer | Promise<Synthesizer>;
