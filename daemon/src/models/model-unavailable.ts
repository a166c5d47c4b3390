/** Turns the manager's status into the protocol error a speech request gets while the model is not usable yet. */
import { ProtocolError } from "@kokoro-speech/shared";
import type { ModelStatus } from "./manager.js";

/** A `model_unavailable` error whose message says why and, while downloading, how far along the download is. */
export function modelUnavailableError(status: ModelStatus, options: { streamId?: number } = {}): ProtocolError {
  return new ProtocolError("model_unavailable", describeUnavailable(status), options);
}

function describeUnavailable(status: ModelStatus): string {
  switch (status.state) {
    case "missing":
      return "The speech model is not installed; run `kokoro-speech download`.";
    case "verifying":
      return "The speech model is being verified.";
    case "downloading": {
      const percent = status.progress?.percent;
      const eta = status.progress?.etaSeconds;
      const done =
        percent === undefined
          ? ""
          : ` (${Math.floor(percent)}%${eta === undefined ? "" : `, about ${Math.ceil(eta)} s left`})`;
      return `The speech model is downloading${done}.`;
    }
    case "failed":
      return `The speech model could not be installed: ${status.error?.message ?? "unknown error"}.`;
    case "ready":
      return "The speech model is installed but not loaded yet.";
  }
}
