/**
 * The manifest's dropdowns are data the daemon must agree with: a voice listed here that the catalogue lacks would
 * fail every Speak; a speed outside shared's range would be refused.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VOICE, MODEL_QUALITIES, SPEED_DEFAULT, SPEED_MAX, SPEED_MIN } from "@kokoro-speech/protocol";
import { VOICE_CATALOG } from "@kokoro-speech/protocol";
import manifest from "../../../raycast/package.json" with { type: "json" };
import {
  MODEL_QUALITY_CHOICES,
  SPEED_CHOICES,
  VOICE_CHOICES,
  voiceName,
} from "../../../raycast/src/lib/manifest-choices.js";

const preference = (name: string) => manifest.preferences.find((entry) => entry.name === name)!;

describe("the manifest's choices", () => {
  it("list exactly the catalogue's English voices, in catalogue order, titled with accent and sex, no grade", () => {
    const english = VOICE_CATALOG.filter((voice) => voice.language === "en-us" || voice.language === "en-gb");
    expect(VOICE_CHOICES.map((choice) => choice.value)).toEqual(english.map((voice) => voice.name));
    for (const [index, voice] of english.entries()) {
      const accent = voice.language === "en-us" ? "American" : "British";
      const sex = voice.sex === "F" ? "female" : "male";
      expect(VOICE_CHOICES[index]!.title).toBe(`${voiceName(voice.name)} (${accent} ${sex})`);
    }
  });

  it("default to shared's default voice and speed", () => {
    expect(preference("voice")).toMatchObject({ default: DEFAULT_VOICE });
    expect(Number((preference("speed") as { default: string }).default)).toBe(SPEED_DEFAULT);
  });

  it("offer speeds inside shared's range, from its lowest to its highest, in increasing order", () => {
    const speeds = SPEED_CHOICES.map((choice) => choice.value);
    expect(speeds[0]).toBe(SPEED_MIN);
    expect(speeds.at(-1)).toBe(SPEED_MAX);
    expect(speeds).toEqual([...speeds].sort((a, b) => a - b));
    expect(speeds).toContain(SPEED_DEFAULT);
  });

  it("offer the model qualities the protocol knows", () => {
    expect(MODEL_QUALITY_CHOICES.map((choice) => choice.value).sort()).toEqual([...MODEL_QUALITIES].sort());
  });

  it("name a source file for every command", async () => {
    const { existsSync } = await import("node:fs");
    for (const command of manifest.commands) {
      const base = new URL(`../../../raycast/src/${command.name}`, import.meta.url).pathname;
      expect(existsSync(`${base}.ts`) || existsSync(`${base}.tsx`)).toBe(true);
    }
  });
});
