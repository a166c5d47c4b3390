import { describe, expect, it } from "vitest";
import { findCatalogVoice } from "../../../../daemon/src/engine/index.js";
import { OPENAI_VOICE_ALIASES, toKokoroVoice } from "../../../../daemon/src/server/openai/voice-aliases.js";

/** The eleven built-in voices of OpenAI's speech API (its SDK's `voice` type lists them). */
const OPENAI_VOICES = ["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"];

describe("OpenAI voice aliases", () => {
  it("map exactly OpenAI's eleven voices", () => {
    expect(Object.keys(OPENAI_VOICE_ALIASES).sort()).toEqual([...OPENAI_VOICES].sort());
  });

  for (const alias of OPENAI_VOICES) {
    it(`maps "${alias}" to a published English Kokoro voice`, () => {
      const voice = findCatalogVoice(toKokoroVoice(alias));
      expect(voice, `${alias} → ${toKokoroVoice(alias)}`).toBeDefined();
      expect(["en-us", "en-gb"]).toContain(voice!.language);
    });
  }

  it("maps the five names Kokoro ships a namesake for to that namesake", () => {
    for (const alias of ["alloy", "echo", "fable", "onyx", "nova"]) {
      expect(toKokoroVoice(alias).split("_")[1]).toBe(alias);
    }
  });

  it("maps OpenAI names inside a blend, keeping the weights and the rest as written", () => {
    expect(toKokoroVoice("alloy+nova")).toBe("af_alloy+af_nova");
    expect(toKokoroVoice("shimmer:0.7+af_heart:0.3")).toBe("af_bella:0.7+af_heart:0.3");
    expect(toKokoroVoice("nova:x+")).toBe("af_nova:x+");
  });

  const passedThrough = ["af_heart", "bm_george", "af_bella:0.6+af_heart:0.4", "Alloy", "toString", "af_sky+Nova"];
  for (const voice of passedThrough) {
    it(`passes "${voice}" through unchanged as a Kokoro voice spec`, () => {
      expect(toKokoroVoice(voice)).toBe(voice);
    });
  }
});
