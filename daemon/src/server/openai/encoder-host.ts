/**
 * The encoder host: a child process (started by encoder-process.ts) that runs the mp3, Ogg Opus, AAC and FLAC
 * encoders, so encoding never competes with the daemon's thread, which paces the player and serves the sockets, and
 * the encoders' memory (WebAssembly heaps, a V8 heap) goes back to the system when the host stops. Each request has
 * a session here. Input is encoded in slices of `SLICE_SAMPLES`, each slice's bytes sent back at once, and the host
 * yields between slices, so a `close` (the client went away) stops a long segment's encoding after the slice in
 * progress.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import type { EncoderReply, EncoderRequest } from "./encoder-messages.js";
import { createStreamEncoder, encodersReady, type StreamEncoder } from "./encoders/index.js";

/** 100 ms of audio: small enough that the first bytes of a segment go out early, large enough to cost little. */
export const SLICE_SAMPLES = SAMPLE_RATE_HZ / 10;

interface Session {
  encoder: StreamEncoder | null;
  /** The session's operations, one after another. */
  chain: Promise<void>;
  closed: boolean;
}

if (process.send === undefined) {
  process.stderr.write("encoder-host runs only as a child process with an IPC channel\n");
  process.exit(2);
}

const sessions = new Map<number, Session>();
let slicesEncoded = 0;
const ready = encodersReady();

function reply(message: EncoderReply): void {
  if (process.connected) process.send?.(message, undefined, {}, () => undefined);
}

function sendBytes(id: number, bytes: Uint8Array): void {
  if (bytes.byteLength === 0) return;
  reply({ op: "data", id, bytes });
}

function drop(id: number, session: Session): void {
  session.encoder?.dispose();
  session.encoder = null;
  sessions.delete(id);
}

async function encode(id: number, session: Session, pcm: ArrayBuffer): Promise<void> {
  const samples = new Int16Array(pcm);
  for (let offset = 0; offset < samples.length; offset += SLICE_SAMPLES) {
    if (session.closed) return;
    // A copy that owns its buffer: the encoders may hand back views of their input.
    sendBytes(id, (await session.encoder!.encode(samples.subarray(offset, offset + SLICE_SAMPLES))).slice());
    slicesEncoded++;
    await nextTurn();
  }
  if (!session.closed) reply({ op: "encoded", id });
}

function schedule(id: number, session: Session, step: () => Promise<void> | void): void {
  session.chain = session.chain.then(step).catch((error: unknown) => {
    drop(id, session);
    session.closed = true;
    reply({ op: "error", id, message: error instanceof Error ? error.message : String(error) });
  });
}

process.on("message", (message: EncoderRequest) => {
  if (message.op === "stats") {
    reply({ op: "stats", stats: { open: sessions.size, slicesEncoded } });
    return;
  }
  if (message.op === "open") {
    const session: Session = { encoder: null, chain: Promise.resolve(), closed: false };
    sessions.set(message.id, session);
    schedule(message.id, session, async () => {
      await ready;
      const encoder = await createStreamEncoder(message.format);
      // A close that came while the encoder was being made: free it at once.
      if (session.closed) encoder.dispose();
      else session.encoder = encoder;
    });
    return;
  }
  const session = sessions.get(message.id);
  if (!session) return; // dropped after an error; the error was reported
  const { id } = message;
  switch (message.op) {
    case "encode":
      schedule(id, session, () => encode(id, session, message.pcm));
      return;
    case "finish":
      schedule(id, session, async () => {
        if (session.closed) return;
        sendBytes(id, (await session.encoder!.finish()).slice());
        drop(id, session);
        reply({ op: "finished", id });
      });
      return;
    case "close":
      session.closed = true;
      schedule(id, session, () => {
        drop(id, session);
        reply({ op: "closed", id });
      });
      return;
  }
});

// The daemon went away (or stopped the host): exit. Never process.disconnect(), as espeak-host.ts explains.
process.on("disconnect", () => process.exit(0));
