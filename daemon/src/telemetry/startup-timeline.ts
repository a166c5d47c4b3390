/**
 * When each step of the daemon's first moments happened, in milliseconds since the process started (Node's
 * `performance.now()` counts from there): the imports, listening, the first handshake and speak, the model's files,
 * load and warm-up, the lexicons, the first segment's G2P and inference, the speaker host and the device. Each mark
 * is taken once, the first time its step happens; the whole timeline is logged (info, "first speech timeline") when
 * the first audio is handed to the device, so a slow first Speak can be read from the log. The cold-start benchmark
 * (test/bench/cold-speak.bench.ts) reads it to say where the time went; its total it observes itself.
 */
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";

export const STARTUP_MARKS = [
  "imported",
  "listening",
  "firstHandshake",
  "firstSpeak",
  "modelFilesChecked",
  "voicesOpened",
  "engineLoaded",
  "lexiconsLoaded",
  "modelReady",
  "fallbackVoiceReady",
  "firstG2P",
  "firstInference",
  "speakerHostStarted",
  "deviceOpen",
  "firstAudioHanded",
] as const;
export type StartupMark = (typeof STARTUP_MARKS)[number];

/** The message the timeline is logged under, for readers of the log. */
export const STARTUP_TIMELINE_MESSAGE = "first speech timeline";

const marks = new Map<StartupMark, number>();
const details: Record<string, number> = {};
let log: Logger | undefined;

/** Where the timeline is logged once the first audio reaches the device. */
export function attachStartupLog(logger: Logger): void {
  log = logger;
}

/** Records `mark` now unless it was recorded before; `extra` numbers (e.g. the model's load and warm-up) go along. */
export function markStartup(mark: StartupMark, extra: Record<string, number> = {}): void {
  if (marks.has(mark)) return;
  marks.set(mark, Math.round(performance.now()));
  for (const [name, value] of Object.entries(extra)) details[name] ??= Math.round(value);
  if (mark === "firstAudioHanded") log?.info(startupTimeline(), STARTUP_TIMELINE_MESSAGE);
}

export interface StartupTimeline {
  /** The process's start as a Unix time in ms, so a reader can line the marks up with its own clock. */
  processStartedAtMs: number;
  /** Each mark taken, in ms since the process started. */
  marksMs: Partial<Record<StartupMark, number>>;
  details: Record<string, number>;
}

export function startupTimeline(): StartupTimeline {
  return {
    processStartedAtMs: Math.round(performance.timeOrigin),
    marksMs: Object.fromEntries(marks),
    details: { ...details },
  };
}
