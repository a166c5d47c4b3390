/**
 * A streaming audio encoder as the encoder host drives it: mono 16-bit samples at the engine's rate go in as they
 * are synthesized, and whatever complete container bytes the encoder can give out come back at once, so the first
 * bytes of a response do not wait for the end of the text. Each encoder runs inside the encoder host
 * (encoder-host.ts), never on the thread that paces the player; most are synchronous, AAC's pipeline is not.
 */
export interface StreamEncoder {
  /** Encodes the samples; returns the bytes ready so far (possibly none: frames still filling). */
  encode(samples: Int16Array): Uint8Array | Promise<Uint8Array>;
  /** Encodes what is left and ends the stream; returns its last bytes. Call once. */
  finish(): Uint8Array | Promise<Uint8Array>;
  /** Frees the encoder's memory (a WebAssembly heap, for some); after `finish`, or instead of it on an abort. */
  dispose(): void;
}

/** Joins byte pieces into one array (one piece is returned as is; none gives an empty array). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const total = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.byteLength;
  }
  return joined;
}
