/**
 * The primer: the first segment is the first natural clause of the first sentence, so the first inference is the
 * smallest one and audio starts early (lessons §10 rule 7). A short first sentence is the primer as a whole.
 */

/** A first sentence of at most this many words is not cut. */
const PRIMER_MAX_WORDS = 8;
/** A clause shorter than this is too short to sound natural on its own ("Well,"). */
const PRIMER_MIN_WORDS = 2;
/** Beyond this many words, a cut is made before a conjunction or preposition rather than waiting for punctuation. */
const PRIMER_CLAUSE_MAX_WORDS = 16;

/** Words before which a long clause can pause naturally. */
const PHRASE_STARTS = new Set([
  "and",
  "but",
  "or",
  "so",
  "because",
  "which",
  "that",
  "when",
  "while",
  "where",
  "with",
  "without",
  "after",
  "before",
  "since",
  "until",
  "although",
  "though",
  "if",
  "for",
  "to",
  "in",
  "on",
]);

interface Word {
  readonly text: string;
  /** Offset just after the word and the whitespace that follows it. */
  readonly next: number;
}

function wordsOf(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const pattern = /(\S+)\s*/g;
  pattern.lastIndex = start;
  const span = text.slice(0, end);
  for (let match = pattern.exec(span); match; match = pattern.exec(span)) {
    words.push({ text: match[1] ?? "", next: match.index + match[0].length });
  }
  return words;
}

/**
 * Where to cut the first sentence `[start, end)` of `text` so that its head is the primer, or `undefined` to keep
 * the sentence whole. The cut is a source offset after a clause's punctuation and the whitespace that follows.
 */
export function findPrimerCut(text: string, start: number, end: number): number | undefined {
  const words = wordsOf(text, start, end);
  if (words.length <= PRIMER_MAX_WORDS) return undefined;
  const lastCandidate = Math.min(words.length - PRIMER_MIN_WORDS, PRIMER_CLAUSE_MAX_WORDS);
  // A short head first: punctuation, then a phrase start, within the first few words; only then a longer clause.
  // (A first clause of 14 words full of numbers is a long first inference.)
  return (
    punctuationCut(words, Math.min(lastCandidate, PRIMER_MAX_WORDS)) ??
    phraseCut(words, Math.min(lastCandidate, PRIMER_MAX_WORDS)) ??
    punctuationCut(words, lastCandidate) ??
    phraseCut(words, lastCandidate)
  );
}

/** After the first clause punctuation (or dash) among the words before `limit`. */
function punctuationCut(words: readonly Word[], limit: number): number | undefined {
  for (let index = PRIMER_MIN_WORDS - 1; index < limit; index += 1) {
    const word = words[index];
    if (word && /[,;:—–]["'”’)]*$/.test(word.text)) return word.next;
    if (words[index + 1]?.text === "—" || words[index + 1]?.text === "-") return words[index + 1]?.next;
  }
  return undefined;
}

/** Before the first conjunction or preposition after a few words, among the words before `limit`. */
function phraseCut(words: readonly Word[], limit: number): number | undefined {
  for (let index = 3; index < limit; index += 1) {
    const following = words[index + 1]?.text.toLowerCase();
    if (following && PHRASE_STARTS.has(following)) return words[index]?.next;
  }
  return undefined;
}
