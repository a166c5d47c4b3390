/**
 * `Retry-After` values (seconds) for refusals that clear up on their own. OpenAI's SDKs wait this long before
 * retrying a 429 or 503 (up to their own cap), so a value close to the real wait saves both sides work.
 */
import type { ModelStatusReport } from "@kokoro-speech/protocol";

/** A busy line clears as renders finish; a sentence-sized render takes about this long. */
export const BUSY_RETRY_AFTER_S = 2;

/** Loading or verifying a model takes seconds. */
const MODEL_LOADING_RETRY_AFTER_S = 5;
/** A download whose end cannot be estimated yet: check back in a while. */
const MODEL_DOWNLOADING_RETRY_AFTER_S = 30;
/** Missing or failed models need a person (or a `download` request); retrying soon is pointless. */
const MODEL_ABSENT_RETRY_AFTER_S = 60;

/** How long until the model could be ready, judging by its state and, while downloading, the estimated time left. */
export function modelRetryAfterSeconds(report: ModelStatusReport): number {
  switch (report.state) {
    case "verifying":
    case "loading":
    case "ready":
      return MODEL_LOADING_RETRY_AFTER_S;
    case "downloading": {
      const etaSeconds = report.progress?.etaSeconds;
      if (etaSeconds === null || etaSeconds === undefined) return MODEL_DOWNLOADING_RETRY_AFTER_S;
      return Math.max(MODEL_LOADING_RETRY_AFTER_S, Math.ceil(etaSeconds) + MODEL_LOADING_RETRY_AFTER_S);
    }
    case "missing":
    case "failed":
      return MODEL_ABSENT_RETRY_AFTER_S;
  }
}
