/**
 * If inference ran on the daemon's main thread, the player could not feed the device while a segment is being
 * synthesized and every segment would leave a gap in the audio. The session must run in a worker and leave the
 * event loop turning.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkerSession } from "../../../daemon/src/engine/worker-session.js";
import { writeCalibratedModel } from "../../fixtures/calibrated-model.js";
import { writeStandInModel } from "../../fixtures/stand-in-model.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kokoro-worker-session-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function feedsFor(session: WorkerSession, tokens: number): Record<string, ort.Tensor> {
  const tokenInput = session.inputNames.find((name) => name !== "style" && name !== "speed")!;
  return {
    [tokenInput]: new ort.Tensor("int64", new BigInt64Array(tokens + 2).fill(43n), [1, tokens + 2]),
    style: new ort.Tensor("float32", new Float32Array(256).fill(0.1), [1, 256]),
    speed: new ort.Tensor("float32", Float32Array.of(1), [1]),
  };
}

describe("WorkerSession", () => {
  it("reports the model's inputs and outputs with their metadata", async () => {
    const session = await WorkerSession.create(await writeStandInModel(join(dir, "a.onnx"), "onnx-community"), {});
    expect(session.inputNames).toEqual(["input_ids", "style", "speed"]);
    expect(session.outputNames).toEqual(["waveform"]);
    expect(session.inputMetadata).toContainEqual(expect.objectContaining({ name: "speed", type: "float32" }));
    await session.release();
  });

  it("returns the model's output as a float32 tensor", async () => {
    const session = await WorkerSession.create(await writeStandInModel(join(dir, "b.onnx"), "kokoro-onnx"), {});
    const outputs = await session.run(feedsFor(session, 10), ["audio"]);
    expect(outputs.audio).toBeInstanceOf(ort.Tensor);
    expect(outputs.audio!.data).toBeInstanceOf(Float32Array);
    expect(outputs.audio!.data.length).toBe(600 * 12);
    await session.release();
  });

  it("keeps the event loop turning while an inference runs", async () => {
    const session = await WorkerSession.create(await writeCalibratedModel(join(dir, "c.onnx"), 40), {
      intraOpNumThreads: 1,
    });
    let turns = 0;
    let running = true;
    const spin = (): void => {
      if (!running) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await session.run(feedsFor(session, 200), [session.outputNames[0]!]);
    running = false;
    // On the main thread the whole run would be one turn; in a worker the loop goes round many times meanwhile.
    expect(turns).toBeGreaterThan(20);
    await session.release();
  });

  it("rejects with onnxruntime's message when the model cannot be opened", async () => {
    await expect(WorkerSession.create(join(dir, "missing.onnx"), {})).rejects.toThrow(
      /missing\.onnx|No such file|Load model/,
    );
  });
});
