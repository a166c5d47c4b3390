import { ProtocolError } from "@kokoro-speech/protocol";
import type { AudioSink } from "./sink.js";
import { assertFrameAligned } from "./pcm-alignment.js";

/** Accepts and counts PCM without playing it: for headless machines, benchmarks and tests of the player. */
export class NullSink implements AudioSink {
  readonly kind = "null";
  private state: "idle" | "open" | "closed" = "idle";
  private acceptedBytes = 0;

  get bytesAccepted(): number {
    return this.acceptedBytes;
  }

  async open(): Promise<void> {
    if (this.state !== "idle") throw new Error("an audio sink can be opened only once");
    this.state = "open";
  }

  async write(pcm: Buffer): Promise<void> {
    assertFrameAligned(pcm);
    if (this.state !== "open") throw new ProtocolError("audio_unavailable", "the null audio sink is not open");
    this.acceptedBytes += pcm.length;
  }

  async close(): Promise<void> {
    this.state = "closed";
  }

  /** Nothing can be lost, so listeners are never called. */
  onLost(): void {}
}
