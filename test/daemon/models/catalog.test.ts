import { describe, expect, it } from "vitest";
import {
  catalogFileUrl,
  DEFAULT_CATALOG,
  DEFAULT_MODEL_BASE_URL,
  DEFAULT_MODEL_DTYPE,
  isModelDtype,
  MODEL_DTYPES,
  resolveModelBaseUrl,
} from "../../../daemon/src/models/catalog.js";
import { VOICE_PACK_BYTES } from "@kokoro-speech/protocol";

const allFiles = [...DEFAULT_CATALOG.knownModels, DEFAULT_CATALOG.voicesArchive, ...DEFAULT_CATALOG.voicePacks];

describe("the catalogue", () => {
  it("lists a model for every dtype, the default among them", () => {
    expect(MODEL_DTYPES).toContain(DEFAULT_MODEL_DTYPE);
    for (const dtype of MODEL_DTYPES) expect(DEFAULT_CATALOG.models[dtype].signature).toBe("onnx");
  });

  it("lists 54 distinct voice packs of one size", () => {
    const names = DEFAULT_CATALOG.voicePacks.map((pack) => pack.fileName);
    expect(new Set(names).size).toBe(54);
    for (const pack of DEFAULT_CATALOG.voicePacks) {
      expect(pack.fileName).toMatch(/^[a-z]{2}_[a-z]+\.bin$/);
      expect(pack.bytes).toBe(VOICE_PACK_BYTES);
    }
  });

  it("gives every file a lower-case hex sha256 and a licence, and no two files the same hash", () => {
    for (const file of allFiles) {
      expect(file.sha256, file.fileName).toMatch(/^[0-9a-f]{64}$/);
      expect(file.licence, file.fileName).not.toBe("");
    }
    expect(new Set(allFiles.map((file) => file.sha256)).size).toBe(allFiles.length);
  });

  it("keeps the known model sizes distinct, since a user's file is matched to its hash by size", () => {
    const sizes = DEFAULT_CATALOG.knownModels.map((file) => file.bytes);
    expect(new Set(sizes).size).toBe(sizes.length);
  });
});

describe("resolveModelBaseUrl", () => {
  it("prefers the option, then KOKORO_SPEECH_MODEL_BASE_URL, then the release", () => {
    const env = { KOKORO_SPEECH_MODEL_BASE_URL: "http://mirror.test/kokoro" };
    expect(resolveModelBaseUrl({ baseUrl: "http://option.test", env })).toBe("http://option.test");
    expect(resolveModelBaseUrl({ env })).toBe("http://mirror.test/kokoro");
    expect(resolveModelBaseUrl({ env: {} })).toBe(DEFAULT_MODEL_BASE_URL);
  });
});

describe("catalogFileUrl", () => {
  const file = DEFAULT_CATALOG.models.int8;
  it.each(["http://mirror.test/a/b", "http://mirror.test/a/b/"])("appends the file name to %s", (base) => {
    expect(catalogFileUrl(file, base)).toBe(`http://mirror.test/a/b/${file.fileName}`);
  });
});

describe("isModelDtype", () => {
  it.each([
    ["int8", true],
    ["fp16", true],
    ["fp32", true],
    ["q4", false],
    [undefined, false],
  ])("%s → %s", (value, expected) => {
    expect(isModelDtype(value)).toBe(expected);
  });
});
