/**
 * What the Speech Player shows, derived only from what the daemon reports (its status) plus the user's choices:
 * never from local flags. Pure, so the menu can be rendered from a cached copy before the daemon answers.
 */
import {
  SAMPLE_RATE_HZ,
  type DaemonStatus,
  type ErrorCode,
  type LatencyStatus,
  type ModelStatusReport,
} from "@kokoro-speech/protocol";
import type { SpeechChoices } from "./choices.js";
import { speedLabel, voiceName } from "./manifest-choices.js";
import { excerptOf, type NowSpeaking } from "./now-speaking.js";

export type PlayerMode = "idle" | "speaking" | "paused" | "downloading" | "down" | "refused";

/** The codes with which a running daemon refuses a connection: it is there, but will not talk to this extension. */
export type DaemonRefusal = Extract<ErrorCode, "unauthorized" | "protocol_mismatch">;

/**
 * The parts of the status the menu reads. The model and latency sections are newer than the protocol's first
 * daemon, so they are read as optional: the menu shows what the daemon reports and nothing it does not.
 */
export type ReportedStatus = Pick<DaemonStatus, "daemon" | "player"> & {
  model?: Partial<ModelStatusReport>;
  latency?: Partial<Pick<LatencyStatus, "lastTtfaMs">>;
};

export interface PlayerSnapshot {
  /** `null` when no daemon answered. */
  readonly status: ReportedStatus | null;
  /** Set when a daemon answered but refused the connection (then `status` is `null`). */
  readonly refusal?: DaemonRefusal | null;
  readonly nowSpeaking: NowSpeaking | null;
  readonly choices: SpeechChoices;
  /** Whether the voice and speed are the preferences' (nothing picked in the menu overrides them). */
  readonly choicesArePreferences?: boolean;
  /** The title of the last failure a command reported, if it has not been cleared by a success since. */
  readonly lastFailure?: string | null;
}

/** Fields marked optional are newer than the first cached views: a view read back from `Cache` may lack them. */
export interface PlayerView {
  readonly mode: PlayerMode;
  /** Download progress in percent, while downloading (also while the fallback voice speaks meanwhile). */
  readonly downloadPercent: number | null;
  /** The first words of the current text, when this extension started the current stream. */
  readonly nowSpeaking: string | null;
  /** The sentence being read, shortened, when the daemon reports it and this extension started the stream. */
  readonly sentence?: string | null;
  /** "Sentence 3 · 42%": the segment's number and how far into the text it starts. */
  readonly progress?: string | null;
  /** Audio of the current stream played so far, "m:ss". */
  readonly elapsed?: string | null;
  /** The voice and speed the current stream speaks with, as the daemon reports them: "Heart · 1.25×". */
  readonly playingWith?: string | null;
  /** Version, pid, execution provider and last time to first audio, as far as the daemon reports them. */
  readonly daemonLine: string | null;
  readonly voice: string;
  readonly speed: number;
  readonly choicesArePreferences?: boolean;
  readonly lastFailure?: string | null;
}

function modeOf(status: ReportedStatus | null, refusal: DaemonRefusal | null): PlayerMode {
  if (refusal) return "refused";
  if (!status) return "down";
  if (status.player.state === "playing") return "speaking";
  if (status.player.state === "paused") return "paused";
  if (status.model?.state === "downloading") return "downloading";
  return "idle";
}

function daemonLineOf(status: ReportedStatus): string {
  const parts = [`Daemon ${status.daemon.version}`, `pid ${status.daemon.pid}`];
  if (status.model?.provider) parts.push(status.model.provider);
  const ttfaMs = status.latency?.lastTtfaMs;
  if (typeof ttfaMs === "number") parts.push(`first audio ${Math.round(ttfaMs)} ms`);
  return parts.join(" · ");
}

/** "m:ss" (or "h:mm:ss") of a sample count. */
export function formatElapsed(samples: number): string {
  const total = Math.floor(samples / SAMPLE_RATE_HZ);
  const seconds = String(total % 60).padStart(2, "0");
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

interface Reading {
  sentence: string | null;
  progress: string | null;
}

/** The sentence being read and how far it is, from the daemon's segment offsets into the text we sent. */
function readingOf(status: ReportedStatus, nowSpeaking: NowSpeaking | null): Reading {
  const segment = status.player.currentSegment;
  const text = nowSpeaking?.streamId === status.player.currentStreamId ? nowSpeaking.text : undefined;
  if (!segment || text === undefined || segment.end > text.length) return { sentence: null, progress: null };
  const percent = Math.floor((segment.start / text.length) * 100);
  return {
    sentence: excerptOf(text.slice(segment.start, segment.end)),
    progress: `Sentence ${segment.index + 1} · ${percent}%`,
  };
}

function playingWithOf(status: ReportedStatus): string | null {
  const { currentVoice, currentSpeed } = status.player;
  if (currentVoice === null || currentSpeed === null) return null;
  return `${voiceName(currentVoice)} · ${speedLabel(currentSpeed)}`;
}

export function derivePlayerView(snapshot: PlayerSnapshot): PlayerView {
  const { status, nowSpeaking, choices } = snapshot;
  const mode = modeOf(status, snapshot.refusal ?? null);
  const playing = status !== null && (mode === "speaking" || mode === "paused");
  const currentStreamId = status?.player.currentStreamId ?? null;
  const percent = status?.model?.progress?.percent;
  const reading = playing ? readingOf(status, nowSpeaking) : { sentence: null, progress: null };
  return {
    mode,
    downloadPercent: status?.model?.state === "downloading" && typeof percent === "number" ? Math.floor(percent) : null,
    nowSpeaking: playing && nowSpeaking?.streamId === currentStreamId ? nowSpeaking.excerpt : null,
    sentence: reading.sentence,
    progress: reading.progress,
    elapsed: playing ? formatElapsed(status.player.samplesPlayed) : null,
    playingWith: playing ? playingWithOf(status) : null,
    daemonLine: status ? daemonLineOf(status) : null,
    voice: choices.voice,
    speed: choices.speed,
    choicesArePreferences: snapshot.choicesArePreferences ?? true,
    lastFailure: snapshot.lastFailure ?? null,
  };
}
