/**
 * Speak streams through the synthesizer seam, with the test fixture synthesizer standing in for the Kokoro engine:
 * segments play in order with events carrying their text spans, skip moves between segments, a failing segment
 * ends the stream with `failed`, and the requester can receive the audio itself.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChunkFrame, DaemonClient, StreamEventMessage } from "@kokoro-speech/protocol";
import { fixtureAudioFor, fixturePcm, fixtureSegments } from "../fixtures/tone-synthesizer.js";
import { startCapturedDaemon, type CapturedDaemon } from "../helpers/captured-daemon.js";
import { waitFor } from "../helpers/pcm.js";

let setup: CapturedDaemon;
let client: DaemonClient;
let events: StreamEventMessage[];

beforeEach(async () => {
  setup = await startCapturedDaemon({ withFixtureSynthesizer: true });
  ({ client, events } = setup);
});

afterEach(() => setup.cleanup());

/** Stops the daemon so the device is closed and ALSA has flushed the capture file, then reads it. */
async function capturedAfterShutdown(): Promise<Buffer> {
  const { audio, exitCode } = await setup.capturedAfterShutdown();
  expect(exitCode).toBe(0);
  return audio;
}

const TEXT = "First sentence here. A second one follows! Does a third? Yes.";

describe("a speak stream", () => {
  it("plays every segment in order and reports each segment's span of the text", async () => {
    const { streamId } = await client.request({ type: "speak", text: TEXT, voice: "af_heart" });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    const segments = events.filter((event) => event.event === "segment");
    const spans = segments.map((event) => (event.event === "segment" ? [event.start, event.end] : []));
    expect(spans).toEqual(fixtureSegments(TEXT).map((span) => [span.start, span.end]));
    expect(spans[0]![0]).toBe(0);
    expect(spans.at(-1)![1]).toBe(TEXT.length);
    expect((await capturedAfterShutdown()).equals(fixtureAudioFor(TEXT))).toBe(true);
  });

  it("reports the segment being played in status, then none once idle", async () => {
    const long = `${"An opening sentence that keeps on going for quite a while ".repeat(6)}. Short end.`;
    const { streamId } = await client.request({ type: "speak", text: long });
    const spans = fixtureSegments(long);
    await waitFor(async () => (await client.status()).player.samplesPlayed > 0);
    expect((await client.status()).player.currentSegment).toEqual({ index: 0, ...spans[0] });
    await client.request({ type: "skip", direction: "next" });
    await waitFor(async () => (await client.status()).player.currentSegment?.index === 1);
    expect((await client.status()).player.currentSegment).toEqual({ index: 1, ...spans[1] });
    await client.waitForTerminal(streamId!);
    expect((await client.status()).player.currentSegment).toBeNull();
  });

  it("applies the requested speed", async () => {
    const { streamId } = await client.request({ type: "speak", text: TEXT, speed: 2 });
    await client.waitForTerminal(streamId!);
    expect((await capturedAfterShutdown()).equals(fixtureAudioFor(TEXT, 2))).toBe(true);
  });

  it("sends its audio to the requester when asked, identical to what the device got", async () => {
    const frames: ChunkFrame[] = [];
    client.on("chunk", (frame) => frames.push(frame));
    const { streamId } = await client.request({ type: "speak", text: TEXT, sendAudio: true });
    await client.waitForTerminal(streamId!);
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, index) => index));
    const received = Buffer.concat(frames.map((frame) => Buffer.from(frame.pcm)));
    expect(received.equals(fixtureAudioFor(TEXT))).toBe(true);
  });

  it("fails on a transient segment failure too, as retrying is off by default", async () => {
    const { streamId } = await client.request({ type: "speak", text: "This plays. This one is FLAKY. The end." });
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event === "failed" && terminal.code).toBe("synthesis_failed");
    expect((await client.status()).counters.segmentRetries).toBe(0);
  });

  it("ends with failed and the code when a segment cannot be synthesized, after playing the ones before", async () => {
    const text = "This plays. This one says FAIL. Never reached.";
    const { streamId } = await client.request({ type: "speak", text });
    const terminal = await client.waitForTerminal(streamId!);
    expect(terminal.event === "failed" && terminal.code).toBe("synthesis_failed");
    // Logged once, with the stream id and the error behind the code.
    const failures = setup.daemon
      .stderr()
      .split("\n")
      .filter((line) => line.includes("stream failed"))
      .map((line) => JSON.parse(line) as { streamId: number; code: string; err?: { message: string } });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ streamId, code: "synthesis_failed" });
    expect(failures[0]!.err?.message).toContain("fixture inference error in segment 1");
    const first = fixtureSegments(text)[0]!;
    expect((await capturedAfterShutdown()).equals(fixturePcm(0, first.end - first.start, 1))).toBe(true);
  });

  it("skips to the next segment on request", async () => {
    const long = `${"A long opening sentence that takes a while to play out loud ".repeat(6)}. Short end.`;
    const { streamId } = await client.request({ type: "speak", text: long });
    await waitFor(() => events.some((event) => event.event === "progress"));
    await client.request({ type: "skip", direction: "next" });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    const indices = events
      .filter((event) => event.event === "segment")
      .map((event) => event.event === "segment" && event.index);
    expect(indices).toEqual([0, 1]);
    const captured = await capturedAfterShutdown();
    const spans = fixtureSegments(long);
    const firstFull = fixturePcm(0, spans[0]!.end - spans[0]!.start, 1);
    const second = fixturePcm(1, spans[1]!.end - spans[1]!.start, 1);
    // Part of the first segment, then all of the second.
    expect(captured.byteLength).toBeLessThan(firstFull.byteLength + second.byteLength);
    expect(captured.subarray(captured.byteLength - second.byteLength).equals(second)).toBe(true);
    expect(
      captured
        .subarray(0, captured.byteLength - second.byteLength)
        .equals(firstFull.subarray(0, captured.byteLength - second.byteLength)),
    ).toBe(true);
  });

  it("skip next while the last segment plays completes the stream, with that segment cut short", async () => {
    const text = `Short start. ${"The last sentence runs on for a long while so that it is still playing ".repeat(6)}.`;
    const spans = fixtureSegments(text);
    expect(spans).toHaveLength(2);
    const { streamId } = await client.request({ type: "speak", text });
    await waitFor(() => events.some((event) => event.event === "segment" && event.index === 1));
    const ack = await client.request({ type: "skip", direction: "next" });
    expect(ack.streamId).toBe(streamId);
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    const captured = await capturedAfterShutdown();
    const first = fixturePcm(0, spans[0]!.end - spans[0]!.start, 1);
    const last = fixturePcm(1, spans[1]!.end - spans[1]!.start, 1);
    // All of the first segment, then only the start of the last.
    expect(captured.subarray(0, first.byteLength).equals(first)).toBe(true);
    const played = captured.subarray(first.byteLength);
    expect(played.byteLength).toBeLessThan(last.byteLength);
    expect(played.equals(last.subarray(0, played.byteLength))).toBe(true);
  });

  it("set with immediate re-synthesizes the segments after the one playing with the new speed", async () => {
    const first = `${"The opening sentence runs on for a good while so that it is still playing ".repeat(3)}.`;
    const text = `${first} Then a second. And a third!`;
    const { streamId } = await client.request({ type: "speak", text });
    await waitFor(() => events.some((event) => event.event === "segment" && event.index === 0));
    const ack = await client.request({ type: "set", speed: 2, immediate: true });
    expect(ack.result).toEqual({ streamId, voice: "af_heart", speed: 2 });
    expect((await client.waitForTerminal(streamId!)).event).toBe("completed");
    const spans = fixtureSegments(text);
    const expected = Buffer.concat(
      spans.map((span, index) => fixturePcm(index, span.end - span.start, index === 0 ? 1 : 2)),
    );
    expect((await capturedAfterShutdown()).equals(expected)).toBe(true);
  });

  it("refuses set requests it cannot apply, each with its code", async () => {
    const { streamId } = await client.request({ type: "speak", text: TEXT });
    await expect(client.request({ type: "set", streamId: streamId! })).rejects.toMatchObject({
      code: "invalid_message",
    });
    await expect(client.request({ type: "set", speed: 3 })).rejects.toMatchObject({ code: "speed_out_of_range" });
    await expect(client.request({ type: "set", voice: "zz_nobody" })).rejects.toMatchObject({ code: "unknown_voice" });
    await client.request({ type: "stop", all: true });
    const play = (await client.request({ type: "play" })).streamId!;
    await expect(client.request({ type: "set", streamId: play, speed: 1.5 })).rejects.toMatchObject({
      code: "wrong_stream_kind",
    });
  });

  it("refuses an unknown voice with unknown_voice before creating a stream", async () => {
    await expect(client.request({ type: "speak", text: TEXT, voice: "zz_nobody" })).rejects.toMatchObject({
      code: "unknown_voice",
    });
    expect((await client.status()).counters.streamsStarted).toBe(0);
  });

  it("keeps speaking after the client that asked disconnects", async () => {
    const watcher = await setup.daemon.connect("watcher");
    const watched: StreamEventMessage[] = [];
    watcher.on("event", (event) => watched.push(event));
    await watcher.request({ type: "subscribe", topics: ["streams"] });
    const { streamId } = await client.request({ type: "speak", text: TEXT });
    await client.close();
    await watcher.waitForTerminal(streamId!);
    expect(watched.filter((event) => event.streamId === streamId).at(-1)?.event).toBe("completed");
    await watcher.close();
  });
});
