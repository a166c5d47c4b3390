/** Turns a model status into the protocol error a speech request gets while the model is not usable yet. */
import { ProtocolError, type ModelState as ReportedModelState } from "@kokoro-speech/protocol";
import type { ModelState } from "./manager.js";

/**
 * What the message needs: the manager's own status and the daemon's wire report (`ModelStatusReport`, which adds
 * `loading` and writes unknown figures as `null`) both fit, so neither has to be converted into the other.
 */
export interface UnavailableModel {
  readonly state: ModelState | ReportedModelState;
  readonly progress?: { readonly percent?: number | null; readonly etaSeconds?: number | null } | undefined;
  readonly error?: { readonly message: string } | undefined;
}

/** A `model_unavailable` error whose message says why and, while downloading, how far along the download is. */
export function modelUnavailableError(status: UnavailableModel, options: { streamId?: number } = {}): ProtocolError {
  return new ProtocolError("model_unavailable", describeUnavailable(status), options);
}

function describeUnavailable(status: UnavailableModel): string {
  switch (status.state) {
    case "missing":
      return "The speech model is not installed; run `kokoro-speech download`.";
    case "verifying":
    case "loading":
      return "The speech model is being verified.";
    case "downloading": {
      const percent = status.progress?.percent ?? undefined;
      const eta = status.progress?.etaSeconds ?? undefined;
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
