/**
 * The text last sent to the daemon, keyed by its stream id, so the menu bar can show the sentence being read and how
 * far it is (the daemon's status carries stream ids and text offsets, not text). Kept in Raycast's `Cache`, shared
 * by commands; the daemon's own length limit (`MAX_TEXT_CHARS`) bounds its size.
 */
import { Cache } from "@raycast/api";

const KEY = "now-speaking";
const EXCERPT_WORDS = 6;
const EXCERPT_MAX_CHARS = 40;

export interface NowSpeaking {
  readonly streamId: number;
  readonly excerpt: string;
  /** The whole text; absent in entries written before it was kept. */
  readonly text?: string;
}

/** The first few words, on one line, shortened with an ellipsis. */
export function excerptOf(text: string): string {
  const words = text.trim().split(/\s+/);
  const joined = words.slice(0, EXCERPT_WORDS).join(" ");
  const excerpt = joined.length > EXCERPT_MAX_CHARS ? joined.slice(0, EXCERPT_MAX_CHARS - 1).trimEnd() : joined;
  return words.length > EXCERPT_WORDS || excerpt !== joined ? `${excerpt}…` : excerpt;
}

export function rememberNowSpeaking(cache: Cache, streamId: number, text: string): void {
  cache.set(KEY, JSON.stringify({ streamId, excerpt: excerptOf(text), text } satisfies NowSpeaking));
}

export function recallNowSpeaking(cache: Cache): NowSpeaking | null {
  const stored = cache.get(KEY);
  if (stored === undefined) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<NowSpeaking>;
    if (typeof parsed.streamId !== "number" || typeof parsed.excerpt !== "string") return null;
    const base = { streamId: parsed.streamId, excerpt: parsed.excerpt };
    return typeof parsed.text === "string" ? { ...base, text: parsed.text } : base;
  } catch {
    return null;
  }
}
