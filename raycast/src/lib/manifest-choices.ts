/**
 * The choices the manifest offers (voices, speeds, model qualities), read from the manifest itself so the
 * preference dropdowns and the menu-bar submenus list exactly the same entries.
 */
import manifest from "../../package.json" with { type: "json" };
import { parseBlend } from "./voice-blend.js";

export interface Choice<T> {
  readonly title: string;
  readonly value: T;
}

function dropdownData(name: string): Array<{ title: string; value: string }> {
  const preference = manifest.preferences.find((entry) => entry.name === name);
  if (!preference || !("data" in preference) || !preference.data) {
    throw new TypeError(`The manifest has no dropdown preference "${name}".`);
  }
  return preference.data;
}

/** The English voices (American and British), titled with accent and sex (no grades: the Store texts speak words, and Choose Voice says the quality). */
export const VOICE_CHOICES: readonly Choice<string>[] = dropdownData("voice");

/** Speaking rates; values are numbers, the manifest stores them as strings. */
export const SPEED_CHOICES: readonly Choice<number>[] = dropdownData("speed").map((entry) => ({
  title: entry.title,
  value: Number(entry.value),
}));

export const MODEL_QUALITY_CHOICES: readonly Choice<string>[] = dropdownData("modelQuality");

/** The voice's dropdown title, or its id when the manifest does not list it. */
export function voiceTitle(voice: string): string {
  return VOICE_CHOICES.find((choice) => choice.value === voice)?.title ?? voice;
}

/** The voice's name alone ("Heart"), for HUDs and menu titles; a blend as "Bella 70% + Michael 30%". */
export function voiceName(voice: string): string {
  const terms = parseBlend(voice);
  if (terms) return terms.map((term) => `${singleVoiceName(term.voice)} ${Math.round(term.weight * 100)}%`).join(" + ");
  return singleVoiceName(voice);
}

function singleVoiceName(voice: string): string {
  return voiceTitle(voice).split(" (")[0] ?? voice;
}

/** A short speed label: "1×", "1.25×". */
export function speedLabel(speed: number): string {
  return `${speed}×`;
}
