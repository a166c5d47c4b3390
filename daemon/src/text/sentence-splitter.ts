/**
 * Sentence splitting on the source text, batch or streaming, with one implementation: `splitSentences` is the
 * streaming splitter given the whole text at once. Offsets are UTF-16 indices into the source text.
 */
import { Lookahead, NEED_MORE_INPUT } from "./lookahead.js";
import { findSentenceEnd, type SentenceSpan } from "./sentence-boundaries.js";

/** One sentence as the source wrote it: `text` is `source.slice(start, end)` with line breaks shown as spaces. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The source text of a sentence, with each line break (and the spaces around it) shown as one space. */
function displaySentence(source: string): string {
  return source.replace(/[ \t]*\r?\n[ \t]*/g, " ");
}

/**
 * The next sentence at or after `from`, `undefined` when only whitespace remains, or `NEED_MORE_INPUT` when a
 * streaming text must grow first.
 */
function nextSentenceSpan(lookahead: Lookahead, from: number): SentenceSpan | undefined | typeof NEED_MORE_INPUT {
  try {
    const start = lookahead.skipWhitespace(from);
    if (start >= lookahead.text.length) return undefined;
    return findSentenceEnd(lookahead, start);
  } catch (error) {
    if (error === NEED_MORE_INPUT) return NEED_MORE_INPUT;
    throw error;
  }
}

/** Lazily yields the sentences of a complete text; the first is available after reading little more than itself. */
export function* iterateSentenceSpans(text: string): Generator<SentenceSpan> {
  const lookahead = new Lookahead(text, true);
  let from = 0;
  for (;;) {
    const span = nextSentenceSpan(lookahead, from);
    if (span === undefined || span === NEED_MORE_INPUT) return;
    yield span;
    from = span.next;
  }
}

/**
 * Splits text pushed in chunks. `push` returns the sentences that are certain given the text so far, `flush` the
 * rest; the concatenation equals `splitSentences` of the whole text, whatever the chunking.
 */
export class SentenceSplitter {
  /**
   * Unconsumed text, starting at the start of the line the previous sentence ended on, so look-behind rules and
   * line-break rules see the same context as on the whole text.
   */
  #buffer = "";
  /** Source offset of `#buffer[0]`. */
  #offset = 0;
  /** Buffer index where the search for the next sentence starts. */
  #from = 0;
  #flushed = false;

  push(chunk: string): Sentence[] {
    if (this.#flushed) throw new Error("SentenceSplitter.push() after flush()");
    this.#buffer += chunk;
    return this.#drain(false);
  }

  flush(): Sentence[] {
    if (this.#flushed) return [];
    const sentences = this.#drain(true);
    this.#flushed = true;
    return sentences;
  }

  #drain(isFinal: boolean): Sentence[] {
    const lookahead = new Lookahead(this.#buffer, isFinal);
    const sentences: Sentence[] = [];
    let keepFrom = 0;
    for (;;) {
      const span = nextSentenceSpan(lookahead, this.#from);
      if (span === undefined || span === NEED_MORE_INPUT) break;
      sentences.push({
        start: this.#offset + span.start,
        end: this.#offset + span.end,
        text: displaySentence(this.#buffer.slice(span.start, span.end)),
      });
      this.#from = span.next;
      // Keep the whole source line the next sentence starts on: line-break rules read it (a block quote's "> ").
      keepFrom = Math.max(0, this.#buffer.lastIndexOf("\n", span.end - 1) + 1);
    }
    this.#buffer = this.#buffer.slice(keepFrom);
    this.#offset += keepFrom;
    this.#from -= keepFrom;
    return sentences;
  }
}

/** Splits a complete text into sentences, in order. */
export function splitSentences(text: string): Sentence[] {
  const splitter = new SentenceSplitter();
  return [...splitter.push(text), ...splitter.flush()];
}
