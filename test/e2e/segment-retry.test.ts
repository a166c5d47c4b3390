/**
 * `serve --retry-failed-segment` in a real daemon with the fixture synthesizer, playing through the real `speaker`
 * addon into an ALSA capture: a transient failure is retried and the whole text plays; a lasting one still fails.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { startCapturedDaemon, type CapturedDaemon } from "../helpers/captured-daemon.js";

describe("serve --retry-failed-segment", () => {
  let retrying: CapturedDaemon;
  beforeEach(async () => {
    retrying = await startCapturedDaemon({ withFixtureSynthesizer: true, extraArgs: ["--retry-failed-segment"] });
  });
  afterEach(() => retrying.cleanup());

  it("synthesizes a segment that failed once again, plays every segment, and counts the retry", async () => {
    const text = "This plays. This one is FLAKY the first time. Then the end.";
    const { streamId } = await retrying.client.request({ type: "speak", text });
    expect((await retrying.client.waitForTerminal(streamId!)).event).toBe("completed");
    const counters = (await retrying.client.status()).counters;
    expect(counters.segmentRetries).toBe(1);
    const { audio, exitCode } = await retrying.capturedAfterShutdown();
    expect(exitCode).toBe(0);
    expect(audio.equals(fixtureAudioFor(text))).toBe(true);
  });

  it("still fails the stream when the segment fails again, after one retry", async () => {
    const text = "This plays. This one says FAIL. Never reached.";
    const { streamId } = await retrying.client.request({ type: "speak", text });
    const terminal = await retrying.client.waitForTerminal(streamId!);
    expect(terminal.event === "failed" && terminal.code).toBe("synthesis_failed");
    expect((await retrying.client.status()).counters.segmentRetries).toBe(1);
  });
});
