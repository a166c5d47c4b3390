import type { DaemonClient } from "@kokoro-speech/protocol";

/** Deterministic s16le PCM with a pattern that differs per seed, so misplaced bytes are detected. */
export function makePcm(samples: number, seed: number): Buffer {
  const count = Math.round(samples);
  const pcm = Buffer.alloc(count * 2);
  for (let i = 0; i < count; i++) pcm.writeInt16LE(((seed * 104_729 + i * 37) % 65_536) - 32_768, i * 2);
  return pcm;
}

/** Sends `pcm` to a play stream as consecutive chunk frames, numbering them from `firstSeq`. */
export function sendPcm(client: DaemonClient, streamId: number, pcm: Buffer, chunkBytes: number, firstSeq = 0): number {
  let seq = firstSeq;
  for (let offset = 0; offset < pcm.byteLength; offset += chunkBytes) {
    client.sendChunk(streamId, seq++, pcm.subarray(offset, Math.min(offset + chunkBytes, pcm.byteLength)));
  }
  return seq;
}

/** Polls a condition (not a timing assertion: it only waits, with a generous cap, for a state to be reached). */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
