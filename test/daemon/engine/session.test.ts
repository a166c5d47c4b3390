import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InferenceSession } from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProtocolError } from "@kokoro-speech/protocol";
import { detectSignature, openKokoroSession } from "../../../daemon/src/engine/session.js";
import { writeStandInModel, type StandInFlavour } from "../../fixtures/stand-in-model.js";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "kokoro-session-test-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("openKokoroSession", () => {
  it.each([
    ["onnx-community", { tokenInput: "input_ids", speedDtype: "float32", audioOutput: "waveform" }],
    ["kokoro-onnx", { tokenInput: "tokens", speedDtype: "float32", audioOutput: "audio" }],
    ["int32-speed", { tokenInput: "input_ids", speedDtype: "int32", audioOutput: "waveform" }],
  ] as const)("reads the %s signature from onnxruntime's metadata", async (flavour: StandInFlavour, expected) => {
    const path = await writeStandInModel(join(directory, `${flavour}.onnx`), flavour);
    const { session, signature } = await openKokoroSession(path, { executionProvider: "cpu", intraOpNumThreads: 1 });
    try {
      expect(signature).toEqual({ ...expected, styleInput: "style", speedInput: "speed", flavour });
    } finally {
      await session.release();
    }
  });

  it("refuses a missing file with model_unavailable", async () => {
    const error = await openKokoroSession(join(directory, "missing.onnx"), {
      executionProvider: "cpu",
      intraOpNumThreads: 1,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe("model_unavailable");
  });
});

type Metadata = Pick<InferenceSession, "inputNames" | "outputNames" | "inputMetadata" | "outputMetadata">;

/** Session metadata in the shape onnxruntime-node 1.30 reports it (checked against real sessions above). */
function metadata(inputs: [string, string, (number | string)[]][], outputs: string[]): Metadata {
  return {
    inputNames: inputs.map(([name]) => name),
    outputNames: outputs,
    inputMetadata: inputs.map(([name, type, shape]) => ({ name, isTensor: true, type, shape }) as never),
    outputMetadata: outputs.map((name) => ({ name, isTensor: true, type: "float32", shape: ["n"] }) as never),
  };
}

const STYLE: [string, string, (number | string)[]] = ["style", "float32", [1, 256]];
const SPEED: [string, string, (number | string)[]] = ["speed", "float32", [1]];
const IDS: [string, string, (number | string)[]] = ["input_ids", "int64", [1, "sequence_length"]];

describe("detectSignature", () => {
  it("takes the first output when neither waveform nor audio exists", () => {
    expect(detectSignature(metadata([IDS, STYLE, SPEED], ["out0", "durations"])).audioOutput).toBe("out0");
  });

  it("prefers waveform over other outputs whatever their order", () => {
    expect(detectSignature(metadata([IDS, STYLE, SPEED], ["duration", "waveform"])).audioOutput).toBe("waveform");
  });

  it.each([
    ["no token input", [["ids", "int64", [1, "n"]], STYLE, SPEED], /no token input/],
    ["a float token input", [["tokens", "float32", [1, "n"]], STYLE, SPEED], /not int64/],
    ["no style input", [IDS, SPEED], /no style input/],
    ["a 128-wide style", [IDS, ["style", "float32", [1, 128]], SPEED], /style input must be/],
    ["a float16 style", [IDS, ["style", "float16", [1, 256]], SPEED], /style input must be/],
    ["no speed input", [IDS, STYLE], /no speed input/],
    ["an int64 speed", [IDS, STYLE, ["speed", "int64", [1]]], /speed input must be/],
  ] as const)("refuses a graph with %s as model_unavailable", (_name, inputs, message) => {
    let error: unknown;
    try {
      detectSignature(metadata(inputs as never, ["waveform"]));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe("model_unavailable");
    expect((error as ProtocolError).message).toMatch(message);
  });
});
