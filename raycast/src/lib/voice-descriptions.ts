/**
 * What Choose Voice says about a voice, in words: its language, gender and quality. The quality word comes from
 * hexgrad's overall grade in the shared voice catalogue (A best … F worst); the grade itself is not shown.
 */
import { findCatalogVoice } from "@kokoro-speech/protocol";
import { VOICE_CHOICES, voiceName } from "./manifest-choices.js";

export interface VoiceDescription {
  readonly id: string;
  readonly name: string;
  readonly language: "American English" | "British English";
  readonly gender: "Female" | "Male";
  readonly quality: string;
}

const QUALITY_WORDS: Record<string, string> = {
  A: "Excellent",
  B: "Good",
  C: "Fair",
  D: "Weak",
  F: "Poor",
};

/** The grade's letter as a word ("C+" → "Fair"). */
export function qualityWord(grade: string): string {
  return QUALITY_WORDS[grade.charAt(0)] ?? "Unrated";
}

export function describeVoice(id: string): VoiceDescription {
  const entry = findCatalogVoice(id);
  if (!entry || (entry.language !== "en-us" && entry.language !== "en-gb")) {
    throw new RangeError(`"${id}" is not one of the English voices.`);
  }
  return {
    id,
    name: voiceName(id),
    language: entry.language === "en-us" ? "American English" : "British English",
    gender: entry.sex === "F" ? "Female" : "Male",
    quality: qualityWord(entry.grade),
  };
}

/** Every voice the extension offers, in the manifest's order. */
export function englishVoices(): VoiceDescription[] {
  return VOICE_CHOICES.map((choice) => describeVoice(choice.value));
}
