/**
 * What the Speech Player shows, derived only from what the daemon reports (its status) plus the user's choices:
 * never from local flags. Pure, so the menu can be rendered from a cached copy before the daemon answers.
 */
import type { DaemonStatus, ErrorCode, LatencyStatus, ModelStatusReport } from "@kokoro-speech/shared";
import type { SpeechChoices } from "./choices.js";
import type { NowSpeaking } from "./now-speaking.js";

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
}

export interface PlayerView {
  readonly mode: PlayerMode;
  /** Download progress in percent, while downloading. */
  readonly downloadPercent: number | null;
  /** The first words of the current text, when this extension started the current stream. */
  readonly nowSpeaking: string | null;
  /** Version, pid, execution provider and last time to first audio, as far as the daemon reports them. */
  readonly daemonLine: string | null;
  readonly voice: string;
  readonly speed: number;
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

export function derivePlayerView(snapshot: PlayerSnapshot): PlayerView {
  const { status, nowSpeaking, choices } = snapshot;
  const mode = modeOf(status, snapshot.refusal ?? null);
  const currentStreamId = status?.player.currentStreamId ?? null;
  const percent = status?.model?.progress?.percent;
  return {
    mode,
    downloadPercent: mode === "downloading" && typeof percent === "number" ? Math.floor(percent) : null,
    nowSpeaking:
      (mode === "speaking" || mode === "paused") && nowSpeaking?.streamId === currentStreamId
        ? nowSpeaking.excerpt
        : null,
    daemonLine: status ? daemonLineOf(status) : null,
    voice: choices.voice,
    speed: choices.speed,
  };
}
