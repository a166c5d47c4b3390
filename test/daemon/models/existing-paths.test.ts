import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveExistingPaths } from "../../../daemon/src/models/existing-paths.js";

describe("resolveExistingPaths", () => {
  it("returns undefined when nothing names an existing model", () => {
    expect(resolveExistingPaths({ env: {} })).toBeUndefined();
  });

  it("treats empty environment values as unset", () => {
    expect(
      resolveExistingPaths({ env: { KOKORO_SPEECH_MODEL_PATH: "", KOKORO_SPEECH_VOICES_PATH: "" } }),
    ).toBeUndefined();
  });

  it("takes both paths from the environment", () => {
    const env = { KOKORO_SPEECH_MODEL_PATH: "/m/model.onnx", KOKORO_SPEECH_VOICES_PATH: "/m/voices" };
    expect(resolveExistingPaths({ env })).toEqual({ modelPath: "/m/model.onnx", voicesPath: "/m/voices" });
  });

  it("prefers explicit paths over the environment and resolves relative ones", () => {
    const env = { KOKORO_SPEECH_MODEL_PATH: "/env/model.onnx", KOKORO_SPEECH_VOICES_PATH: "/env/voices" };
    expect(resolveExistingPaths({ modelPath: "mine/model.onnx", env })).toEqual({
      modelPath: resolve("mine/model.onnx"),
      voicesPath: "/env/voices",
    });
  });

  it("throws a RangeError when only one of the two is named", () => {
    expect(() => resolveExistingPaths({ modelPath: "/m/model.onnx", env: {} })).toThrow(RangeError);
  });
});
