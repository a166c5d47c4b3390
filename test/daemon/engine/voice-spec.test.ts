import { describe, expect, it } from "vitest";
import {
  checkVoiceSpec,
  languageOfVoice,
  languageOfVoiceSpec,
  parseVoiceSpec,
} from "../../../daemon/src/engine/voice-spec.js";
import { protocolCodeOf } from "../../helpers/errors.js";

describe("parseVoiceSpec", () => {
  it.each([
    ["af_heart", [["af_heart", 1]]],
    [
      "af_bella:0.6+af_heart:0.4",
      [
        ["af_bella", 0.6],
        ["af_heart", 0.4],
      ],
    ],
    [
      "af_bella+af_heart",
      [
        ["af_bella", 0.5],
        ["af_heart", 0.5],
      ],
    ],
    [
      "af_bella:2+af_sky:1",
      [
        ["af_bella", 2 / 3],
        ["af_sky", 1 / 3],
      ],
    ],
    [
      "af_bella:3+af_sky",
      [
        ["af_bella", 0.75],
        ["af_sky", 0.25],
      ],
    ],
    [
      " af_bella : .5 + bf_emma:1.5 ",
      [
        ["af_bella", 0.25],
        ["bf_emma", 0.75],
      ],
    ],
  ])("parses %j with weights normalised to sum 1", (spec, expected) => {
    const { components } = parseVoiceSpec(spec);
    expect(components.map((c) => c.name)).toEqual(expected.map(([name]) => name));
    components.forEach((c, i) => expect(c.weight).toBeCloseTo(expected[i]?.[1] as number, 12));
  });

  it("gives equal blends the same key", () => {
    expect(parseVoiceSpec("af_bella:2+af_sky:2").key).toBe(parseVoiceSpec("af_bella+af_sky").key);
    expect(parseVoiceSpec("af_bella:2+af_sky:1").key).not.toBe(parseVoiceSpec("af_bella+af_sky").key);
  });

  it.each([
    "",
    "+",
    "af_heart+",
    "af_heart:",
    "af_heart:0",
    "af_heart:-1",
    "af_heart:1e3",
    "af_heart:abc",
    "af_heart:Infinity",
    "af_heart:1:2",
    "af_heart+af_heart",
    "AF_HEART",
    "../af_heart",
    "af/heart",
    "af heart",
    `a${"x".repeat(64)}`,
  ])("refuses %j with invalid_voice_spec", (spec) => {
    expect(protocolCodeOf(() => parseVoiceSpec(spec))).toBe("invalid_voice_spec");
  });
});

describe("languageOfVoice", () => {
  it.each([
    ["af_heart", "en-us"],
    ["am_adam", "en-us"],
    ["bf_emma", "en-gb"],
    ["bm_george", "en-gb"],
  ])("maps %s to %s", (name, language) => {
    expect(languageOfVoice(name)).toBe(language);
  });

  it.each(["ef_dora", "ff_siwis", "jf_alpha", "zf_xiaobei", "hf_alpha", "if_sara", "pf_dora"])(
    "refuses %s with unsupported_language",
    (name) => {
      expect(protocolCodeOf(() => languageOfVoice(name))).toBe("unsupported_language");
    },
  );

  it("takes a blend's language from its first voice", () => {
    expect(languageOfVoiceSpec(parseVoiceSpec("bf_emma:0.2+af_heart:0.8"))).toBe("en-gb");
    expect(protocolCodeOf(() => languageOfVoiceSpec(parseVoiceSpec("ff_siwis+af_heart")))).toBe("unsupported_language");
  });
});

describe("checkVoiceSpec", () => {
  // Packs as a test voice folder would hold them: two catalogue voices and one custom pack.
  const installed = new Set(["af_heart", "bf_emma", "af_custom"]);
  const isInstalled = (name: string): boolean => installed.has(name);

  // [voice, code without packs (the fallback voice), code when packs are needed (Kokoro)]
  it.each([
    ["af_heart", undefined, undefined],
    ["bf_emma:1+af_heart:3", undefined, undefined],
    ["am_adam", undefined, "unknown_voice"],
    ["af_custom", "unknown_voice", undefined],
    ["af_nobody", "unknown_voice", "unknown_voice"],
    ["af_heart+af_nobody", "unknown_voice", "unknown_voice"],
    ["zz_nobody", "unknown_voice", "unknown_voice"],
    ["zz_nobody+jf_alpha", "unknown_voice", "unknown_voice"],
    ["jf_alpha", "unsupported_language", "unsupported_language"],
    ["af_heart+jf_alpha", "unsupported_language", "unsupported_language"],
    ["af heart", "invalid_voice_spec", "invalid_voice_spec"],
    ["af_heart:0", "invalid_voice_spec", "invalid_voice_spec"],
  ])("answers %s with %s without packs and %s with them", (voice, withoutPacks, withPacks) => {
    expect(protocolCodeOf(() => checkVoiceSpec(voice))).toBe(withoutPacks);
    expect(protocolCodeOf(() => checkVoiceSpec(voice, isInstalled))).toBe(withPacks);
  });
});
