/**
 * Splits a sentence that is over the token budget into pieces that fit, without losing a character: cuts go after
 * the strongest punctuation that fits (`. ! ? … ; :`, then `, — –`), then at a space, and only for a single run
 * longer than the budget between two code points (kokoro-model.md §5). Cuts are source offsets; each piece keeps
 * the whitespace that follows it.
 */

/** Whether the source span `[start, end)` fits the budget once normalized and measured. */
export type FitsBudget = (start: number, end: number) => boolean;

interface Cut {
  readonly at: number;
  /** 1 = sentence-like punctuation, 2 = clause punctuation, 3 = a space. */
  readonly tier: 1 | 2 | 3;
}

/** Candidate cuts after each run of whitespace in `[start, end)`, in order, lazily (a sentence may be huge). */
function* cutsIn(text: string, start: number, end: number): Generator<Cut> {
  const pattern = /\s+/g;
  pattern.lastIndex = start;
  for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
    const at = match.index + match[0].length;
    if (at >= end) return;
    const tail = ` ${text.slice(Math.max(start, match.index - 6), match.index)}`;
    const tier = /[.!?…;:]["'”’)\]]*$/.test(tail) ? 1 : /[,—–]["'”’)\]]*$|\s[-—–]$/.test(tail) ? 2 : 3;
    yield { at, tier };
  }
}

/** The longest prefix of `[start, end)` that fits, cut between code points; at least one code point. */
function hardCut(text: string, start: number, end: number, fits: FitsBudget): number {
  let low = start + 1;
  let high = end;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(start, middle)) low = middle;
    else high = middle - 1;
  }
  // Never split a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(low - 1)) && low < end ? low + 1 : low;
  return Math.max(cut, start + 1);
}

/**
 * The candidate cuts of `[pieceStart, end)` that fit, found by galloping then bisecting, so a huge sentence costs
 * a logarithmic number of `fits` calls per piece. Assumes a longer prefix never measures fewer tokens.
 */
function fittingCuts(
  text: string,
  pieceStart: number,
  end: number,
  fits: FitsBudget,
): { fitting: Cut[]; allFit: boolean; first?: Cut } {
  const source = cutsIn(text, pieceStart, end);
  const candidates: Cut[] = [];
  const candidateAt = (index: number): Cut | undefined => {
    while (candidates.length <= index) {
      const next = source.next();
      if (next.done) return undefined;
      candidates.push(next.value);
    }
    return candidates[index];
  };
  let lastFit = -1;
  let firstMiss: number;
  for (let probe = 0; ; probe = probe * 2 + 1) {
    const candidate = candidateAt(probe);
    if (!candidate) {
      firstMiss = candidates.length;
      break;
    }
    if (!fits(pieceStart, candidate.at)) {
      firstMiss = probe;
      break;
    }
    lastFit = probe;
  }
  while (firstMiss - lastFit > 1) {
    const middle = (lastFit + firstMiss) >> 1;
    if (fits(pieceStart, candidates[middle]?.at ?? end)) lastFit = middle;
    else firstMiss = middle;
  }
  const first = candidates[0];
  const fitting = candidates.slice(0, lastFit + 1);
  const allFit = fitting.length === candidates.length;
  return first === undefined ? { fitting, allFit } : { fitting, allFit, first };
}

/** Source offsets where `[start, end)` is cut so every piece fits; empty when it fits already. */
export function splitToBudget(text: string, start: number, end: number, fits: FitsBudget): number[] {
  const cuts: number[] = [];
  if (fits(start, end)) return cuts;
  for (let pieceStart = start; ;) {
    const { fitting, first, allFit } = fittingCuts(text, pieceStart, end, fits);
    // Measure the whole remainder only when every cut in it fits: measuring a huge remainder once per piece would
    // make a long sentence without punctuation quadratic.
    if (pieceStart > start && allFit && fits(pieceStart, end)) return cuts;
    const lastOfTier = (tier: Cut["tier"]): number | undefined => fitting.findLast((cut) => cut.tier === tier)?.at;
    const next = lastOfTier(1) ?? lastOfTier(2) ?? lastOfTier(3) ?? hardCut(text, pieceStart, first?.at ?? end, fits);
    cuts.push(next);
    pieceStart = next;
  }
}
