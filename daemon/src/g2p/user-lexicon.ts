/**
 * The user's lexicon file: a JSON object word → Misaki phonemes, read at start-up and again whenever the file
 * changes. Reading lives here (called by the daemon's edge); G2P only receives the parsed map.
 */

import { readFile } from "node:fs/promises";
import { unwatchFile, watchFile } from "node:fs";
import type { Logger } from "pino";
import type { UserLexicon } from "./resolve-word.js";

/** How often the file's modification time is polled; an edit is picked up within this delay. */
const WATCH_INTERVAL_MS = 1_000;

/** Validates parsed JSON as a user lexicon; throws Error naming the first bad entry. */
export function parseUserLexicon(json: unknown): UserLexicon {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error("user lexicon must be a JSON object of word → phonemes");
  }
  const entries = new Map<string, string>();
  for (const [word, phonemes] of Object.entries(json)) {
    if (typeof phonemes !== "string" || phonemes.trim() === "") {
      throw new Error(`user lexicon entry "${word}" must be a non-empty phoneme string`);
    }
    entries.set(word, phonemes.trim());
  }
  return entries;
}

/** Reads and validates a user lexicon file; a missing file is an empty lexicon. */
export async function loadUserLexicon(path: string): Promise<UserLexicon> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  return parseUserLexicon(JSON.parse(text));
}

/**
 * Calls `onChange` with the re-read lexicon each time the file changes. A file that fails to parse is logged and
 * the previous lexicon stays in use. Returns a function that stops watching.
 */
export function watchUserLexicon(path: string, onChange: (lexicon: UserLexicon) => void, log?: Logger): () => void {
  const listener = (): void => {
    loadUserLexicon(path).then(onChange, (error: unknown) => {
      log?.warn({ err: error, path }, "user lexicon not reloaded");
    });
  };
  watchFile(path, { interval: WATCH_INTERVAL_MS, persistent: false }, listener);
  return () => unwatchFile(path, listener);
}
