/**
 * Words that open a sentence and trail off in an ellipsis without ending it: "Well... I suppose so." is one sentence,
 * read with a pause, where "He paused... Then he spoke." is two. Lower case; one or two of them open the sentence.
 */
export const TRAILING_INTERJECTIONS: ReadonlySet<string> = new Set([
  "ah",
  "alright",
  "and",
  "anyway",
  "but",
  "eh",
  "er",
  "erm",
  "fine",
  "gosh",
  "hm",
  "hmm",
  "huh",
  "maybe",
  "nah",
  "no",
  "oh",
  "ok",
  "okay",
  "perhaps",
  "right",
  "so",
  "sure",
  "uh",
  "um",
  "umm",
  "well",
  "wow",
  "yeah",
  "yes",
]);

/** Whether `opening` (a sentence's text before its first ellipsis) is one or two of those words, and nothing else. */
export function isTrailingInterjection(opening: string): boolean {
  const words = opening
    .trim()
    .replace(/^["'“‘([]+/, "")
    .replace(/,$/, "")
    .split(/[\s,]+/)
    .filter(Boolean);
  return (
    words.length >= 1 && words.length <= 2 && words.every((word) => TRAILING_INTERJECTIONS.has(word.toLowerCase()))
  );
}
