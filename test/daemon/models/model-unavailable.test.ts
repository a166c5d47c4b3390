import { ERROR_CODES } from "@kokoro-speech/protocol";
import { describe, expect, it } from "vitest";
import type { ModelStatus } from "../../../daemon/src/models/manager.js";
import { modelUnavailableError } from "../../../daemon/src/models/model-unavailable.js";

const files: ModelStatus["files"] = [];

const cases: Array<{ status: ModelStatus; message: RegExp }> = [
  { status: { state: "missing", files }, message: /not installed; run `kokoro-speech download`/ },
  { status: { state: "verifying", files }, message: /being verified/ },
  {
    status: {
      state: "downloading",
      files,
      progress: { bytesDone: 425, bytesTotal: 1000, percent: 42.5, bytesPerSecond: 100, etaSeconds: 5.75 },
    },
    message: /downloading \(42%, about 6 s left\)/,
  },
  { status: { state: "downloading", files }, message: /downloading\.$/ },
  {
    status: { state: "failed", files, error: { code: "offline", message: "cannot reach example.test (ENOTFOUND)" } },
    message: /could not be installed: cannot reach example\.test \(ENOTFOUND\)/,
  },
  { status: { state: "ready", files }, message: /not loaded yet/ },
];

describe("modelUnavailableError", () => {
  for (const { status, message } of cases) {
    it(`explains the ${status.state} state${status.progress ? " with its progress" : ""}`, () => {
      const error = modelUnavailableError(status, { streamId: 7 });
      expect(error.code).toBe("model_unavailable");
      expect(error.retryable).toBe(ERROR_CODES.model_unavailable.retryable);
      expect(error.streamId).toBe(7);
      expect(error.message).toMatch(message);
    });
  }
});
