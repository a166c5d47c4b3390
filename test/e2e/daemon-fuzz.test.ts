/**
 * Fuzzing a real daemon process with hostile frames of every message type (test/helpers/hostile-frames.ts): values
 * of the wrong type in every field, prototype-shadowing keys, huge numbers, deep nesting, lone surrogates, raw texts
 * and binary frames with each header field corrupted. One such frame used to end the daemon (issue 12). Asserted:
 * the process stays alive, every request frame carrying a string id gets exactly one answer with that id (and no
 * answer is `internal_error`, which would mean validation met something it did not foresee), and a well-behaved
 * client is served afterwards.
 *
 * Seeded, so a run is reproducible: `KOKORO_FUZZ_SEED` picks another seed, `KOKORO_FUZZ_RUNS` more runs (each run
 * sends a batch of up to 12 frames).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ERROR_CODES, isErrorCode, PROTOCOL_VERSION, WEBSOCKET_PATH } from "@kokoro-speech/protocol";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";
import { hostileBinary, hostileHello, hostileRequest, type FuzzedText } from "../helpers/hostile-frames.js";

const SEED = Number(process.env.KOKORO_FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.KOKORO_FUZZ_RUNS ?? 80);
/** A run takes some 40 ms here; a larger count gets the time it needs. */
const TIMEOUT_MS = 30_000 + RUNS * 200;

let daemon: DaemonProcess;

beforeAll(async () => {
  // The fixture synthesizer makes `speak` succeed (and `download` never touch the network); audio goes nowhere.
  daemon = await startDaemonProcess({ sink: "null", withFixtureSynthesizer: true });
});

afterAll(async () => {
  await daemon.stop();
});

type Message = Record<string, unknown>;

/** A bare `ws` client: sends anything, records every text message and how the connection closed. */
class RawClient {
  readonly messages: Message[] = [];
  readonly closed: Promise<number>;
  private readonly socket: WebSocket;
  private readonly waiters = new Set<() => void>();
  private syncs = 0;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on("message", (data, isBinary) => {
      if (!isBinary) this.messages.push(JSON.parse(String(data)) as Message);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on("close", (code) => {
        resolve(code);
        for (const wake of this.waiters) wake();
      }),
    );
    socket.on("error", () => {});
  }

  static async open(): Promise<RawClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${daemon.port}${WEBSOCKET_PATH}`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new RawClient(socket);
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Resolves once a message satisfies `test` or the connection closed. */
  async until(test: (messages: Message[]) => boolean): Promise<void> {
    while (!test(this.messages) && this.socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  /** Sends a `status` and waits for its answer: answers come in request order, so every earlier one is in. */
  async sync(): Promise<string> {
    const id = `sync-${this.syncs++}`;
    this.send(JSON.stringify({ type: "status", id }));
    await this.until((messages) => messages.some((message) => message.id === id));
    return id;
  }

  close(): void {
    this.socket.close();
  }
}

async function handshake(): Promise<RawClient> {
  const client = await RawClient.open();
  client.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, client: "fuzz", token: daemon.token }));
  await client.until((messages) => messages.length > 0);
  expect(client.messages[0]).toMatchObject({ type: "welcome" });
  return client;
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The daemon runs and serves a client that follows the protocol: a speak stream plays to its end. */
async function expectServesAWellBehavedClient(): Promise<void> {
  expect(daemon.child.exitCode).toBeNull();
  const client = await daemon.connect("after-fuzz");
  const { streamId } = await client.request({ type: "speak", text: "Still here. Still speaking.", queue: "interrupt" });
  expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
  expect((await client.status()).daemon.pid).toBe(daemon.pid);
  await client.close();
}

type Frame = FuzzedText | { binary: Buffer };

describe("fuzzing a real daemon with hostile frames", () => {
  it(
    "answers every request frame with a string id exactly once, after the handshake, and stays up",
    async () => {
      const client = await handshake();
      let frameNumber = 0;
      const makeId = (): string => `f${frameNumber++}`;
      const frames = fc.array(
        fc.oneof(
          { weight: 4, arbitrary: hostileRequest(makeId) as fc.Arbitrary<Frame> },
          { weight: 1, arbitrary: hostileBinary.map((binary): Frame => ({ binary })) },
        ),
        { minLength: 1, maxLength: 12 },
      );
      await fc.assert(
        fc.asyncProperty(frames, async (batch) => {
          expect(client.isOpen).toBe(true);
          const from = client.messages.length;
          for (const frame of batch) client.send("binary" in frame ? frame.binary : frame.text);
          const syncId = await client.sync();
          const answers = client.messages
            .slice(from)
            .filter((message) => (message.type === "ack" || message.type === "error") && message.id !== syncId);
          expect(answers.filter((answer) => answer.code === "internal_error")).toEqual([]);
          const sent = batch.flatMap((frame) => ("id" in frame && frame.id !== undefined ? [frame.id] : []));
          const answeredIds = answers.flatMap((answer) => (typeof answer.id === "string" ? [answer.id] : []));
          expect(countBy(answeredIds)).toEqual(countBy(sent));
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      expect(client.isOpen).toBe(true);
      client.close();
      await expectServesAWellBehavedClient();
    },
    TIMEOUT_MS,
  );

  it(
    "refuses every hostile first frame with one error and its close code, and stays up",
    async () => {
      const firstFrames = fc.oneof(
        { weight: 4, arbitrary: hostileHello(daemon.token) as fc.Arbitrary<string | Buffer> },
        { weight: 1, arbitrary: hostileBinary as fc.Arbitrary<string | Buffer> },
      );
      await fc.assert(
        fc.asyncProperty(firstFrames, async (frame) => {
          const client = await RawClient.open();
          client.send(frame);
          await client.until((messages) => messages.length > 0);
          if (client.messages[0]?.type === "welcome") {
            // The edits left a valid hello (say, another client name): that is no refusal.
            client.close();
            return;
          }
          const closeCode = await client.closed;
          expect(client.messages).toHaveLength(1);
          const [refusal] = client.messages as [Message];
          expect(refusal).toMatchObject({ type: "error" });
          expect(refusal).not.toHaveProperty("id");
          expect(["handshake_required", "unauthorized", "protocol_mismatch"]).toContain(refusal.code);
          expect(isErrorCode(refusal.code) && (ERROR_CODES[refusal.code] as { closeCode?: number }).closeCode).toBe(
            closeCode,
          );
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      await expectServesAWellBehavedClient();
    },
    TIMEOUT_MS,
  );
});
