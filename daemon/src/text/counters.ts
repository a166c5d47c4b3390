/**
 * Tallies of characters the front end removed or passed on without speaking them, so odd input is visible in
 * telemetry instead of silently changing what is read. The caller owns the object; the text stage only adds to it.
 */
export interface TextCounters {
  /** C0/C1 control characters (other than tab and line breaks), replaced by a space. */
  controlChars: number;
  /** Zero-width spaces, joiners, soft hyphens and byte-order marks, removed. */
  zeroWidthChars: number;
  /** Bidirectional marks, embeddings and isolates, removed (the text keeps its logical order). */
  bidiControls: number;
  /** UTF-16 halves without their partner, removed. */
  loneSurrogates: number;
  /** Emoji sequences (with skin tones, joiners, flags), skipped rather than spelled. */
  emoji: number;
  /** Letters outside the Latin script (CJK, Arabic, Cyrillic…), kept as-is for the G2P fallback. */
  nonLatinLetters: number;
  /** Symbols with no spoken form (`*`, `|`, `^`, box drawing…), dropped. */
  droppedSymbols: number;
}

export function createTextCounters(): TextCounters {
  return {
    controlChars: 0,
    zeroWidthChars: 0,
    bidiControls: 0,
    loneSurrogates: 0,
    emoji: 0,
    nonLatinLetters: 0,
    droppedSymbols: 0,
  };
}
