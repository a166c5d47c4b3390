/**
 * The fallback voice's start error is kept: while no model is installed and the fallback voice failed to start,
 * every `model_unavailable` says why the fallback is not speaking, with the start error as its cause.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ModelManager } from "../../../daemon/src/models/index.js";
import { SpeechModel } from "../../../daemon/src/synthesis/speech-model.js";
import { thrownBy } from "../../helpers/errors.js";
import { testTempRoot } from "../../helpers/temp-dir.js";
import { waitFor } from "../../helpers/pcm.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function modelWithoutFiles(createFallbackVoice: () => Promise<null>): Promise<SpeechModel> {
  const dataDir = await mkdtemp(join(testTempRoot(), "kokoro-no-model-"));
  const model = new SpeechModel({
    manager: new ModelManager({ dataDir }),
    dataDir,
    createFallbackVoice,
  });
  cleanups.push(async () => {
    await model.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return model;
}

describe("SpeechModel without a model", () => {
  it("reports why the fallback voice could not start with every model_unavailable, the start error as cause", async () => {
    const startError = new Error("espeak-ng's WASM did not compile");
    let attempts = 0;
    const model = await modelWithoutFiles(() => {
      attempts++;
      return Promise.reject(startError);
    });
    model.start();
    await waitFor(() => attempts === 1 && model.status().synthesizer === undefined);
    for (let request = 0; request < 2; request++) {
      const error = thrownBy(() => model.synthesizer({ awaitLoading: true }));
      expect(error).toMatchObject({ code: "model_unavailable" });
      expect((error as Error).message).toBe(
        "The speech model is not installed; run `kokoro-speech download`. " +
          "The fallback voice could not start: espeak-ng's WASM did not compile",
      );
      expect((error as Error).cause).toBe(startError);
    }
  });

  it("says only what the model lacks when the fallback voice is not installed", async () => {
    const model = await modelWithoutFiles(() => Promise.resolve(null));
    model.start();
    await waitFor(() => model.status().synthesizer === undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const error = thrownBy(() => model.synthesizer({ awaitLoading: true }));
    expect((error as Error).message).toBe("The speech model is not installed; run `kokoro-speech download`.");
  });
});
