/** The engine stage: Kokoro phoneme strings → PCM, plus the voices it speaks with. */
export {
  KokoroEngine,
  type EngineLoadOptions,
  type EngineLoadReport,
  type EngineStats,
  type KokoroEngineOptions,
  type SynthesisRequest,
  type SynthesisResult,
} from "./engine.js";
export type { ExecutionProvider, ModelFlavour, SpeedDtype } from "./session.js";
export { tokenizePhonemes, type TokenizedPhonemes } from "./tokenizer.js";
export { VOICE_PACK_BYTES } from "@kokoro-speech/protocol";
export type { VoicePack } from "./voice-pack.js";
export {
  checkVoiceSpec,
  isValidVoiceName,
  languageOfVoice,
  languageOfVoiceSpec,
  parseVoiceSpec,
  type VoiceComponent,
  type VoiceLanguage,
  type VoiceSpec,
} from "./voice-spec.js";
export { VoiceStore } from "./voices.js";
export { findCatalogVoice, VOICE_CATALOG, type CatalogLanguage, type CatalogVoice } from "@kokoro-speech/protocol";
