/**
 * Segmentation of long texts a bounded slice at a time, so that no single step blocks the event loop. Sentence
 * splitting and normalization work on a whole sentence, and a text with no sentence boundary (200,000 letters, or
 * words without a stop) made the first segment cost seconds, stalling playback of other streams (issue 12). Here the
 * text is cut into slices of at most `SLICE_CHARS`, at a paragraph break, line break, sentence end or space when the
 * slice has one in its second half, and each slice is segmented lazily, only when the segment before it has been
 * pulled. A text that fits one slice is segmented exactly as `segmentText` does.
 */
import { hasVisibleText, isProtocolError, ProtocolError } from "@kokoro-speech/protocol";
import { segmentText, type Segment, type SegmentOptions } from "./segmenter.js";
import { validateText } from "./validate.js";

/** Longest slice segmented in one go, in UTF-16 units: a few milliseconds of normalization even for the worst text. */
export const SLICE_CHARS = 1_000;

/** Cut preferences, best first: the slice ends just after the match. */
const CUT_PATTERNS = [/\n[^\S\n]*\n\s*/g, /\n\s*/g, /[.!?]["'”’)\]]*\s+/g, /\s+/g];

/**
 * Where a slice starting at `from` ends: the last preferred cut in the second half of the window, else the window's
 * end (never between the halves of a surrogate pair).
 */
export function sliceEnd(text: string, from: number, maxChars: number = SLICE_CHARS): number {
  if (text.length - from <= maxChars) return text.length;
  const limit = from + maxChars;
  const window = text.slice(from, limit);
  for (const pattern of CUT_PATTERNS) {
    let cut = -1;
    for (const match of window.matchAll(pattern)) cut = match.index + match[0].length;
    if (cut >= maxChars / 2) return from + cut;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Start of the text's invisible tail (whitespace, controls…), found in steps from the end without a full scan. */
function invisibleTailStart(text: string): number {
  let start = text.length;
  while (start > 0) {
    const from = Math.max(0, start - 256);
    if (hasVisibleText(text.slice(from, start))) break;
    start = from;
  }
  return start;
}

function shifted(segment: Segment, offset: number, start: number | undefined, text: string): Segment {
  const from = start ?? segment.start + offset;
  const end = segment.end + offset;
  return { ...segment, start: from, end, sourceText: text.slice(from, end) };
}

/**
 * Like `segmentText` (same validation, spans, indices, primer first), but one slice at a time: the work per pulled
 * segment is bounded by `SLICE_CHARS` whatever the text. A slice with nothing to speak lends its span to the next
 * segment; the invisible end of the text belongs to the last slice. Only a text whose last slice has visible but
 * unspeakable characters (emoji, symbols) ends its last span before them.
 */
export function segmentTextInSlices(text: string, options: SegmentOptions = {}): Generator<Segment> {
  validateText(text, options.maxChars);
  return slicedSegments(text, options);
}

function* slicedSegments(text: string, options: SegmentOptions): Generator<Segment> {
  const tail = invisibleTailStart(text);
  let from = 0;
  let nextIndex = options.firstIndex ?? 0;
  const primer = options.primer ?? true;
  let spokeYet = false;
  let carryStart: number | undefined;
  while (from < text.length) {
    let to = sliceEnd(text, from);
    if (to >= tail) to = text.length;
    const slice = text.slice(from, to);
    let spokeHere = false;
    if (hasVisibleText(slice)) {
      const segments = segmentText(slice, {
        ...options,
        maxChars: slice.length,
        firstIndex: nextIndex,
        primer: primer && !spokeYet,
      });
      try {
        for (const segment of segments) {
          spokeHere = true;
          spokeYet = true;
          nextIndex = segment.index + 1;
          const whole = shifted(segment, from, carryStart, text);
          carryStart = undefined;
          yield whole;
        }
      } catch (error) {
        // Visible but nothing speakable (only emoji or symbols): the slice is skipped like a blank one.
        if (!(isProtocolError(error) && error.code === "empty_text" && !spokeHere)) throw error;
      }
    }
    if (!spokeHere) carryStart ??= from;
    from = to;
  }
  if (!spokeYet) throw new ProtocolError("empty_text", "The text has nothing that can be spoken.");
}
