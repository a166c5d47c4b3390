/**
 * The daemon's configuration: one defaults object, overridden by environment variables and then by flags,
 * validated in one step that reports every problem, and frozen.
 */
import { DEFAULT_PORT, resolveDataDir, resolveStateDir } from "@kokoro-speech/protocol";
import { z } from "zod";
import { DEFAULT_ESPEAK_IDLE_RELEASE_MS } from "./g2p/espeak-process.js";
import { DEFAULT_AUDIO_IDLE_CLOSE_MS } from "./player/player.js";
import { LOG_LEVELS } from "./telemetry/logger.js";

/** `speaker` (the default device), `null` (discard, for headless use) or `wav:<path>` (render to a file). */
const sinkSpec = z.union([
  z.literal("speaker"),
  z.literal("null"),
  z.string().regex(/^wav:.+/, "sink must be speaker, null or wav:<path>"),
]);

const configSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535),
  stateDir: z.string().min(1),
  dataDir: z.string().min(1),
  sink: sinkSpec,
  logLevel: z.enum(LOG_LEVELS),
  audioIdleCloseMs: z.number().int().min(0),
  /** A model and voices the user already has: used in place, after verification (both or neither). */
  modelPath: z.string().min(1).optional(),
  voicesPath: z.string().min(1).optional(),
  /** Speak with espeak-ng's own voice while the Kokoro model is not ready (when the package is installed). */
  fallbackVoice: z.boolean(),
  /** Quiet time after which the espeak-ng G2P host process is stopped to give its memory back. */
  espeakIdleMs: z.number().min(0).finite(),
  /**
   * Exit (as on SIGTERM) after this much time with nothing playing, rendering or downloading and no request but
   * `status`; 0 = never. The Raycast extension sets it for a daemon it starts.
   */
  exitWhenIdleMs: z.number().min(0).finite(),
  /** Synthesize a segment whose synthesis failed once more before the stream fails. */
  retryFailedSegment: z.boolean(),
  /** Trim leading and trailing silence of every segment, keeping natural pauses (off: the model's audio as is). */
  trimSilence: z.boolean(),
  /** Execution provider for inference; a non-CPU one falls back to CPU once if it fails. */
  provider: z.enum(["cpu", "coreml", "cuda"]),
  /** Test hook: a module exporting `createSynthesizer`, used in place of the Kokoro engine. Never a voice. */
  synthesizerModule: z.string().min(1).optional(),
});

export type DaemonConfig = Readonly<z.infer<typeof configSchema>>;
export type ConfigOverrides = Partial<{ -readonly [K in keyof DaemonConfig]: DaemonConfig[K] }>;

/** Environment variables read by the daemon (flags win over them). */
export const CONFIG_ENV = {
  port: "KOKORO_SPEECH_PORT",
  sink: "KOKORO_SPEECH_SINK",
  logLevel: "KOKORO_SPEECH_LOG_LEVEL",
  provider: "KOKORO_SPEECH_PROVIDER",
  trimSilence: "KOKORO_SPEECH_TRIM_SILENCE",
  fallbackVoice: "KOKORO_SPEECH_FALLBACK_VOICE",
  modelPath: "KOKORO_SPEECH_MODEL_PATH",
  voicesPath: "KOKORO_SPEECH_VOICES_PATH",
  espeakIdleSeconds: "KOKORO_SPEECH_ESPEAK_IDLE_SECONDS",
  retryFailedSegment: "KOKORO_SPEECH_RETRY_FAILED_SEGMENT",
} as const;

/** A number of seconds as milliseconds; NaN (reported by validation) when the text is not a number. */
export function secondsToMs(seconds: string): number {
  return seconds.trim() === "" ? Number.NaN : Number(seconds) * 1000;
}

function fromEnv(env: NodeJS.ProcessEnv): ConfigOverrides {
  const overrides: ConfigOverrides = {};
  const port = env[CONFIG_ENV.port];
  if (port !== undefined && port !== "") overrides.port = Number(port);
  const sink = env[CONFIG_ENV.sink];
  if (sink) overrides.sink = sink;
  const logLevel = env[CONFIG_ENV.logLevel];
  if (logLevel) overrides.logLevel = logLevel as DaemonConfig["logLevel"];
  const provider = env[CONFIG_ENV.provider];
  if (provider) overrides.provider = provider as DaemonConfig["provider"];
  const trim = env[CONFIG_ENV.trimSilence];
  if (trim === "1" || trim === "true") overrides.trimSilence = true;
  else if (trim === "0" || trim === "false") overrides.trimSilence = false;
  const retry = env[CONFIG_ENV.retryFailedSegment];
  if (retry === "1" || retry === "true") overrides.retryFailedSegment = true;
  else if (retry === "0" || retry === "false") overrides.retryFailedSegment = false;
  const fallback = env[CONFIG_ENV.fallbackVoice];
  if (fallback === "1" || fallback === "true") overrides.fallbackVoice = true;
  else if (fallback === "0" || fallback === "false") overrides.fallbackVoice = false;
  if (env[CONFIG_ENV.modelPath]) overrides.modelPath = env[CONFIG_ENV.modelPath];
  if (env[CONFIG_ENV.voicesPath]) overrides.voicesPath = env[CONFIG_ENV.voicesPath];
  const espeakIdle = env[CONFIG_ENV.espeakIdleSeconds];
  if (espeakIdle) overrides.espeakIdleMs = secondsToMs(espeakIdle);
  return overrides;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Builds the frozen configuration from defaults, the environment and flags (in that order of precedence). */
export function resolveConfig(flags: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): DaemonConfig {
  const defaults = {
    port: DEFAULT_PORT,
    stateDir: resolveStateDir({ env }),
    dataDir: resolveDataDir({ env }),
    sink: "speaker",
    logLevel: "info",
    audioIdleCloseMs: DEFAULT_AUDIO_IDLE_CLOSE_MS,
    provider: "cpu",
    trimSilence: false,
    fallbackVoice: true,
    espeakIdleMs: DEFAULT_ESPEAK_IDLE_RELEASE_MS,
    retryFailedSegment: false,
    exitWhenIdleMs: 0,
  } satisfies DaemonConfig;
  const definedFlags = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const parsed = configSchema.safeParse({ ...defaults, ...fromEnv(env), ...definedFlags });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`));
  }
  if ((parsed.data.modelPath === undefined) !== (parsed.data.voicesPath === undefined)) {
    throw new ConfigError(["modelPath and voicesPath: give both (an existing model needs its voices) or neither"]);
  }
  return Object.freeze(parsed.data);
}
