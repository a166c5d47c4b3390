import { describe, expect, it } from "vitest";
import {
  MIN_MERGE_CAP_TOKENS,
  PaceHistory,
  SAFETY_SHARE,
  SegmentPacer,
} from "../../../daemon/src/synthesis/segment-pacer.js";

describe("SegmentPacer", () => {
  it("puts no cap on segments before one was measured", () => {
    expect(new SegmentPacer().mergeCapTokens()).toBe(Number.POSITIVE_INFINITY);
  });

  it("caps the next segment at the tokens synthesizable within a share of the last segment's audio", () => {
    const pacer = new SegmentPacer();
    // 100 tokens in 800 ms (8 ms/token) gave 2 s of audio: 0.7 × 2000 ms / 8 ms = 175 tokens.
    pacer.record(800, 100, 48_000);
    expect(pacer.mergeCapTokens()).toBe(Math.floor((SAFETY_SHARE * 2000) / 8));
  });

  it("lets segments grow on a fast machine and holds them back on a slow one", () => {
    const fast = new SegmentPacer();
    fast.record(100, 100, 48_000); // RTF 0.05
    const slow = new SegmentPacer();
    slow.record(1_600, 100, 48_000); // RTF 0.8
    expect(fast.mergeCapTokens()).toBeGreaterThan(250);
    expect(slow.mergeCapTokens()).toBeLessThan(100);
  });

  it("never caps below a short clause", () => {
    const pacer = new SegmentPacer();
    pacer.record(10_000, 10, 2_400);
    expect(pacer.mergeCapTokens()).toBe(MIN_MERGE_CAP_TOKENS);
  });

  it("caps a new stream's first segments from what earlier streams taught about the machine", () => {
    const history = new PaceHistory();
    new SegmentPacer(history).record(1_600, 100, 48_000); // 16 ms/token, 20 ms of audio per token: RTF 0.8
    const next = new SegmentPacer(history);
    // No segment of its own yet: assume a primer of MIN_MERGE_CAP_TOKENS tokens (480 ms of audio).
    expect(next.mergeCapTokens()).toBe(
      Math.max(MIN_MERGE_CAP_TOKENS, Math.floor((SAFETY_SHARE * MIN_MERGE_CAP_TOKENS * 20) / 16)),
    );
    expect(new SegmentPacer().mergeCapTokens()).toBe(Number.POSITIVE_INFINITY);
  });

  it("smooths the speed so one slow inference does not collapse the next segment", () => {
    const pacer = new SegmentPacer();
    pacer.record(800, 100, 48_000); // 8 ms/token
    pacer.record(2_400, 100, 48_000); // 24 ms/token once
    expect(pacer.mergeCapTokens()).toBe(Math.floor((SAFETY_SHARE * 2000) / 16));
  });
});
