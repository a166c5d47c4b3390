import { isProtocolError, MAX_CHUNK_PAYLOAD_BYTES, type StreamEventMessage } from "@kokoro-speech/protocol";
import { startedPayload } from "../player/player.js";
import { PlaybackStream } from "../player/stream.js";
import type { SynthesizedSegment } from "../synthesis/synthesizer.js";

export interface RenderSink {
  event(message: StreamEventMessage): void;
  chunk(streamId: number, seq: number, pcm: Buffer): void;
}

/**
 * A speak stream rendered for its requester instead of the device: segments go out as chunk frames as fast as they
 * are synthesized, with the same events a played stream has (started, segment, exactly one terminal event).
 */
export class RenderJob {
  readonly stream: PlaybackStream;
  private readonly segments: AsyncIterator<SynthesizedSegment>;
  private readonly sink: RenderSink;
  private cancelled = false;

  constructor(stream: PlaybackStream, segments: AsyncIterator<SynthesizedSegment>, sink: RenderSink) {
    this.stream = stream;
    this.segments = segments;
    this.sink = sink;
  }

  /** Runs to the end; resolves after the terminal event. Never rejects. */
  async run(): Promise<void> {
    const { stream, sink } = this;
    stream.state = "playing";
    sink.event(stream.event("started", startedPayload(stream)));
    try {
      for (;;) {
        const next = await this.segments.next();
        if (this.cancelled) return;
        if (next.done) break;
        const { index, start, end, pcm } = next.value;
        sink.event(stream.event("segment", { index, start, end, samplesPlayed: stream.samplesPlayed }));
        for (let offset = 0; offset < pcm.byteLength; offset += MAX_CHUNK_PAYLOAD_BYTES) {
          const piece = pcm.subarray(offset, Math.min(offset + MAX_CHUNK_PAYLOAD_BYTES, pcm.byteLength));
          sink.chunk(stream.id, stream.nextChunkSeq(), piece);
          stream.bytesHanded += piece.byteLength;
        }
      }
      stream.state = "completed";
      sink.event(stream.event("completed", { samplesPlayed: stream.samplesPlayed }));
    } catch (error) {
      if (this.cancelled) return;
      stream.state = "failed";
      sink.event(
        stream.event("failed", {
          samplesPlayed: stream.samplesPlayed,
          code: isProtocolError(error) ? error.code : "synthesis_failed",
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }

  cancel(): void {
    if (this.cancelled || this.stream.isTerminal) return;
    this.cancelled = true;
    this.stream.state = "cancelled";
    void this.segments.return?.()?.catch(() => {});
    this.sink.event(this.stream.event("cancelled", { samplesPlayed: this.stream.samplesPlayed, reason: "stopped" }));
  }
}
