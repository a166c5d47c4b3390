/**
 * The G2P pipeline: spoken text → tokens → words resolved right to left (lexicon, rules, then one batched espeak
 * call per segment for the rest) → one phoneme string with punctuation and word spaces kept, the v1.0 replacements
 * applied, and every symbol outside the Kokoro vocabulary reported instead of silently dropped.
 */

import type { Fallback } from "./espeak-fallback.js";
import type { Lexicon } from "./lexicon.js";
import type { Variant } from "./phoneme-sets.js";
import { resolveWord, startsWithVowel, type UserLexicon, type WordContext } from "./resolve-word.js";
import { isSpelledTensNumber } from "./number-words.js";
import { isSpellable, spellWord } from "./spell.js";
import { applyStress, balanceCompoundStress } from "./stress.js";
import { tokenize, type Token } from "./tokenize.js";
import { filterToVocab } from "./vocab-filter.js";

export interface G2PResult {
  /** The string the engine tokenises: phonemes, word spaces and punctuation. */
  readonly phonemes: string;
  /** Words (in order, unique) that only the espeak fallback could pronounce. */
  readonly fallbackWords: string[];
  /** Characters that could not be pronounced or are outside the Kokoro vocabulary (unique). */
  readonly unknownSymbols: string[];
}

export interface G2PStats {
  readonly words: number;
  readonly fallbackWords: number;
}

export interface G2P {
  /** Phonemises normalised spoken text. Never throws on odd input. */
  phonemize(spokenText: string, variant: Variant): Promise<G2PResult>;
  /**
   * The same without awaiting: undefined when a fallback is configured and some word needs it (then call
   * `phonemize`). Without a fallback, unresolvable words are spelled or reported, as `phonemize` does.
   */
  phonemizeSync(spokenText: string, variant: Variant): G2PResult | undefined;
  /** Replaces the user lexicon (for example after its file changed). */
  setUserLexicon(userLexicon: UserLexicon | undefined): void;
  /** Running totals since creation; telemetry derives the fallback rate from them. */
  stats(): G2PStats;
}

export interface G2POptions {
  readonly lexicons: Partial<Record<Variant, Lexicon>>;
  readonly fallback?: Fallback;
  readonly userLexicon?: UserLexicon;
}

/** A word to pronounce: a word token, or an inline override that names phonemes or a stress. */
interface WordUnit {
  readonly tokenIndex: number;
  readonly text: string;
  readonly parts: readonly string[];
  readonly phonemes?: string;
  readonly stress?: number;
}

function wordUnits(tokens: readonly Token[]): WordUnit[] {
  const units: WordUnit[] = [];
  tokens.forEach((token, tokenIndex) => {
    if (token.kind === "word") units.push({ tokenIndex, text: token.text, parts: token.parts });
    else if (token.kind === "override") {
      const parts = token.text.split(/[-‐_\s]/u).filter(Boolean);
      units.push({ tokenIndex, text: token.text, parts, phonemes: token.phonemes, stress: token.stress });
    }
  });
  return units;
}

/** Whether only a space lies between two token positions (context does not cross punctuation). */
function areAdjacent(tokens: readonly Token[], left: number, right: number): boolean {
  for (let i = left + 1; i < right; i++) if (tokens[i]?.kind !== "space") return false;
  return true;
}

/** Punctuation that ends Misaki's look-ahead (`NON_QUOTE_PUNCTS`); quotes and brackets let it through. */
const CONTEXT_BREAKS: ReadonlySet<string> = new Set([";", ":", ",", ".", "!", "?", "—", "…"]);

/** Whether a context-breaking punctuation mark lies between two token positions. */
function isBrokenBetween(tokens: readonly Token[], left: number, right: number): boolean {
  for (let i = left + 1; i < right; i++) {
    const token = tokens[i];
    if (token?.kind === "punctuation" && CONTEXT_BREAKS.has(token.text)) return true;
  }
  return false;
}

function resolveParts(unit: WordUnit, context: WordContext, lexicon: Lexicon, user?: UserLexicon): string | undefined {
  const resolved: { text: string; phonemes: string }[] = [];
  unit.parts.forEach((part, index) => {
    const isFirst = index === 0;
    const isLast = index === unit.parts.length - 1;
    const partContext: WordContext = {
      previousWord: isFirst ? context.previousWord : undefined,
      secondPreviousWord: isFirst ? context.secondPreviousWord : undefined,
      nextWord: isLast ? context.nextWord : unit.parts[index + 1]?.toLowerCase(),
      nextPhonemes: isLast ? context.nextPhonemes : undefined,
    };
    const word = resolveWord(part, partContext, lexicon, user);
    if (word) resolved.push({ text: part, phonemes: word.phonemes });
  });
  if (resolved.length !== unit.parts.length || resolved.length === 0) return undefined;
  // Misaki reads a number's words separately (num2words), not as a compound.
  if (isSpelledTensNumber(unit.parts)) return resolved.map((part) => part.phonemes).join(" ");
  return resolved.length === 1 ? resolved[0]?.phonemes : balanceCompoundStress(resolved).join("");
}

/** Kokoro v1.0 was trained without Misaki's flap and glottal stop symbols (§8.11). */
function applyV1Replacements(phonemes: string): string {
  return phonemes.replaceAll("ɾ", "T").replaceAll("ʔ", "t");
}

/** Creates a G2P over loaded lexicons; no I/O happens after this. */
export function createG2P(options: G2POptions): G2P {
  let userLexicon = options.userLexicon;
  let totalWords = 0;
  let totalFallbackWords = 0;

  function lexiconFor(variant: Variant): Lexicon {
    const lexicon = options.lexicons[variant];
    if (!lexicon) throw new RangeError(`no lexicon loaded for ${variant}`);
    return lexicon;
  }

  /** Words no rule resolves without context; they go to the fallback together. */
  function findUnresolved(units: readonly WordUnit[], lexicon: Lexicon): string[] {
    const unresolved = units
      .filter((unit) => unit.phonemes === undefined && resolveParts(unit, {}, lexicon, userLexicon) === undefined)
      .map((unit) => unit.text);
    return [...new Set(unresolved)];
  }

  function assemble(
    tokens: readonly Token[],
    units: readonly WordUnit[],
    lexicon: Lexicon,
    fallbackPhonemes: ReadonlyMap<string, string>,
  ): G2PResult {
    const phonemesByToken = new Map<number, string>();
    const fallbackWords: string[] = [];
    const unpronounced = new Set<number>();
    let next: { unit: WordUnit; phonemes: string } | undefined;
    // Misaki's look-ahead: the nearest following word with a sound (ɐ alone has none), up to a context break.
    let future: { tokenIndex: number; phonemes: string } | undefined;
    for (let i = units.length - 1; i >= 0; i--) {
      const unit = units[i] as WordUnit;
      const previous = units[i - 1];
      const secondPrevious = units[i - 2];
      const previousAdjacent = previous !== undefined && areAdjacent(tokens, previous.tokenIndex, unit.tokenIndex);
      const context: WordContext = {
        previousWord: previousAdjacent ? previous.text.toLowerCase() : undefined,
        secondPreviousWord:
          previousAdjacent && secondPrevious && areAdjacent(tokens, secondPrevious.tokenIndex, previous.tokenIndex)
            ? secondPrevious.text.toLowerCase()
            : undefined,
        nextWord:
          next && areAdjacent(tokens, unit.tokenIndex, next.unit.tokenIndex) ? next.unit.text.toLowerCase() : undefined,
        nextPhonemes:
          future && !isBrokenBetween(tokens, unit.tokenIndex, future.tokenIndex) ? future.phonemes : undefined,
      };
      let phonemes = unit.phonemes ?? resolveParts(unit, context, lexicon, userLexicon);
      if (phonemes === undefined) {
        phonemes = fallbackPhonemes.get(unit.text);
        if (phonemes !== undefined) fallbackWords.unshift(unit.text);
      }
      if (phonemes === undefined && isSpellable(unit.text)) phonemes = spellWord(unit.text, lexicon);
      if (phonemes === undefined) {
        unpronounced.add(unit.tokenIndex);
        phonemes = "";
      }
      if (unit.stress !== undefined && unit.phonemes === undefined) phonemes = applyStress(phonemes, unit.stress);
      phonemesByToken.set(unit.tokenIndex, phonemes);
      next = { unit, phonemes };
      if (startsWithVowel(phonemes) !== undefined) future = { tokenIndex: unit.tokenIndex, phonemes };
    }
    let text = "";
    const unknown = new Set<string>();
    tokens.forEach((token, index) => {
      if (token.kind === "space") text += " ";
      else if (token.kind === "punctuation") text += token.text;
      else if (token.kind === "unknown") unknown.add(token.text);
      else if (unpronounced.has(index)) for (const char of token.text) unknown.add(char);
      else text += phonemesByToken.get(index) ?? "";
    });
    const filtered = filterToVocab(applyV1Replacements(text.replace(/ {2,}/g, " ").trim()));
    for (const symbol of filtered.unknownSymbols) unknown.add(symbol);
    totalWords += units.length;
    totalFallbackWords += fallbackWords.length;
    return { phonemes: filtered.phonemes, fallbackWords: [...new Set(fallbackWords)], unknownSymbols: [...unknown] };
  }

  return {
    async phonemize(spokenText, variant) {
      const lexicon = lexiconFor(variant);
      const tokens = tokenize(spokenText);
      const units = wordUnits(tokens);
      const unresolved = findUnresolved(units, lexicon);
      let fallbackPhonemes = new Map<string, string>();
      if (unresolved.length > 0 && options.fallback) {
        fallbackPhonemes = await options.fallback.phonemizeWords(unresolved, variant);
      }
      return assemble(tokens, units, lexicon, fallbackPhonemes);
    },
    phonemizeSync(spokenText, variant) {
      const lexicon = lexiconFor(variant);
      const tokens = tokenize(spokenText);
      const units = wordUnits(tokens);
      const unresolved = findUnresolved(units, lexicon);
      if (unresolved.length > 0 && options.fallback) return undefined;
      return assemble(tokens, units, lexicon, new Map());
    },
    setUserLexicon(next) {
      userLexicon = next;
    },
    stats: () => ({ words: totalWords, fallbackWords: totalFallbackWords }),
  };
}
