/**
 * Play streams end to end: a real daemon process, the real `speaker` addon, ALSA's `file` plugin capturing every
 * byte "played". If the player dropped, repeated or reordered audio, or kept playing a cancelled stream, the
 * captured bytes would differ from what the client sent.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DaemonClient, StreamEventMessage } from "@kokoro-speech/protocol";
import { startCapturedDaemon, type CapturedDaemon } from "../helpers/captured-daemon.js";
import { makePcm, sendPcm, waitFor } from "../helpers/pcm.js";

let setup: CapturedDaemon;
let client: DaemonClient;
let events: StreamEventMessage[];

beforeEach(async () => {
  setup = await startCapturedDaemon();
  ({ client, events } = setup);
});

afterEach(() => setup.cleanup());

/** Stops the daemon so the device is closed and ALSA has flushed the capture file, then reads it. */
async function capturedAfterShutdown(): Promise<Buffer> {
  const { audio, exitCode } = await setup.capturedAfterShutdown();
  expect(exitCode).toBe(0);
  return audio;
}

function eventsOf(streamId: number): string[] {
  return events.filter((event) => event.streamId === streamId).map((event) => event.event);
}

function terminalCount(streamId: number): number {
  return eventsOf(streamId).filter((name) => ["completed", "cancelled", "failed"].includes(name)).length;
}

describe("a play stream through the speaker sink", () => {
  it("hands the device exactly the submitted PCM, in order", async () => {
    const pcm = makePcm(24_000 * 0.6, 1); // 0.6 s
    const { streamId } = await client.request({ type: "play" });
    sendPcm(client, streamId!, pcm, 4_800);
    await client.request({ type: "end", streamId: streamId! });
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event).toBe("completed");
    expect(terminal.samplesPlayed).toBe(pcm.byteLength / 2);
    expect((await capturedAfterShutdown()).equals(pcm)).toBe(true);
    expect(terminalCount(streamId!)).toBe(1);
  });

  it("numbers every event of a stream from 0 without gaps", async () => {
    const { streamId } = await client.request({ type: "play" });
    sendPcm(client, streamId!, makePcm(12_000, 2), 2_400);
    await client.request({ type: "end", streamId: streamId! });
    await client.waitForTerminal(streamId!);
    const seqs = events.filter((event) => event.streamId === streamId).map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index));
    expect(eventsOf(streamId!)[0]).toBe("started");
  });

  it("plays two enqueued streams back to back", async () => {
    const first = makePcm(9_600, 3);
    const second = makePcm(7_200, 4);
    const a = (await client.request({ type: "play" })).streamId!;
    const b = (await client.request({ type: "play", queue: "enqueue" })).streamId!;
    sendPcm(client, b, second, 4_800);
    await client.request({ type: "end", streamId: b });
    sendPcm(client, a, first, 4_800);
    await client.request({ type: "end", streamId: a });
    expect((await client.waitForTerminal(a)).event).toBe("completed");
    expect((await client.waitForTerminal(b)).event).toBe("completed");
    expect((await capturedAfterShutdown()).equals(Buffer.concat([first, second]))).toBe(true);
    expect(terminalCount(a)).toBe(1);
    expect(terminalCount(b)).toBe(1);
  });

  it("sends started for a queued stream right after its ack, before the stream ahead of it has ended", async () => {
    const a = (await client.request({ type: "play" })).streamId!;
    const b = (await client.request({ type: "play", queue: "enqueue" })).streamId!;
    await waitFor(() => eventsOf(b).length > 0);
    expect(eventsOf(b)).toEqual(["started"]);
    expect(eventsOf(a)).toEqual(["started"]);
    await client.request({ type: "stop", all: true });
  });

  it("answers end after completed with no_such_stream: the stream is no longer live", async () => {
    const { streamId } = await client.request({ type: "play" });
    sendPcm(client, streamId!, makePcm(4_800, 5), 4_800);
    await client.request({ type: "end", streamId: streamId! });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    await expect(client.request({ type: "end", streamId: streamId! })).rejects.toMatchObject({
      code: "no_such_stream",
    });
    expect(terminalCount(streamId!)).toBe(1);
    // The daemon still serves.
    expect((await client.request({ type: "play" })).streamId).toBeGreaterThan(streamId!);
  });

  it("stops contributing bytes once cancelled, and drops its later chunks", async () => {
    const pcm = makePcm(24_000 * 4, 5); // 4 s: far longer than the test waits
    const { streamId } = await client.request({ type: "play" });
    sendPcm(client, streamId!, pcm.subarray(0, 96_000), 4_800);
    await waitFor(async () => (await client.status()).player.samplesPlayed > 4_800);
    await client.request({ type: "stop", streamId: streamId! });
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event).toBe("cancelled");
    // Chunks that arrive after the cancel are dropped without an error and never reach the device.
    sendPcm(client, streamId!, pcm.subarray(96_000), 4_800, 20);
    const status = await client.status();
    expect(status.player.state).toBe("idle");
    const captured = await capturedAfterShutdown();
    expect(captured.byteLength).toBe(terminal.samplesPlayed * 2);
    expect(captured.byteLength).toBeLessThan(96_000);
    expect(captured.equals(pcm.subarray(0, captured.byteLength))).toBe(true);
    expect(terminalCount(streamId!)).toBe(1);
  });

  it("pause keeps the position and resume continues with the next byte", async () => {
    const pcm = makePcm(24_000 * 1.5, 6);
    const { streamId } = await client.request({ type: "play" });
    sendPcm(client, streamId!, pcm, 4_800);
    await client.request({ type: "end", streamId: streamId! });
    await waitFor(async () => (await client.status()).player.samplesPlayed > 2_400);
    await client.request({ type: "pause" });
    const pausedStatus = await client.status();
    expect(pausedStatus.player.state).toBe("paused");
    // While paused the player hands nothing to the device.
    const positionWhilePaused = pausedStatus.player.samplesPlayed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await client.status()).player.samplesPlayed).toBe(positionWhilePaused);
    await client.request({ type: "resume" });
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event).toBe("completed");
    expect(eventsOf(streamId!)).toEqual(expect.arrayContaining(["paused", "resumed"]));
    expect((await capturedAfterShutdown()).equals(pcm)).toBe(true);
  });

  it("fails a stream whose chunks skip a sequence number, and keeps serving", async () => {
    const { streamId } = await client.request({ type: "play" });
    const errors: string[] = [];
    client.on("error", (error) => errors.push(error.code));
    client.sendChunk(streamId!, 0, makePcm(480, 7));
    client.sendChunk(streamId!, 2, makePcm(480, 8));
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event).toBe("failed");
    expect(terminal.event === "failed" && terminal.code).toBe("out_of_order");
    await waitFor(async () => errors.includes("out_of_order"));
    // The daemon is still up and plays the next stream.
    const next = (await client.request({ type: "play" })).streamId!;
    sendPcm(client, next, makePcm(4_800, 9), 2_400);
    await client.request({ type: "end", streamId: next });
    expect((await client.waitForTerminal(next)).event).toBe("completed");
  });

  it("refuses a duplicate chunk with out_of_order", async () => {
    const { streamId } = await client.request({ type: "play" });
    const errors: string[] = [];
    client.on("error", (error) => errors.push(error.code));
    client.sendChunk(streamId!, 0, makePcm(480, 10));
    client.sendChunk(streamId!, 0, makePcm(480, 10));
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event === "failed" && terminal.code).toBe("out_of_order");
  });

  it("interrupt mode cancels the stream playing and starts the new one", async () => {
    const first = (await client.request({ type: "play" })).streamId!;
    sendPcm(client, first, makePcm(48_000, 11), 4_800);
    await waitFor(async () => (await client.status()).player.samplesPlayed > 0);
    const second = (await client.request({ type: "play", queue: "interrupt" })).streamId!;
    const terminal = await client.waitForTerminal(first);
    expect(terminal.event === "cancelled" && terminal.reason).toBe("interrupted");
    expect((await client.status()).player.currentStreamId).toBe(second);
  });
});
