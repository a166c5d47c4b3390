/**
 * The model ids the endpoint answers to. Every id is the same local Kokoro v1.0 model: `kokoro` is its own name, the
 * others are OpenAI's speech model ids, accepted so that a tool configured for OpenAI works unchanged.
 */
export const SPEECH_MODEL_IDS = ["kokoro", "tts-1", "tts-1-hd", "gpt-4o-mini-tts"] as const;
export type SpeechModelId = (typeof SPEECH_MODEL_IDS)[number];

export function isSpeechModelId(value: string): value is SpeechModelId {
  return (SPEECH_MODEL_IDS as readonly string[]).includes(value);
}
