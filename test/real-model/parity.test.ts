/**
 * Engine parity with kokoro-onnx (parity.ts) as part of the real-model suite: every case's length within one model
 * frame of the reference's and correlation ≥ 0.99. Needs the test cache's venv; without it the case is reported as
 * skipped (and fails with `KOKORO_SPEECH_REQUIRE_PARITY=1`, as CI sets once it made the venv).
 */
import { describe, expect, it } from "vitest";
import { referenceVenvPython } from "./fixture-paths.js";
import { FRAME_SAMPLES, MIN_CORRELATION, parityTable, referencePython, runParity } from "./parity.js";
import { requireRealFixture } from "./real-fixture.js";

const python = await referencePython();
const required = process.env["KOKORO_SPEECH_REQUIRE_PARITY"] === "1";

describe("engine parity with kokoro-onnx on the same phonemes, voice and speed", () => {
  if (python === undefined && !required) {
    it.skip(`NOT RUN: no kokoro-onnx venv at ${referenceVenvPython()} (npm run fetch:real-model -- --venv)`, () => {});
    return;
  }

  it("renders every case within one frame of the reference's length, correlated ≥ 0.99", async () => {
    await requireRealFixture();
    if (python === undefined) throw new Error(`no kokoro-onnx venv at ${referenceVenvPython()}`);
    const results = await runParity(python);
    process.stdout.write(`${parityTable(results)}\n`);
    for (const result of results) {
      expect.soft(Math.abs(result.ourSamples - result.referenceSamples), result.id).toBeLessThanOrEqual(FRAME_SAMPLES);
      expect.soft(result.correlation, result.id).toBeGreaterThanOrEqual(MIN_CORRELATION);
    }
  }, 900_000);
});
