import {
  DEFAULT_VOICE,
  hasProductFormat,
  isProtocolError,
  ProtocolError,
  SAMPLE_RATE_HZ,
  SPEED_DEFAULT,
  type AudioStatus,
  type ChunkFrame,
  type DaemonStatus,
  type PlayerStatus,
  type Request,
  type SetRequest,
  type StreamEventMessage,
} from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { ClientPcmSource } from "../player/client-pcm-source.js";
import type { Player, PlayerListener } from "../player/player.js";
import { SpeechSource } from "../player/speech-source.js";
import { PlaybackStream } from "../player/stream.js";
import { performance } from "node:perf_hooks";
import { NO_PCM_SOURCE } from "../player/pcm-source.js";
import type { SynthesisRequest, Synthesizer, SynthesizerProvider } from "../synthesis/synthesizer.js";
import { markStartup } from "../telemetry/startup-timeline.js";
import type { Telemetry } from "../telemetry/telemetry.js";
import type { ClientConnection, Handled, RequestHandler } from "./connection.js";
import { RenderJob } from "./render-job.js";

export interface HubOptions {
  identity: { name: string; version: string; pid: number; protocol: number };
  startedAtMs: number;
  speech: SynthesizerProvider;
  telemetry: Telemetry;
  log?: Logger;
}

/**
 * Routes between clients and the player: turns requests into player operations and player output into messages.
 * A stream's events go to its owner and to clients subscribed to `streams`; its PCM to its owner when it asked
 * (`sendAudio`) and to clients subscribed to `audio`. A client that disconnects does not stop its streams: the
 * user asked for speech, and a Raycast command exits right after its request is acknowledged.
 */
export class Hub implements RequestHandler, PlayerListener {
  private readonly options: HubOptions;
  private player: Player | null = null;
  private readonly connections = new Map<number, ClientConnection>();
  private readonly playStreams = new Map<number, { stream: PlaybackStream; source: ClientPcmSource }>();
  private readonly renders = new Map<number, RenderJob>();
  /** Live speak streams' synthesis settings and sources, for `set`. */
  private readonly speakStreams = new Map<number, { synthesis: SynthesisRequest; source: SpeechSource }>();
  private nextStreamId = 1;
  /** The last request other than `status`, or the last time the daemon was seen busy (`idleForMs`). */
  private lastActivityMs = Date.now();

  constructor(options: HubOptions) {
    this.options = options;
    options.speech.on("status", (model) =>
      this.broadcastDaemon({ type: "daemon", event: "model", at: Date.now(), model }),
    );
  }

  attachPlayer(player: Player): void {
    this.player = player;
  }

  addConnection(connection: ClientConnection): void {
    this.connections.set(connection.id, connection);
  }

  status(): DaemonStatus {
    const player = this.requirePlayer();
    return {
      daemon: { ...this.options.identity, uptimeMs: Date.now() - this.options.startedAtMs },
      player: player.status(),
      audio: player.audioStatus(),
      model: this.options.speech.status(),
      counters: { ...player.counters, ...this.options.speech.synthesisCounters() },
      latency: this.options.telemetry.latency(),
      memory: { ...this.options.telemetry.memory(), helperRssBytes: this.options.speech.helperRssBytes() },
    };
  }

  /**
   * How long the daemon has been idle: nothing playing, queued or rendering, no model download or load, and no
   * request but `status` (a menu bar polling it is no use of the daemon). 0 while busy.
   */
  idleForMs(now: number = Date.now()): number {
    const modelState = this.options.speech.status().state;
    const busy =
      this.player?.status().state !== "idle" ||
      this.renders.size > 0 ||
      this.playStreams.size > 0 ||
      modelState === "downloading" ||
      modelState === "verifying" ||
      modelState === "loading";
    if (busy) this.lastActivityMs = now;
    return now - this.lastActivityMs;
  }

  handleRequest(connection: ClientConnection, request: Request): Handled {
    if (request.type !== "status") this.lastActivityMs = Date.now();
    const player = this.requirePlayer();
    switch (request.type) {
      case "speak": {
        const receivedAtMs = performance.now();
        markStartup("firstSpeak");
        const synthesizer = this.options.speech.synthesizer({ awaitLoading: true });
        const synthesis = {
          text: request.text,
          voice: request.voice ?? DEFAULT_VOICE,
          speed: request.speed ?? SPEED_DEFAULT,
        };
        synthesizer.validate(synthesis);
        if (request.output === "client") return this.startRender(connection, synthesis, synthesizer);
        const mode = request.queue ?? "interrupt";
        player.assertCanStart(mode);
        const source = new SpeechSource((from) => synthesizer.segments(synthesis, from));
        const stream = new PlaybackStream({
          id: this.nextStreamId++,
          kind: "speak",
          ownerId: connection.id,
          source,
          sendAudio: request.sendAudio ?? false,
          voice: synthesis.voice,
          speed: synthesis.speed,
          receivedAtMs,
          synthesizer: synthesizer.name,
        });
        this.speakStreams.set(stream.id, { synthesis, source });
        return { result: { streamId: stream.id }, afterAck: () => player.start(stream, mode) };
      }
      case "set":
        return { result: this.changeSettings(request) };
      case "play": {
        const mode = request.queue ?? "interrupt";
        player.assertCanStart(mode);
        const source = new ClientPcmSource();
        const stream = new PlaybackStream({
          id: this.nextStreamId++,
          kind: "play",
          ownerId: connection.id,
          source,
          sendAudio: false,
        });
        // Registered now: chunks may follow the ack before `afterAck` has run.
        this.playStreams.set(stream.id, { stream, source });
        return { result: { streamId: stream.id }, afterAck: () => player.start(stream, mode) };
      }
      case "end": {
        const entry = this.ownedPlayStream(connection, request.streamId);
        entry.source.end();
        return { result: { streamId: entry.stream.id } };
      }
      case "pause":
        return { result: { streamId: player.pause(request.streamId).id } };
      case "resume":
        return { result: { streamId: player.resume(request.streamId).id } };
      case "stop": {
        if (request.all) {
          const renders = [...this.renders.values()];
          for (const job of renders) job.cancel();
          return { result: { stopped: player.stopAll() + renders.length } };
        }
        const render = request.streamId === undefined ? undefined : this.renders.get(request.streamId);
        if (render) {
          render.cancel();
          return { result: { streamId: render.stream.id } };
        }
        return { result: { streamId: player.stop(request.streamId).id } };
      }
      case "skip":
        return { result: { streamId: player.skip(request.direction, request.streamId).id } };
      case "status":
        return { result: this.status() };
      case "subscribe":
        connection.topics = new Set(request.topics);
        return { result: { topics: [...connection.topics] } };
      case "download":
        return { result: this.options.speech.download(request.model) };
    }
  }

  handleChunk(connection: ClientConnection, frame: ChunkFrame): void {
    if (frame.streamId >= this.nextStreamId) {
      throw new ProtocolError("no_such_stream", `No stream ${frame.streamId}.`, { streamId: frame.streamId });
    }
    const entry = this.playStreams.get(frame.streamId);
    if (!entry) {
      if (this.requirePlayer().isLive(frame.streamId)) {
        throw new ProtocolError(
          "wrong_stream_kind",
          `Stream ${frame.streamId} is a speak stream; it takes no chunks.`,
          {
            streamId: frame.streamId,
          },
        );
      }
      // A stream that already ended (cancelled, failed, completed): its late chunks are dropped without a word.
      return;
    }
    if (entry.stream.ownerId !== connection.id) {
      throw new ProtocolError("no_such_stream", `Stream ${frame.streamId} is not yours.`, { streamId: frame.streamId });
    }
    if (!hasProductFormat(frame)) {
      const error = new ProtocolError(
        "invalid_frame",
        `Chunks must be ${SAMPLE_RATE_HZ} Hz mono s16le; got ${frame.sampleRateHz} Hz, ${frame.channelCount} channels.`,
        { streamId: frame.streamId },
      );
      this.requirePlayer().fail(entry.stream, error.code, error.message);
      throw error;
    }
    try {
      entry.source.push(frame.seq, frame.pcm);
    } catch (error) {
      if (!isProtocolError(error)) throw error;
      this.requirePlayer().fail(entry.stream, error.code, error.message);
      throw new ProtocolError(error.code, error.message, { streamId: frame.streamId });
    }
  }

  connectionClosed(connection: ClientConnection): void {
    this.connections.delete(connection.id);
    // A render exists only for its requester: nobody is left to receive it.
    for (const job of this.renders.values()) if (job.stream.ownerId === connection.id) job.cancel();
    // Streams keep playing; a play stream whose producer vanished can never receive its end, so it ends here
    // once what was already sent has played.
    for (const { stream, source } of this.playStreams.values()) {
      if (stream.ownerId === connection.id && !source.isEnded) source.end();
    }
  }

  // ---- PlayerListener ----

  streamEvent(stream: PlaybackStream, message: StreamEventMessage): void {
    if (stream.isTerminal) {
      this.playStreams.delete(stream.id);
      this.speakStreams.delete(stream.id);
    }
    for (const connection of this.connections.values()) {
      if (connection.id === stream.ownerId || connection.topics.has("streams")) connection.send(message);
    }
  }

  streamAudio(stream: PlaybackStream, seq: number, pcm: Buffer): void {
    if (seq === 0 && stream.receivedAtMs !== undefined) {
      this.options.telemetry.recordTtfa(performance.now() - stream.receivedAtMs);
    }
    for (const connection of this.connections.values()) {
      const wantsIt = connection.topics.has("audio") || (stream.sendAudio && connection.id === stream.ownerId);
      if (wantsIt) connection.sendChunk(stream.id, seq, pcm);
    }
  }

  playerChanged(status: PlayerStatus): void {
    this.broadcastDaemon({ type: "daemon", event: "player", at: Date.now(), player: status });
  }

  audioChanged(status: AudioStatus): void {
    this.broadcastDaemon({ type: "daemon", event: "audio", at: Date.now(), audio: status });
  }

  private broadcastDaemon(message: Parameters<ClientConnection["send"]>[0]): void {
    for (const connection of this.connections.values()) {
      if (connection.topics.has("daemon")) connection.send(message);
    }
  }

  private changeSettings(request: SetRequest): { streamId: number; voice: string; speed: number } {
    const stream = this.requirePlayer().find(request.streamId);
    const entry = this.speakStreams.get(stream.id);
    if (!entry) throw new ProtocolError("wrong_stream_kind", "Only speak streams have a voice and a speed.");
    const next = {
      text: entry.synthesis.text,
      voice: request.voice ?? entry.synthesis.voice,
      speed: request.speed ?? entry.synthesis.speed,
    };
    this.options.speech.synthesizer().validate(next);
    entry.synthesis.voice = next.voice;
    entry.synthesis.speed = next.speed;
    stream.voice = next.voice;
    stream.speed = next.speed;
    if (request.immediate) entry.source.resynthesizeAhead();
    return { streamId: stream.id, voice: next.voice, speed: next.speed };
  }

  private startRender(connection: ClientConnection, synthesis: SynthesisRequest, synthesizer: Synthesizer): Handled {
    const stream = new PlaybackStream({
      id: this.nextStreamId++,
      kind: "speak",
      ownerId: connection.id,
      source: NO_PCM_SOURCE,
      sendAudio: true,
      voice: synthesis.voice,
      speed: synthesis.speed,
      synthesizer: synthesizer.name,
    });
    const job = new RenderJob(stream, synthesizer.segments(synthesis), {
      event: (message) => this.streamEvent(stream, message),
      chunk: (streamId, seq, pcm) => connection.sendChunk(streamId, seq, pcm),
    });
    this.renders.set(stream.id, job);
    return {
      result: { streamId: stream.id },
      afterAck: () => void job.run().finally(() => this.renders.delete(stream.id)),
    };
  }

  private ownedPlayStream(
    connection: ClientConnection,
    streamId: number,
  ): { stream: PlaybackStream; source: ClientPcmSource } {
    const entry = this.playStreams.get(streamId);
    if (!entry || entry.stream.ownerId !== connection.id) {
      throw new ProtocolError("no_such_stream", `No live play stream ${streamId} of yours.`, { streamId });
    }
    return entry;
  }

  private requirePlayer(): Player {
    if (!this.player) throw new Error("Hub used before a player was attached");
    return this.player;
  }
}
