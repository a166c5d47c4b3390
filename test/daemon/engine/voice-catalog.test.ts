import { describe, expect, it } from "vitest";
import { findCatalogVoice, VOICE_CATALOG } from "@kokoro-speech/protocol";
import { isValidVoiceName, languageOfVoice } from "../../../daemon/src/engine/voice-spec.js";

describe("VOICE_CATALOG", () => {
  it("lists 54 distinct, valid voice ids: 20 American and 8 British English", () => {
    const names = VOICE_CATALOG.map((voice) => voice.name);
    expect(new Set(names).size).toBe(54);
    expect(names.every(isValidVoiceName)).toBe(true);
    expect(VOICE_CATALOG.filter((voice) => voice.language === "en-us")).toHaveLength(20);
    expect(VOICE_CATALOG.filter((voice) => voice.language === "en-gb")).toHaveLength(8);
  });

  it("agrees with the front-end language derived from each English voice's prefix", () => {
    for (const voice of VOICE_CATALOG.filter((v) => v.language.startsWith("en"))) {
      expect(languageOfVoice(voice.name)).toBe(voice.language);
    }
  });

  it("derives sex from the second letter of the id and carries a sha256 for every pack", () => {
    for (const voice of VOICE_CATALOG) {
      expect(voice.sex).toBe(voice.name.charAt(1).toUpperCase());
      expect(voice.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each([
    ["af_heart", "A"],
    ["af_bella", "A-"],
    ["am_adam", "F+"],
    ["bf_emma", "B-"],
  ])("grades %s %s", (name, grade) => {
    expect(findCatalogVoice(name)?.grade).toBe(grade);
  });

  it("finds nothing for an unknown id", () => {
    expect(findCatalogVoice("af_nobody")).toBeUndefined();
  });
});
