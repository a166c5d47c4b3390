/**
 * The beginning of the text last sent to the daemon, keyed by its stream id, so the menu bar can show "Now
 * speaking: …" (the daemon's status carries stream ids, not text). Kept in Raycast's `Cache`, shared by commands.
 */
import { Cache } from "@raycast/api";

const KEY = "now-speaking";
const EXCERPT_WORDS = 6;
const EXCERPT_MAX_CHARS = 40;

export interface NowSpeaking {
  readonly streamId: number;
  readonly excerpt: string;
}

/** The first few words, on one line, shortened with an ellipsis. */
export function excerptOf(text: string): string {
  const words = text.trim().split(/\s+/);
  const joined = words.slice(0, EXCERPT_WORDS).join(" ");
  const excerpt = joined.length > EXCERPT_MAX_CHARS ? joined.slice(0, EXCERPT_MAX_CHARS - 1).trimEnd() : joined;
  return words.length > EXCERPT_WORDS || excerpt !== joined ? `${excerpt}…` : excerpt;
}

export function rememberNowSpeaking(cache: Cache, streamId: number, text: string): void {
  cache.set(KEY, JSON.stringify({ streamId, excerpt: excerptOf(text) } satisfies NowSpeaking));
}

export function recallNowSpeaking(cache: Cache): NowSpeaking | null {
  const stored = cache.get(KEY);
  if (stored === undefined) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<NowSpeaking>;
    return typeof parsed.streamId === "number" && typeof parsed.excerpt === "string"
      ? { streamId: parsed.streamId, excerpt: parsed.excerpt }
      : null;
  } catch {
    return null;
  }
}
