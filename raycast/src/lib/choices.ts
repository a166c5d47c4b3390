/**
 * The voice and speed in use. Code cannot write preferences, so one rule makes a single source of truth: the latest
 * choice wins, wherever it was made. A voice or speed picked in the Speech Player menu is kept in LocalStorage
 * together with the preference's value at that moment; it wins until the user changes that preference (a newer
 * choice) or picks "Reset to Preferences" in the menu. See docs/raycast.md, "Voice and speed: one source of truth".
 */
import { LocalStorage } from "@raycast/api";
import { isUsableVoice, isSpeedInRange, readConfig, type ExtensionConfig } from "./config.js";

const VOICE_KEY = "voice";
const SPEED_KEY = "speed";
/** The preference's value when the menu choice was made: a different value now means the preference is newer. */
const VOICE_PREFERENCE_KEY = "voice-preference-at-choice";
const SPEED_PREFERENCE_KEY = "speed-preference-at-choice";

export interface SpeechChoices {
  readonly voice: string;
  readonly speed: number;
}

/** The menu's choices where they are newer than the preferences and still valid; the preferences otherwise. */
export async function loadSpeechChoices(config: ExtensionConfig): Promise<SpeechChoices> {
  const [voice, speed, voicePreference, speedPreference] = await Promise.all([
    LocalStorage.getItem<string>(VOICE_KEY),
    LocalStorage.getItem<number>(SPEED_KEY),
    LocalStorage.getItem<string>(VOICE_PREFERENCE_KEY),
    LocalStorage.getItem<number>(SPEED_PREFERENCE_KEY),
  ]);
  // A choice stored without its preference (by an earlier version) counts as made under the current preference.
  const voiceIsNewer = voicePreference === undefined || voicePreference === config.voice;
  const speedIsNewer = speedPreference === undefined || speedPreference === config.speed;
  return {
    voice: voiceIsNewer && typeof voice === "string" && isUsableVoice(voice) ? voice : config.voice,
    speed: speedIsNewer && typeof speed === "number" && isSpeedInRange(speed) ? speed : config.speed,
  };
}

/** Whether the choices in use are the preferences' own values (nothing to reset). */
export function choicesArePreferences(choices: SpeechChoices, config: ExtensionConfig): boolean {
  return choices.voice === config.voice && choices.speed === config.speed;
}

export async function saveVoiceChoice(voice: string, config: ExtensionConfig = readConfig()): Promise<void> {
  if (!isUsableVoice(voice)) throw new RangeError(`Unknown voice "${voice}".`);
  await LocalStorage.setItem(VOICE_KEY, voice);
  await LocalStorage.setItem(VOICE_PREFERENCE_KEY, config.voice);
}

export async function saveSpeedChoice(speed: number, config: ExtensionConfig = readConfig()): Promise<void> {
  if (!isSpeedInRange(speed)) throw new RangeError(`Speed ${speed} is out of range.`);
  await LocalStorage.setItem(SPEED_KEY, speed);
  await LocalStorage.setItem(SPEED_PREFERENCE_KEY, config.speed);
}

/** Forgets the menu's choices: the preferences apply again. */
export async function resetSpeechChoices(): Promise<void> {
  await Promise.all(
    [VOICE_KEY, SPEED_KEY, VOICE_PREFERENCE_KEY, SPEED_PREFERENCE_KEY].map((key) => LocalStorage.removeItem(key)),
  );
}
