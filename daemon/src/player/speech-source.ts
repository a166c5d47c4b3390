import { BYTES_PER_FRAME, isProtocolError, msToBytes, type SkipDirection } from "@kokoro-speech/protocol";
import type { SegmentStart, SynthesizedSegment } from "../synthesis/synthesizer.js";
import type { PcmSource, SourceRead } from "./pcm-source.js";

/**
 * Synthesis runs ahead of playback by at most this much audio (plus the segment being synthesized), so memory
 * stays flat on a 100-page text while the next segment is always ready before the current one ends.
 */
export const SYNTH_LOOKAHEAD_MS = 10_000;

/**
 * PCM of a `speak` stream: pulls segments from the synthesizer while the look-ahead has room, plays them in order,
 * and keeps the previous segment so "previous" can go back one.
 */
export class SpeechSource implements PcmSource {
  private readonly open: (from: SegmentStart) => AsyncIterator<SynthesizedSegment>;
  private iterator: AsyncIterator<SynthesizedSegment>;
  /** Bumped by `resynthesizeAhead`, so a segment the old iterator still delivers is recognised and dropped. */
  private generation = 0;
  private readonly lookaheadBytes: number;
  /** Retained segments: at most one before the cursor, then the ones synthesized ahead. */
  private readonly segments: SynthesizedSegment[] = [];
  /** Position in `segments` of the segment being played; `segments.length` while waiting for the next. */
  private cursor = 0;
  private offset = 0;
  private exhausted = false;
  private pulling = false;
  private cancelled = false;
  private failure: { code: SourceFailureCode; message: string; cause: unknown } | null = null;
  private listener: () => void = () => {};

  /** `open` starts synthesis at a point of the text: the beginning, or after the segment playing on a restart. */
  constructor(
    open: (from: SegmentStart) => AsyncIterator<SynthesizedSegment>,
    lookaheadMs: number = SYNTH_LOOKAHEAD_MS,
  ) {
    this.open = open;
    this.iterator = open({ offset: 0, index: 0 });
    this.lookaheadBytes = msToBytes(lookaheadMs);
    void this.pull();
  }

  read(maxBytes: number): SourceRead {
    const segment = this.segments[this.cursor];
    if (!segment) {
      // Segments synthesized before a failure still play; the stream fails where the failed segment would start.
      if (this.failure) return { kind: "failed", ...this.failure };
      void this.pull();
      return this.exhausted ? { kind: "end" } : { kind: "wait" };
    }
    const startsSegment = this.offset === 0;
    const take = Math.min(segment.pcm.byteLength - this.offset, maxBytes - (maxBytes % BYTES_PER_FRAME));
    const pcm = segment.pcm.subarray(this.offset, this.offset + take);
    this.offset += take;
    if (this.offset >= segment.pcm.byteLength) this.advance(this.cursor + 1);
    void this.pull();
    const read: SourceRead = { kind: "pcm", pcm };
    if (startsSegment) read.segment = { index: segment.index, start: segment.start, end: segment.end };
    return read;
  }

  skip(direction: SkipDirection): boolean {
    if (direction === "restart") {
      if (!this.segments[this.cursor] && this.cursor > 0) this.cursor--;
      this.offset = 0;
      return true;
    }
    if (direction === "previous") {
      this.offset = 0;
      if (this.cursor > 0) this.cursor--;
      return true;
    }
    if (!this.segments[this.cursor] && this.exhausted) return false;
    this.advance(this.cursor + 1);
    void this.pull();
    this.listener();
    return true;
  }

  /**
   * Drops every segment synthesized ahead of the one playing and synthesizes the rest of the text again (after a
   * voice or speed change that must be heard at once). The segment playing finishes as it was.
   */
  resynthesizeAhead(): void {
    if (this.cancelled || this.failure) return;
    const playing = this.segments[this.cursor];
    const last = playing ?? this.segments[this.cursor - 1];
    const from: SegmentStart = last ? { offset: last.end, index: last.index + 1 } : { offset: 0, index: 0 };
    this.segments.length = playing ? this.cursor + 1 : this.cursor;
    void this.iterator.return?.()?.catch(() => {});
    this.generation++;
    this.exhausted = false;
    this.pulling = false;
    this.iterator = this.open(from);
    void this.pull();
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.segments.length = 0;
    void this.iterator.return?.()?.catch(() => {});
  }

  onReadable(listener: () => void): void {
    this.listener = listener;
  }

  private advance(position: number): void {
    this.cursor = Math.min(position, this.segments.length);
    this.offset = 0;
    // Keep one segment behind the cursor for "previous"; drop older ones.
    const drop = this.cursor - 1;
    if (drop > 0) {
      this.segments.splice(0, drop);
      this.cursor -= drop;
    }
  }

  private bytesAhead(): number {
    let bytes = 0;
    for (let i = this.cursor; i < this.segments.length; i++) bytes += this.segments[i]!.pcm.byteLength;
    return bytes - this.offset;
  }

  private async pull(): Promise<void> {
    if (this.pulling) return;
    this.pulling = true;
    const generation = this.generation;
    try {
      while (!this.exhausted && !this.cancelled && !this.failure && this.hasRoomAhead()) {
        const next = await this.iterator.next();
        if (this.cancelled || generation !== this.generation) return;
        if (next.done) this.exhausted = true;
        else this.segments.push(next.value);
        this.listener();
      }
    } catch (error) {
      if (!this.cancelled && generation === this.generation) {
        this.failure = {
          code: isProtocolError(error) ? error.code : "synthesis_failed",
          message: error instanceof Error ? error.message : String(error),
          cause: error,
        };
        this.listener();
      }
    } finally {
      if (generation === this.generation) this.pulling = false;
    }
  }

  private hasRoomAhead(): boolean {
    // Always have the segment after the current one on the way, whatever its length.
    return this.segments.length <= this.cursor + 1 || this.bytesAhead() < this.lookaheadBytes;
  }
}

type SourceFailureCode = Extract<SourceRead, { kind: "failed" }>["code"];
