import { BYTES_PER_FRAME, MAX_PLAY_BUFFER_BYTES, ProtocolError, type SkipDirection } from "@kokoro-speech/protocol";
import type { PcmSource, SourceRead } from "./pcm-source.js";

interface SourceFailure {
  code: "out_of_order" | "buffer_overflow";
  message: string;
}

/**
 * PCM a client sends for a `play` stream. Chunks must arrive in sequence order (0, 1, 2, …); a gap or a duplicate
 * fails the stream with `out_of_order`. At most MAX_PLAY_BUFFER_BYTES may wait ahead of playback.
 */
export class ClientPcmSource implements PcmSource {
  private readonly chunks: Buffer[] = [];
  private offsetInFirst = 0;
  private bufferedBytes = 0;
  private expectedSeq = 0;
  private ended = false;
  private cancelled = false;
  private failure: SourceFailure | null = null;
  private listener: () => void = () => {};

  /** Accepts the chunk with sequence number `seq`; throws `out_of_order` or `buffer_overflow` (and fails). */
  push(seq: number, pcm: Uint8Array): void {
    if (this.cancelled || this.failure) return;
    const failure = this.checkChunk(seq, pcm.byteLength);
    if (failure) {
      this.failure = failure;
      this.chunks.length = 0;
      this.bufferedBytes = 0;
      this.listener();
      throw new ProtocolError(failure.code, failure.message);
    }
    this.expectedSeq++;
    if (pcm.byteLength === 0) return;
    this.chunks.push(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
    this.bufferedBytes += pcm.byteLength;
    this.listener();
  }

  /** The client sent `end`: once the buffer drains the stream completes. */
  end(): void {
    this.ended = true;
    this.listener();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  read(maxBytes: number): SourceRead {
    if (this.failure) return { kind: "failed", ...this.failure };
    const first = this.chunks[0];
    if (!first) return this.ended ? { kind: "end" } : { kind: "wait" };
    const available = first.byteLength - this.offsetInFirst;
    const take = Math.min(available, maxBytes - (maxBytes % BYTES_PER_FRAME));
    if (take <= 0) return { kind: "wait" };
    const pcm = first.subarray(this.offsetInFirst, this.offsetInFirst + take);
    this.offsetInFirst += take;
    this.bufferedBytes -= take;
    if (this.offsetInFirst === first.byteLength) {
      this.chunks.shift();
      this.offsetInFirst = 0;
    }
    return { kind: "pcm", pcm };
  }

  skip(_direction: SkipDirection): boolean {
    return false;
  }

  cancel(): void {
    this.cancelled = true;
    this.chunks.length = 0;
    this.bufferedBytes = 0;
  }

  onReadable(listener: () => void): void {
    this.listener = listener;
  }

  private checkChunk(seq: number, byteLength: number): SourceFailure | null {
    if (this.ended) return { code: "out_of_order", message: `Chunk ${seq} arrived after the stream's end.` };
    if (seq !== this.expectedSeq) {
      const what = seq < this.expectedSeq ? "a duplicate" : "a gap";
      return { code: "out_of_order", message: `Chunk ${seq} is ${what}: expected ${this.expectedSeq}.` };
    }
    if (this.bufferedBytes + byteLength > MAX_PLAY_BUFFER_BYTES) {
      return { code: "buffer_overflow", message: `More than ${MAX_PLAY_BUFFER_BYTES} B sent ahead of playback.` };
    }
    return null;
  }
}
