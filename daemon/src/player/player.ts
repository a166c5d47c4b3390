import { performance } from "node:perf_hooks";
import {
  BYTES_PER_FRAME,
  BYTES_PER_SECOND,
  DEVICE_LEAD_MS,
  isProtocolError,
  MAX_QUEUED_STREAMS,
  msToBytes,
  ProtocolError,
  type AudioStatus,
  type CancelReason,
  type ErrorCode,
  type PlayerCounters,
  type PlayerStatus,
  type QueueMode,
  type SkipDirection,
  type StreamEventMessage,
  type StreamEventPayloads,
} from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import type { AudioSink } from "../audio/index.js";
import { markStartup } from "../telemetry/startup-timeline.js";
import { PlaybackStream, type TerminalOutcome } from "./stream.js";

/** Smallest piece worth a device write: fewer, larger writes cost less; 10 ms keeps pacing smooth. */
const MIN_WRITE_MS = 10;
/** `progress` events at most this often per stream. */
const PROGRESS_INTERVAL_MS = 250;
/** Keep the device open this long after the last stream so back-to-back requests skip the open. */
export const DEFAULT_AUDIO_IDLE_CLOSE_MS = 30_000;

const BYTES_PER_MS = BYTES_PER_SECOND / 1000;

export interface PlayerListener {
  streamEvent(stream: PlaybackStream, message: StreamEventMessage): void;
  /** A chunk of a stream's PCM was handed to the device. */
  streamAudio(stream: PlaybackStream, seq: number, pcm: Buffer): void;
  playerChanged(status: PlayerStatus): void;
  audioChanged(status: AudioStatus): void;
}

export interface PlayerOptions {
  createSink: () => AudioSink;
  sinkName: string;
  listener: PlayerListener;
  log?: Logger;
  deviceLeadMs?: number;
  audioIdleCloseMs?: number;
}

/**
 * Plays streams one at a time through one audio sink, paced by the clock: at most `deviceLeadMs` of audio sits in
 * the device ahead of what has played, so pause and stop act within that time. Pause stops feeding and keeps the
 * position; resume continues from the next unplayed byte; stop drops the stream. Every stream gets exactly one
 * terminal event; `completed` fires once its last sample has been handed to the device.
 */
export class Player {
  readonly counters: PlayerCounters = {
    streamsStarted: 0,
    streamsCompleted: 0,
    streamsCancelled: 0,
    streamsFailed: 0,
    underruns: 0,
  };
  private readonly options: PlayerOptions;
  private readonly leadBytes: number;
  private current: PlaybackStream | null = null;
  private readonly queue: PlaybackStream[] = [];
  private sink: AudioSink | null = null;
  private sinkOpening: Promise<AudioSink> | null = null;
  private audio: AudioStatus;
  /** Playback clock: the moment the device would have played everything handed if it never starved. */
  private clockBaseMs: number | null = null;
  private clockBytes = 0;
  private pumping = false;
  private shutDown = false;
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastProgressMs = new Map<number, number>();

  constructor(options: PlayerOptions) {
    this.options = options;
    this.leadBytes = msToBytes(options.deviceLeadMs ?? DEVICE_LEAD_MS);
    this.audio = { sink: options.sinkName, state: "closed", lastError: null };
  }

  /** Adds a stream: `interrupt` cancels everything playing or queued first; `enqueue` waits its turn. */
  start(stream: PlaybackStream, mode: QueueMode): void {
    this.assertCanStart(mode);
    if (mode === "interrupt") this.cancelAll("interrupted");
    this.counters.streamsStarted++;
    stream.source.onReadable(() => this.wake());
    this.emit(stream, stream.event("started", startedPayload(stream)));
    this.queue.push(stream);
    if (!this.current) this.advance();
    this.notifyPlayer();
    this.wake();
  }

  /** Throws what `start` would refuse with: the daemon shutting down, or a full queue in `enqueue` mode. */
  assertCanStart(mode: QueueMode): void {
    if (this.shutDown) throw new ProtocolError("audio_unavailable", "The daemon is shutting down.");
    if (mode === "enqueue" && this.queue.length >= MAX_QUEUED_STREAMS) {
      throw new ProtocolError("queue_full", `${MAX_QUEUED_STREAMS} streams are already queued.`);
    }
  }

  isLive(id: number): boolean {
    return this.current?.id === id || this.queue.some((stream) => stream.id === id);
  }

  /** The live (not terminal) stream with this id, or the current one when `id` is undefined. */
  find(id: number | undefined): PlaybackStream {
    if (id === undefined) {
      if (!this.current) throw new ProtocolError("no_such_stream", "Nothing is playing.");
      return this.current;
    }
    if (this.current?.id === id) return this.current;
    const queued = this.queue.find((stream) => stream.id === id);
    if (!queued) throw new ProtocolError("no_such_stream", `No live stream ${id}.`);
    return queued;
  }

  pause(id?: number): PlaybackStream {
    const stream = this.requireCurrent(id);
    if (stream.state === "playing") {
      stream.state = "paused";
      this.clockBaseMs = null;
      this.emit(stream, stream.event("paused", { samplesPlayed: stream.samplesPlayed }));
      this.notifyPlayer();
    }
    return stream;
  }

  resume(id?: number): PlaybackStream {
    const stream = this.requireCurrent(id);
    if (stream.state === "paused") {
      stream.state = "playing";
      this.emit(stream, stream.event("resumed", { samplesPlayed: stream.samplesPlayed }));
      this.notifyPlayer();
      this.wake();
    }
    return stream;
  }

  /** Cancels one stream (the current one when `id` is undefined). */
  stop(id?: number): PlaybackStream {
    const stream = this.find(id);
    this.finish(stream, { state: "cancelled", reason: "stopped" });
    return stream;
  }

  /** Cancels every playing and queued stream; returns how many. */
  stopAll(reason: CancelReason = "stopped"): number {
    return this.cancelAll(reason);
  }

  skip(direction: SkipDirection, id?: number): PlaybackStream {
    const stream = this.requireCurrent(id);
    if (stream.kind !== "speak") {
      throw new ProtocolError("wrong_stream_kind", "Only speak streams have segments to skip.");
    }
    if (!stream.source.skip(direction)) {
      throw new ProtocolError("no_such_stream", `Stream ${stream.id} has no ${direction} segment.`);
    }
    this.wake();
    return stream;
  }

  /** Fails a stream from outside the player (e.g. a play stream's out-of-order chunk). */
  fail(stream: PlaybackStream, code: ErrorCode, message: string): void {
    this.finish(stream, { state: "failed", code, message });
  }

  status(): PlayerStatus {
    const current = this.current;
    return {
      state: !current ? "idle" : current.state === "paused" ? "paused" : "playing",
      currentStreamId: current?.id ?? null,
      queuedStreamIds: this.queue.map((stream) => stream.id),
      samplesPlayed: current?.samplesPlayed ?? 0,
      currentVoice: current?.voice ?? null,
      currentSpeed: current?.speed ?? null,
      currentSegment: current?.currentSegment ?? null,
    };
  }

  /** Audio handed to the device that, by the playback clock, has not played yet (what stop cannot take back). */
  deviceBacklogMs(): number {
    if (this.clockBaseMs === null) return 0;
    const playedBytes = (performance.now() - this.clockBaseMs) * BYTES_PER_MS;
    return Math.max(0, this.clockBytes - playedBytes) / BYTES_PER_MS;
  }

  audioStatus(): AudioStatus {
    return { ...this.audio };
  }

  /** Cancels everything and closes the device (daemon shutdown). */
  async shutdown(): Promise<void> {
    this.shutDown = true;
    this.cancelAll("shutdown");
    this.clearTimers();
    // A device still opening is closed as soon as it is open.
    await this.sinkOpening?.catch(() => {});
    await this.closeSink();
  }

  /** Runs the pump now (new data, new stream, resume). */
  wake(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    void this.pump();
  }

  private requireCurrent(id: number | undefined): PlaybackStream {
    const stream = this.find(id);
    if (stream !== this.current) {
      throw new ProtocolError("stream_not_current", `Stream ${stream.id} is queued, not playing.`);
    }
    return stream;
  }

  private cancelAll(reason: CancelReason): number {
    const streams = [...(this.current ? [this.current] : []), ...this.queue];
    for (const stream of streams) this.finish(stream, { state: "cancelled", reason });
    return streams.length;
  }

  private advance(): void {
    const next = this.queue.shift() ?? null;
    this.current = next;
    if (next && next.state === "queued") next.state = "playing";
    if (!next) this.scheduleIdleClose();
  }

  private finish(stream: PlaybackStream, outcome: TerminalOutcome): void {
    if (stream.isTerminal) return;
    stream.state = outcome.state;
    stream.source.cancel();
    this.lastProgressMs.delete(stream.id);
    const samplesPlayed = stream.samplesPlayed;
    if (outcome.state === "completed") {
      this.counters.streamsCompleted++;
      this.emit(stream, stream.event("completed", { samplesPlayed }));
    } else if (outcome.state === "cancelled") {
      this.counters.streamsCancelled++;
      this.emit(stream, stream.event("cancelled", { samplesPlayed, reason: outcome.reason }));
    } else {
      this.counters.streamsFailed++;
      // The one place a failed stream is logged, whatever failed it, with the cause behind its code.
      this.options.log?.warn(
        {
          streamId: stream.id,
          code: outcome.code,
          samplesPlayed,
          ...(outcome.cause === undefined ? {} : { err: outcome.cause }),
        },
        `stream failed: ${outcome.message}`,
      );
      this.emit(stream, stream.event("failed", { samplesPlayed, code: outcome.code, message: outcome.message }));
    }
    if (this.current === stream) {
      this.advance();
      this.wake();
    } else {
      const index = this.queue.indexOf(stream);
      if (index >= 0) this.queue.splice(index, 1);
    }
    this.notifyPlayer();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const stream = this.current;
        if (!stream || stream.state !== "playing") return;
        const sink = await this.ensureSink(stream);
        if (!sink || this.current !== stream || stream.state !== "playing") continue;
        const budget = this.writeBudgetBytes(stream);
        if (budget < msToBytes(MIN_WRITE_MS)) {
          this.sleep((msToBytes(MIN_WRITE_MS) - budget) / BYTES_PER_MS);
          return;
        }
        const read = stream.source.read(budget);
        if (read.kind === "wait") return; // the source wakes the pump when data arrives
        if (read.kind === "end") {
          this.finish(stream, { state: "completed" });
          continue;
        }
        if (read.kind === "failed") {
          this.finish(stream, { state: "failed", code: read.code, message: read.message, cause: read.cause });
          continue;
        }
        if (read.segment) {
          stream.currentSegment = { ...read.segment };
          this.emit(stream, stream.event("segment", { ...read.segment, samplesPlayed: stream.samplesPlayed }));
        }
        await this.writeToDevice(sink, stream, read.pcm);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Bytes that may be handed now without more than the lead sitting in the device. */
  private writeBudgetBytes(stream: PlaybackStream): number {
    const nowMs = performance.now();
    if (this.clockBaseMs === null) {
      this.clockBaseMs = nowMs;
      this.clockBytes = 0;
    }
    const playedBytes = (nowMs - this.clockBaseMs) * BYTES_PER_MS;
    if (playedBytes > this.clockBytes) {
      // The device ran dry: count it once audio of this stream had started, then restart the clock from now.
      if (stream.bytesHanded > 0) {
        this.counters.underruns++;
        const dryMs = (playedBytes - this.clockBytes) / BYTES_PER_MS;
        this.options.log?.debug({ streamId: stream.id, bytesHanded: stream.bytesHanded, dryMs }, "underrun");
      }
      this.clockBaseMs = nowMs;
      this.clockBytes = 0;
      return this.leadBytes;
    }
    const budget = playedBytes + this.leadBytes - this.clockBytes;
    return Math.max(0, Math.floor(budget / BYTES_PER_FRAME) * BYTES_PER_FRAME);
  }

  /** Hands PCM to the device; the position counts it from the moment of the call, so pause reports it exactly. */
  private async writeToDevice(sink: AudioSink, stream: PlaybackStream, pcm: Buffer): Promise<void> {
    this.clockBytes += pcm.byteLength;
    stream.bytesHanded += pcm.byteLength;
    this.options.listener.streamAudio(stream, stream.nextChunkSeq(), pcm);
    const nowMs = performance.now();
    const lastMs = this.lastProgressMs.get(stream.id) ?? 0;
    if (nowMs - lastMs >= PROGRESS_INTERVAL_MS) {
      this.lastProgressMs.set(stream.id, nowMs);
      this.emit(stream, stream.event("progress", { samplesPlayed: stream.samplesPlayed }));
    }
    markStartup("firstAudioHanded");
    try {
      await sink.write(pcm);
    } catch (error) {
      this.sinkFailed(sink, error);
    }
  }

  private async ensureSink(stream: PlaybackStream): Promise<AudioSink | null> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.sink) return this.sink;
    this.sinkOpening ??= this.openSink();
    try {
      return await this.sinkOpening;
    } catch (error) {
      const failure = toFailure(error, "audio_unavailable");
      this.finish(stream, { state: "failed", ...failure, cause: error });
      return null;
    } finally {
      this.sinkOpening = null;
    }
  }

  private async openSink(): Promise<AudioSink> {
    const sink = this.options.createSink();
    try {
      await sink.open();
    } catch (error) {
      const failure = toFailure(error, "audio_unavailable");
      this.setAudio({ state: "unavailable", lastError: failure });
      this.options.log?.warn({ err: error }, "audio device unavailable");
      throw error;
    }
    sink.onLost((error) => this.sinkFailed(sink, error));
    this.sink = sink;
    if (this.shutDown) {
      await this.closeSink();
      throw new ProtocolError("audio_unavailable", "The daemon is shutting down.");
    }
    this.clockBaseMs = null;
    this.setAudio({ state: "open", lastError: null });
    return sink;
  }

  /** The device failed mid-stream: the current stream fails with the code, the next stream reopens the device. */
  private sinkFailed(sink: AudioSink, error: unknown): void {
    if (this.sink !== sink) return;
    this.sink = null;
    void sink.close().catch(() => {});
    const failure = toFailure(error, "audio_unavailable");
    this.options.log?.warn({ err: error }, "audio device lost");
    this.setAudio({ state: "unavailable", lastError: failure });
    if (this.current) this.finish(this.current, { state: "failed", ...failure, cause: error });
  }

  private scheduleIdleClose(): void {
    if (!this.sink || this.idleTimer) return;
    this.clockBaseMs = null;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.current) void this.closeSink();
    }, this.options.audioIdleCloseMs ?? DEFAULT_AUDIO_IDLE_CLOSE_MS);
    this.idleTimer.unref();
  }

  private async closeSink(): Promise<void> {
    const sink = this.sink;
    this.sink = null;
    if (!sink) return;
    await sink.close();
    if (this.audio.state === "open") this.setAudio({ state: "closed", lastError: null });
  }

  private sleep(ms: number): void {
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.pump();
      },
      Math.max(1, Math.ceil(ms)),
    );
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.timer = null;
    this.idleTimer = null;
  }

  private setAudio(change: Pick<AudioStatus, "state" | "lastError">): void {
    this.audio = { ...this.audio, ...change };
    this.options.listener.audioChanged(this.audioStatus());
  }

  private emit(stream: PlaybackStream, message: StreamEventMessage): void {
    this.options.listener.streamEvent(stream, message);
  }

  private notifyPlayer(): void {
    this.options.listener.playerChanged(this.status());
  }
}

export function startedPayload(stream: PlaybackStream): StreamEventPayloads["started"] {
  const payload: StreamEventPayloads["started"] = { kind: stream.kind };
  if (stream.voice !== undefined) payload.voice = stream.voice;
  if (stream.speed !== undefined) payload.speed = stream.speed;
  if (stream.synthesizer !== undefined) payload.synthesizer = stream.synthesizer;
  return payload;
}

function toFailure(error: unknown, fallback: ErrorCode): { code: ErrorCode; message: string } {
  if (isProtocolError(error)) return { code: error.code, message: error.message };
  return { code: fallback, message: error instanceof Error ? error.message : String(error) };
}
