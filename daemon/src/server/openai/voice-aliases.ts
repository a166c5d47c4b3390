/**
 * OpenAI's voice names, mapped to Kokoro voices so that a tool configured for OpenAI speaks without changes. Kokoro
 * v1.0 ships voices named after five of the six (`af_alloy`, `am_echo`, `bm_fable`, `am_onyx`, `af_nova`); each
 * maps to its namesake, so a name always means the same thing. `shimmer` has no namesake and gets `af_bella`, a
 * bright American female voice graded A−. The table is documented in docs/openai-api.md.
 */
export const OPENAI_VOICE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  alloy: "af_alloy",
  echo: "am_echo",
  fable: "bm_fable",
  onyx: "am_onyx",
  nova: "af_nova",
  shimmer: "af_bella",
});

/** The Kokoro voice spec for a request's `voice`: an OpenAI name's mapping, or the name itself (a Kokoro id or blend). */
export function toKokoroVoice(voice: string): string {
  return Object.hasOwn(OPENAI_VOICE_ALIASES, voice) ? OPENAI_VOICE_ALIASES[voice]! : voice;
}
