import { describe, expect, it } from "vitest";
import type { ModelStatusReport } from "@kokoro-speech/protocol";
import { modelRetryAfterSeconds } from "../../../../daemon/src/server/openai/retry-after.js";

function downloading(etaSeconds: number | null): ModelStatusReport {
  return {
    state: "downloading",
    progress: { bytesDone: 1, bytesTotal: 2, percent: 50, bytesPerSecond: 1, etaSeconds },
  };
}

describe("modelRetryAfterSeconds", () => {
  it("asks for a short wait while the model loads or is verified", () => {
    const loading = modelRetryAfterSeconds({ state: "loading" });
    expect(loading).toBeGreaterThan(0);
    expect(modelRetryAfterSeconds({ state: "verifying" })).toBe(loading);
  });

  it("asks for a longer wait while nothing is on its way", () => {
    for (const state of ["missing", "failed"] as const) {
      expect(modelRetryAfterSeconds({ state })).toBeGreaterThan(modelRetryAfterSeconds({ state: "loading" }));
    }
  });

  it("follows a download's estimated time left, plus the time to load", () => {
    const loading = modelRetryAfterSeconds({ state: "loading" });
    expect(modelRetryAfterSeconds(downloading(100))).toBe(100 + loading);
    expect(modelRetryAfterSeconds(downloading(12.2))).toBe(13 + loading);
  });

  it("answers a whole positive number of seconds for a download without an estimate", () => {
    const seconds = modelRetryAfterSeconds(downloading(null));
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThan(0);
  });
});
