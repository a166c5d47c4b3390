/**
 * Comparison measures of the G2P parity harness: phoneme edit distance, and a word alignment that names the words
 * where our phonemes differ from Misaki's. Pure functions; the harness (g2p-parity.ts) does the I/O.
 */

/** Levenshtein distance over code points (a phoneme symbol is one code point in Misaki's alphabet). */
export function editDistance(ours: string, reference: string): number {
  const a = Array.from(ours);
  const b = Array.from(reference);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** A word of Misaki's output: the source text it came from and its phonemes. */
export interface ReferenceWord {
  readonly text: string;
  readonly phonemes: string;
}

/** One word whose phonemes differ: the reference word's text, Misaki's phonemes and ours. */
export interface WordDifference {
  readonly text: string;
  readonly reference: string;
  readonly ours: string;
}

const PUNCTUATION = /[;:,.!?—…"“”()«»¡¿\-–]/gu;

/** Phoneme words of an output string: split on spaces, punctuation removed, empty pieces dropped. */
export function phonemeWords(phonemes: string): string[] {
  return phonemes
    .split(/\s+/u)
    .map((word) => word.replace(PUNCTUATION, ""))
    .filter(Boolean);
}

/**
 * Misaki's tokens flattened into phoneme words (a number token such as "1998" gives several), each labelled with
 * its token's text.
 */
export function referenceWords(tokens: readonly (readonly [string, string])[]): ReferenceWord[] {
  return tokens.flatMap(([text, phonemes]) => phonemeWords(phonemes).map((word) => ({ text, phonemes: word })));
}

/**
 * Aligns our phoneme words with Misaki's (longest common subsequence) and returns the differing words: within each
 * stretch between matches, words are paired in order; unpaired words count as differences against "" .
 */
export function differingWords(ours: readonly string[], reference: readonly ReferenceWord[]): WordDifference[] {
  const n = ours.length;
  const m = reference.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        ours[i] === reference[j]?.phonemes
          ? (lcs[i + 1]?.[j + 1] as number) + 1
          : Math.max(lcs[i + 1]?.[j] as number, row[j + 1] as number);
    }
  }
  const differences: WordDifference[] = [];
  let pendingOurs: string[] = [];
  let pendingReference: ReferenceWord[] = [];
  const flush = (): void => {
    const count = Math.max(pendingOurs.length, pendingReference.length);
    for (let k = 0; k < count; k++) {
      const word = pendingReference[k];
      differences.push({ text: word?.text ?? "(extra)", reference: word?.phonemes ?? "", ours: pendingOurs[k] ?? "" });
    }
    pendingOurs = [];
    pendingReference = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ours[i] === reference[j]?.phonemes) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || (lcs[i]?.[j + 1] as number) >= (lcs[i + 1]?.[j] as number))) {
      pendingReference.push(reference[j] as ReferenceWord);
      j++;
    } else {
      pendingOurs.push(ours[i] as string);
      i++;
    }
  }
  flush();
  return differences;
}
