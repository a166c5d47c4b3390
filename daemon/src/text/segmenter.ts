/**
 * Segments for synthesis, lazily and primer first. Sentences come from the source text (so spans are source
 * offsets); the first speakable sentence gives up its first clause as the primer; every piece over the token budget
 * is split at clause boundaries; later short sentences are merged up to a target that grows segment by segment, so
 * each inference has time to finish while the previous segment plays. Spans partition the text: the first segment
 * starts at 0, each starts where the previous ended, the last ends at `text.length`; whitespace between sentences
 * and sentences with nothing to say (an emoji line) belong to a neighbour.
 */
import { MAX_PHONEME_TOKENS, ProtocolError } from "@kokoro-speech/protocol";
import { splitToBudget } from "./budget-split.js";
import type { TextCounters } from "./counters.js";
import { ensureSentenceEnd, normalizeText } from "./normalize.js";
import { findPrimerCut } from "./primer.js";
import { iterateSentenceSpans } from "./sentence-splitter.js";
import { estimatePhonemeTokens } from "./token-estimate.js";
import { validateText } from "./validate.js";

export interface Segment {
  /** 0 for the primer, then consecutive. */
  readonly index: number;
  /** Source span `[start, end)`; segments partition the text. */
  readonly start: number;
  readonly end: number;
  readonly sourceText: string;
  /** What G2P receives: spoken words with the punctuation that shapes prosody. */
  readonly spokenText: string;
  readonly isPrimer: boolean;
}

export interface SegmentOptions {
  /** Phoneme tokens of spoken text; defaults to a conservative estimate until G2P supplies the real count. */
  readonly measureTokens?: (spoken: string) => number;
  /** Token budget per segment; defaults to the model's limit. */
  readonly maxTokens?: number;
  /** Longest accepted text in UTF-16 units; defaults to the protocol limit. */
  readonly maxChars?: number;
  /** Receives counts of cleaned, skipped and passed-through characters. */
  readonly counters?: TextCounters;
  /**
   * A further cap on how far segment `index` may grow by merging sentences, asked when that segment is being
   * formed (lazily, after the previous ones were pulled). The synthesizer uses it to keep each segment's inference
   * shorter than the audio already queued, so playback never waits on a segment that grew too fast.
   */
  readonly mergeCapTokens?: (segmentIndex: number) => number;
  /**
   * Index of the first segment (default 0), for a text that continues an earlier one (see sliced-segmenter.ts):
   * indices, the merge ramp and `mergeCapTokens` go on from there.
   */
  readonly firstIndex?: number;
  /** Whether the first segment is a short primer (default true); false for a text that continues an earlier one. */
  readonly primer?: boolean;
}

/** Merge target of the first segment after the primer, in tokens; it doubles with each segment. */
export const FIRST_MERGE_TARGET_TOKENS = 100;
/**
 * Merging stops growing here: chunks near 510 tokens tend to sound rushed (kokoro-model.md §5, Kokoro-FastAPI
 * targets 175-250).
 */
export const MAX_MERGE_TARGET_TOKENS = 250;

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly spoken: string;
}

interface PieceContext {
  readonly text: string;
  readonly measure: (spoken: string) => number;
  readonly maxTokens: number;
  readonly counters: TextCounters | undefined;
  readonly mergeCap: ((segmentIndex: number) => number) | undefined;
  readonly primer: boolean;
  /** Index of the segment being formed; kept current by `assembleSegments`. */
  readonly nextSegmentIndex: () => number;
}

/**
 * Budget for cutting a sentence into pieces: the model's limit, or less when the caller caps the segment about to
 * form (a long sentence right after the primer must not become one slow inference).
 */
function pieceBudgetTokens(context: PieceContext): number {
  const cap = context.mergeCap?.(context.nextSegmentIndex()) ?? Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(context.maxTokens, Math.floor(cap)));
}

/** Yields the pieces of one sentence `[start, end)`, cut at `cuts` and then to the budget. */
function* sentencePieces(context: PieceContext, start: number, end: number, cuts: readonly number[]): Generator<Piece> {
  const { text, measure } = context;
  // Read per stretch between cuts: the stretch after the primer is cut only once the primer is synthesized.
  let maxTokens = context.maxTokens;
  const spokenOf = (from: number, to: number, counters?: TextCounters): string => {
    const spoken = normalizeText(text.slice(from, to), counters);
    return to === end ? ensureSentenceEnd(spoken) : spoken;
  };
  const fits = (from: number, to: number): boolean => measure(spokenOf(from, to)) <= maxTokens;
  const bounds = [start, ...cuts, end];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const from = bounds[i] ?? start;
    const to = bounds[i + 1] ?? end;
    maxTokens = pieceBudgetTokens(context);
    const pieceBounds = [from, ...splitToBudget(text, from, to, fits), to];
    for (let j = 0; j + 1 < pieceBounds.length; j += 1) {
      const pieceStart = pieceBounds[j] ?? from;
      const pieceEnd = pieceBounds[j + 1] ?? to;
      yield { start: pieceStart, end: pieceEnd, spoken: spokenOf(pieceStart, pieceEnd, context.counters) };
    }
  }
}

/** Every piece of the text in order, with spans widened to partition the text. */
function* textPieces(context: PieceContext): Generator<Piece & { readonly isPrimer: boolean }> {
  const { text } = context;
  let covered = 0;
  let primerDone = !context.primer;
  for (const sentence of iterateSentenceSpans(text)) {
    let cuts: number[] = [];
    if (!primerDone && normalizeText(text.slice(sentence.start, sentence.end)) !== "") {
      const primerCut = findPrimerCut(text, sentence.start, sentence.end);
      cuts = primerCut === undefined ? [] : [primerCut];
    }
    for (const piece of sentencePieces(context, sentence.start, sentence.end, cuts)) {
      const end = piece.end === sentence.end ? sentence.next : piece.end;
      const isPrimer = !primerDone && piece.spoken !== "";
      if (isPrimer) primerDone = true;
      yield { start: covered, end, spoken: piece.spoken, isPrimer };
      covered = end;
    }
  }
}

function mergeTargetTokens(segmentIndex: number, context: PieceContext): number {
  const ramp = FIRST_MERGE_TARGET_TOKENS * 2 ** Math.max(0, segmentIndex - 1);
  const cap = context.mergeCap?.(segmentIndex) ?? Number.POSITIVE_INFINITY;
  return Math.min(ramp, MAX_MERGE_TARGET_TOKENS, context.maxTokens, cap);
}

function* assembleSegments(
  text: string,
  baseContext: Omit<PieceContext, "nextSegmentIndex">,
  firstIndex: number,
): Generator<Segment> {
  let index = firstIndex;
  const context: PieceContext = { ...baseContext, nextSegmentIndex: () => index };
  let carryStart: number | undefined;
  let pending: { start: number; end: number; spoken: string[]; isPrimer: boolean } | undefined;
  const finish = (segment: NonNullable<typeof pending>): Segment => ({
    index: index++,
    start: segment.start,
    end: segment.end,
    sourceText: text.slice(segment.start, segment.end),
    spokenText: segment.spoken.join(" "),
    isPrimer: segment.isPrimer,
  });
  for (const piece of textPieces(context)) {
    if (piece.spoken === "") {
      if (pending) pending.end = piece.end;
      else carryStart ??= piece.start;
      continue;
    }
    if (pending && !pending.isPrimer && !piece.isPrimer) {
      const merged = [...pending.spoken, piece.spoken].join(" ");
      if (context.measure(merged) <= mergeTargetTokens(index, context)) {
        pending.spoken.push(piece.spoken);
        pending.end = piece.end;
        continue;
      }
    }
    if (pending) yield finish(pending);
    pending = { start: carryStart ?? piece.start, end: piece.end, spoken: [piece.spoken], isPrimer: piece.isPrimer };
    carryStart = undefined;
  }
  if (!pending) throw new ProtocolError("empty_text", "The text has nothing that can be spoken.");
  yield finish(pending);
}

/**
 * Splits `text` into segments for synthesis, primer first. Validation happens at once (`empty_text`,
 * `text_too_long`); segments are computed as they are pulled. A text with nothing speakable (only emoji or
 * symbols) throws `empty_text` when iterated.
 */
export function segmentText(text: string, options: SegmentOptions = {}): Iterable<Segment> {
  validateText(text, options.maxChars);
  const maxTokens = options.maxTokens ?? MAX_PHONEME_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new RangeError(`maxTokens must be a positive integer`);
  return assembleSegments(
    text,
    {
      text,
      measure: options.measureTokens ?? estimatePhonemeTokens,
      maxTokens,
      counters: options.counters,
      mergeCap: options.mergeCapTokens,
      primer: options.primer ?? true,
    },
    options.firstIndex ?? 0,
  );
}
