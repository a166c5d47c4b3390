/**
 * The listings OpenAI clients ask for: `GET /v1/models` (the ids the speech endpoint accepts) and
 * `GET /v1/audio/voices` (the installed voices a request can name, with the OpenAI names that map to them).
 */
import { DAEMON_NAME, SPEED_DEFAULT, VOICE_CATALOG, type CatalogVoice } from "@kokoro-speech/protocol";
import type { Synthesizer } from "../../synthesis/synthesizer.js";
import { SPEECH_MODEL_IDS } from "./speech-models.js";
import { OPENAI_VOICE_ALIASES } from "./voice-aliases.js";

export interface ModelEntry {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

export interface VoiceEntry {
  id: string;
  object: "voice";
  language: string;
  sex: "F" | "M";
  grade: string;
  /** Present on OpenAI names: the Kokoro voice the name speaks with. */
  alias_of?: string;
}

/** OpenAI's list shape for `GET /v1/models`; `createdS` is when this daemon started serving them. */
export function listModels(createdS: number): { object: "list"; data: ModelEntry[] } {
  return {
    object: "list",
    data: SPEECH_MODEL_IDS.map((id) => ({ id, object: "model", created: createdS, owned_by: DAEMON_NAME })),
  };
}

/** A voice the synthesizer would accept: installed, and of a language with a text front end. */
function isUsable(synthesizer: Synthesizer, voice: string): boolean {
  try {
    synthesizer.validate({ text: "", voice, speed: SPEED_DEFAULT });
    return true;
  } catch {
    return false;
  }
}

function voiceEntry(voice: CatalogVoice, id: string = voice.name): VoiceEntry {
  const entry: VoiceEntry = { id, object: "voice", language: voice.language, sex: voice.sex, grade: voice.grade };
  if (id !== voice.name) entry.alias_of = voice.name;
  return entry;
}

/**
 * The catalogue's voices the synthesizer accepts, then the OpenAI names whose voice is among them. Voices outside
 * the catalogue (a user's own packs) are accepted by the speech endpoint but not listed: nothing is known of them.
 */
export function listVoices(synthesizer: Synthesizer): { object: "list"; data: VoiceEntry[] } {
  const usable = new Map(
    VOICE_CATALOG.filter((voice) => isUsable(synthesizer, voice.name)).map((voice) => [voice.name, voice]),
  );
  const aliases = Object.entries(OPENAI_VOICE_ALIASES).flatMap(([alias, target]) => {
    const voice = usable.get(target);
    return voice ? [voiceEntry(voice, alias)] : [];
  });
  return { object: "list", data: [...[...usable.values()].map((voice) => voiceEntry(voice)), ...aliases] };
}
