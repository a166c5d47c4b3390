/**
 * Voice specs as requests name them: a voice id (`af_heart`) or a blend `af_bella:0.6+af_heart:0.4`. A bare name
 * weighs 1 and weights are normalised to sum 1, so `af_bella+af_heart` is an even mix and `a:2+b:1` is 2/3 + 1/3.
 * Also maps a voice id to the language of its text front end (first letter of the id, kokoro-model.md §6.6).
 */
import { findCatalogVoice, ProtocolError } from "@kokoro-speech/protocol";
import { variantForVoice, type Variant } from "../g2p/index.js";

/** Front-end languages this product has G2P for: the G2P's variants. */
export type VoiceLanguage = Variant;

/**
 * Voice ids are `<lang><sex>_<name>`; restricting them to lowercase letters, digits and `_` also keeps a name from
 * ever addressing a path outside the voice directory.
 */
const VOICE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const WEIGHT_PATTERN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

export interface VoiceComponent {
  readonly name: string;
  /** Normalised: the weights of one spec sum to 1. */
  readonly weight: number;
}

export interface VoiceSpec {
  readonly components: readonly VoiceComponent[];
  /** A canonical spelling (`name:weight` joined by `+`), equal for equal blends; suitable as a cache key. */
  readonly key: string;
}

export function isValidVoiceName(name: string): boolean {
  return VOICE_NAME_PATTERN.test(name);
}

/** The front-end language of a voice id; `unsupported_language` for prefixes without a G2P. */
export function languageOfVoice(name: string): VoiceLanguage {
  // The prefix table is the G2P's: one mapping for the front end and the engine.
  return variantForVoice(name);
}

/**
 * The front-end language of a spec: that of the first voice named, since G2P follows one language even when a
 * blend mixes two.
 */
export function languageOfVoiceSpec(spec: VoiceSpec): VoiceLanguage {
  return languageOfVoice((spec.components[0] as VoiceComponent).name);
}

/**
 * The one voice check every synthesizer applies, so whatever speaks (Kokoro, or the fallback voice while the model is
 * missing) a request gets the same answer, in this order: the spec must parse (`invalid_voice_spec`); every voice it
 * names must exist, as one of the 54 catalogue voices or an installed pack (`unknown_voice`); every one must have a
 * text front end (`unsupported_language`); and where the synthesizer needs packs (`isInstalled` given), every pack
 * must be installed (`unknown_voice`). So `zz_nobody` and `af_nobody` are unknown voices and `jf_alpha` is a voice of
 * an unsupported language for every synthesizer.
 */
export function checkVoiceSpec(voice: string, isInstalled?: (name: string) => boolean): VoiceSpec {
  const spec = parseVoiceSpec(voice);
  const names = spec.components.map((component) => component.name);
  for (const name of names) {
    if (!findCatalogVoice(name) && !isInstalled?.(name)) {
      throw new ProtocolError("unknown_voice", `There is no voice "${name}".`);
    }
  }
  for (const name of names) languageOfVoice(name);
  for (const name of names) {
    if (isInstalled && !isInstalled(name))
      throw new ProtocolError("unknown_voice", `Voice "${name}" is not installed.`);
  }
  return spec;
}

/** Parses a voice id or blend; `invalid_voice_spec` for bad syntax, names or weights. */
export function parseVoiceSpec(spec: string): VoiceSpec {
  const raw = spec.split("+").map((term) => parseTerm(term, spec));
  const names = new Set(raw.map((c) => c.name));
  if (names.size !== raw.length) throw invalidSpec(spec, "a voice appears twice");
  const total = raw.reduce((sum, c) => sum + c.weight, 0);
  const components = raw.map((c) => ({ name: c.name, weight: c.weight / total }));
  return {
    components,
    key: components.map((c) => `${c.name}:${c.weight}`).join("+"),
  };
}

function parseTerm(term: string, spec: string): { name: string; weight: number } {
  const parts = term.split(":").map((part) => part.trim());
  const [name, weightText, extra] = parts;
  if (name === undefined || extra !== undefined) throw invalidSpec(spec, `"${term}" is not name or name:weight`);
  if (!isValidVoiceName(name)) throw invalidSpec(spec, `"${name}" is not a voice name`);
  if (weightText === undefined) return { name, weight: 1 };
  const weight = Number(weightText);
  if (!WEIGHT_PATTERN.test(weightText) || !Number.isFinite(weight) || weight <= 0) {
    throw invalidSpec(spec, `weight "${weightText}" must be a positive decimal number`);
  }
  return { name, weight };
}

function invalidSpec(spec: string, reason: string): ProtocolError {
  return new ProtocolError("invalid_voice_spec", `voice "${spec}": ${reason}`);
}
