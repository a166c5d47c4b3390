/**
 * The voice and speed the user picked in the Speech Player menu. Code cannot write preferences, so these choices
 * live in LocalStorage and win over the preference defaults until the user picks again.
 */
import { LocalStorage } from "@raycast/api";
import { isKnownVoice, isSpeedInRange, type ExtensionConfig } from "./config.js";

const VOICE_KEY = "voice";
const SPEED_KEY = "speed";

export interface SpeechChoices {
  readonly voice: string;
  readonly speed: number;
}

/** The stored choices, falling back to the preferences for anything missing or no longer valid. */
export async function loadSpeechChoices(config: ExtensionConfig): Promise<SpeechChoices> {
  const [voice, speed] = await Promise.all([
    LocalStorage.getItem<string>(VOICE_KEY),
    LocalStorage.getItem<number>(SPEED_KEY),
  ]);
  return {
    voice: typeof voice === "string" && isKnownVoice(voice) ? voice : config.voice,
    speed: typeof speed === "number" && isSpeedInRange(speed) ? speed : config.speed,
  };
}

export async function saveVoiceChoice(voice: string): Promise<void> {
  if (!isKnownVoice(voice)) throw new RangeError(`Unknown voice "${voice}".`);
  await LocalStorage.setItem(VOICE_KEY, voice);
}

export async function saveSpeedChoice(speed: number): Promise<void> {
  if (!isSpeedInRange(speed)) throw new RangeError(`Speed ${speed} is out of range.`);
  await LocalStorage.setItem(SPEED_KEY, speed);
}
