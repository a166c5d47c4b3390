/**
 * OpenAI's eleven voice names, mapped to Kokoro voices so that a tool configured for OpenAI speaks without changes.
 * Kokoro v1.0 ships voices named after five of them (`af_alloy`, `am_echo`, `bm_fable`, `am_onyx`, `af_nova`); each
 * maps to its namesake, so a name always means the same thing. The other six get a Kokoro voice of the same sex
 * and a similar character, preferring the better-graded ones. The table is documented in docs/openai-api.md.
 */
export const OPENAI_VOICE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  alloy: "af_alloy",
  ash: "am_michael",
  ballad: "bm_george",
  coral: "af_heart",
  echo: "am_echo",
  fable: "bm_fable",
  nova: "af_nova",
  onyx: "am_onyx",
  sage: "af_sarah",
  shimmer: "af_bella",
  verse: "am_puck",
});

function mapName(name: string): string {
  return Object.hasOwn(OPENAI_VOICE_ALIASES, name) ? OPENAI_VOICE_ALIASES[name]! : name;
}

/**
 * The Kokoro voice spec for a request's `voice`: an OpenAI name's mapping, or the name itself (a Kokoro id). In a
 * blend (`nova+shimmer:0.5`) each voice name is mapped the same way; the syntax is left to the synthesizer to judge.
 */
export function toKokoroVoice(voice: string): string {
  if (!voice.includes("+") && !voice.includes(":")) return mapName(voice);
  return voice
    .split("+")
    .map((term) => {
      const [name, ...weight] = term.split(":");
      const trimmed = name!.trim();
      return [trimmed === "" ? name! : mapName(trimmed), ...weight].join(":");
    })
    .join("+");
}
