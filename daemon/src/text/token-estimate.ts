/**
 * A conservative phoneme-token count for spoken text, used until G2P supplies the real one. It must not
 * under-count, or a segment could exceed the model's 510 tokens: English spelling rarely has more phonemes than
 * letters, so letters count a little over one, each word one more for its stress mark, and other scripts (read by
 * the fallback, letter by letter at worst) several.
 */
const LETTER_TOKENS = 1.2;
const STRESS_TOKENS_PER_WORD = 1;
const NON_LATIN_LETTER_TOKENS = 6;

export function estimatePhonemeTokens(spoken: string): number {
  let tokens = 0;
  for (const char of spoken) {
    if (/\p{Script=Latin}/u.test(char)) tokens += LETTER_TOKENS;
    else if (/\p{L}/u.test(char)) tokens += NON_LATIN_LETTER_TOKENS;
    else tokens += 1;
  }
  const words = spoken.match(/\p{L}+/gu)?.length ?? 0;
  return Math.ceil(tokens + words * STRESS_TOKENS_PER_WORD);
}
