/**
 * The extension's configuration: the manifest preferences, validated in one step that reports every problem, then
 * frozen. Preferences are defaults; choices made in the menu bar (voice, speed) live in LocalStorage (choices.ts).
 */
import { getPreferenceValues } from "@raycast/api";
import { MODEL_QUALITIES, SPEED_MAX, SPEED_MIN, type ModelQuality } from "@kokoro-speech/protocol";
import { VOICE_CHOICES } from "./manifest-choices.js";
import { parseBlend } from "./voice-blend.js";

/** The preferences as Raycast hands them over: dropdowns and text fields are strings, checkboxes booleans. */
export interface RawPreferences {
  voice?: string;
  speed?: string;
  modelQuality?: string;
  useClipboardFallback?: boolean;
  daemonPort?: string;
  daemonScript?: string;
  audioFolder?: string;
  idleExitMinutes?: string;
}

export interface ExtensionConfig {
  readonly voice: string;
  readonly speed: number;
  readonly modelQuality: ModelQuality;
  readonly useClipboardFallback: boolean;
  /** Port for a daemon this extension starts; `undefined` leaves the daemon's default, 0 means any free port. */
  readonly daemonPort: number | undefined;
  /** The daemon's `cli.js`; `undefined` means "the location recorded by the build". */
  readonly daemonScript: string | undefined;
  /** Where Save Selected Text as Audio writes; `undefined` means ~/Downloads. */
  readonly audioFolder: string | undefined;
  /** A daemon this extension starts exits after this many idle minutes; 0 = never. */
  readonly idleExitMinutes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "ConfigError";
  }
}

export function isSpeedInRange(speed: number): boolean {
  return Number.isFinite(speed) && speed >= SPEED_MIN && speed <= SPEED_MAX;
}

export function isKnownVoice(voice: string): boolean {
  return VOICE_CHOICES.some((choice) => choice.value === voice);
}

/** One of the English voices, or a blend of them (saved from Choose Voice). */
export function isUsableVoice(voice: string): boolean {
  return isKnownVoice(voice) || (parseBlend(voice)?.every((term) => isKnownVoice(term.voice)) ?? false);
}

function isModelQuality(value: string): value is ModelQuality {
  return (MODEL_QUALITIES as readonly string[]).includes(value);
}

/** Builds the frozen configuration; throws one `ConfigError` listing every invalid preference. */
export function buildConfig(raw: RawPreferences): ExtensionConfig {
  const problems: string[] = [];
  const voice = raw.voice ?? "";
  if (!isKnownVoice(voice)) problems.push(`Voice "${voice}" is not one of the English voices.`);
  const speed = Number(raw.speed);
  if (!isSpeedInRange(speed)) problems.push(`Speed "${raw.speed}" is outside ${SPEED_MIN}–${SPEED_MAX}.`);
  const modelQuality = raw.modelQuality ?? "";
  if (!isModelQuality(modelQuality)) problems.push(`Model quality "${modelQuality}" is not one of ${MODEL_QUALITIES}.`);
  const portText = raw.daemonPort?.trim() ?? "";
  const daemonPort = portText === "" ? undefined : Number(portText);
  if (daemonPort !== undefined && !(Number.isInteger(daemonPort) && daemonPort >= 0 && daemonPort <= 65_535)) {
    problems.push(`Daemon port "${portText}" is not a whole number from 0 to 65535.`);
  }
  const idleExitMinutes = Number(raw.idleExitMinutes ?? "30");
  if (!(Number.isFinite(idleExitMinutes) && idleExitMinutes >= 0)) {
    problems.push(`Idle time "${raw.idleExitMinutes}" is not a number of minutes.`);
  }
  if (problems.length > 0 || !isModelQuality(modelQuality)) throw new ConfigError(problems);
  const daemonScript = raw.daemonScript?.trim();
  return Object.freeze({
    voice,
    speed,
    modelQuality,
    useClipboardFallback: raw.useClipboardFallback ?? false,
    daemonPort,
    daemonScript: daemonScript ? daemonScript : undefined,
    audioFolder: raw.audioFolder?.trim() ? raw.audioFolder.trim() : undefined,
    idleExitMinutes,
  });
}

/** The configuration from the user's preferences. */
export function readConfig(): ExtensionConfig {
  return buildConfig(getPreferenceValues<RawPreferences>());
}
