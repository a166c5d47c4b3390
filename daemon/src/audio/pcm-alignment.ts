import { BYTES_PER_FRAME } from "@kokoro-speech/protocol";

/** Refuses a buffer that ends inside a frame: a device would shift every later sample by one byte (loud noise). */
export function assertFrameAligned(pcm: Buffer): void {
  if (pcm.length % BYTES_PER_FRAME !== 0) {
    throw new RangeError(`PCM must be whole ${BYTES_PER_FRAME}-byte frames; got ${pcm.length} bytes`);
  }
}
