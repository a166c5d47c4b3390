/**
 * Misaki's suffix rules for words the lexicon lacks but whose stem it knows (kokoro-model.md §8.9): -s/-es/-'s,
 * -ed and -ing, with the phonemes of the ending chosen from the stem's last sound.
 */

import { US_FLAP_CONTEXT, type Variant } from "./phoneme-sets.js";

/** Looks a stem up (with its own stress); undefined when unknown. */
export type StemLookup = (stem: string) => string | undefined;

function appendS(stem: string, variant: Variant): string {
  const last = Array.from(stem).at(-1) ?? "";
  if ("ptkfθ".includes(last)) return `${stem}s`;
  if ("szʃʒʧʤ".includes(last)) return `${stem}${variant === "en-us" ? "ᵻ" : "ɪ"}z`;
  return `${stem}z`;
}

function appendEd(stem: string, variant: Variant): string {
  const symbols = Array.from(stem);
  const last = symbols.at(-1) ?? "";
  if ("pkfθʃsʧ".includes(last)) return `${stem}t`;
  if (last === "d") return `${stem}${variant === "en-us" ? "ᵻ" : "ɪ"}d`;
  if (last !== "t") return `${stem}d`;
  if (variant === "en-gb" || symbols.length < 2) return `${stem}ɪd`;
  if (US_FLAP_CONTEXT.has(symbols.at(-2) ?? "")) return `${symbols.slice(0, -1).join("")}ɾᵻd`;
  return `${stem}ᵻd`;
}

function appendIng(stem: string, variant: Variant): string | undefined {
  const symbols = Array.from(stem);
  const last = symbols.at(-1) ?? "";
  if (variant === "en-gb") return "əː".includes(last) ? undefined : `${stem}ɪŋ`;
  if (last === "t" && US_FLAP_CONTEXT.has(symbols.at(-2) ?? "")) return `${symbols.slice(0, -1).join("")}ɾɪŋ`;
  return `${stem}ɪŋ`;
}

/** cats, boxes, John's, cities. Word is lowercase. */
export function resolvePlural(word: string, lookup: StemLookup, variant: Variant): string | undefined {
  if (word.length < 3 || !word.endsWith("s")) return undefined;
  const candidates: string[] = [];
  if (!word.endsWith("ss")) candidates.push(word.slice(0, -1));
  if (word.endsWith("'s") || (word.length > 4 && word.endsWith("es") && !word.endsWith("ies"))) {
    candidates.push(word.slice(0, -2));
  }
  if (word.length > 4 && word.endsWith("ies")) candidates.push(`${word.slice(0, -3)}y`);
  for (const stem of candidates) {
    const phonemes = lookup(stem);
    if (phonemes) return appendS(phonemes, variant);
  }
  return undefined;
}

/** walked, wanted, hoped. Word is lowercase. */
export function resolvePast(word: string, lookup: StemLookup, variant: Variant): string | undefined {
  if (word.length < 4 || !word.endsWith("d")) return undefined;
  const candidates: string[] = [];
  if (!word.endsWith("dd")) candidates.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith("ed") && !word.endsWith("eed")) candidates.push(word.slice(0, -2));
  for (const stem of candidates) {
    const phonemes = lookup(stem);
    if (phonemes) return appendEd(phonemes, variant);
  }
  return undefined;
}

const DOUBLED_CONSONANT_ING = /([bcdgklmnprstvxz])\1ing$|cking$/;

/** walking, making, running. Word is lowercase. */
export function resolveProgressive(word: string, lookup: StemLookup, variant: Variant): string | undefined {
  if (word.length < 5 || !word.endsWith("ing")) return undefined;
  const candidates: string[] = [];
  if (word.length > 5) candidates.push(word.slice(0, -3));
  candidates.push(`${word.slice(0, -3)}e`);
  if (word.length > 5 && DOUBLED_CONSONANT_ING.test(word)) candidates.push(word.slice(0, -4));
  for (const stem of candidates) {
    const phonemes = lookup(stem);
    if (phonemes) return appendIng(phonemes, variant);
  }
  return undefined;
}

/** Tries -s, then -ed, then -ing, as Misaki does. */
export function resolveInflection(word: string, lookup: StemLookup, variant: Variant): string | undefined {
  return (
    resolvePlural(word, lookup, variant) ??
    resolvePast(word, lookup, variant) ??
    resolveProgressive(word, lookup, variant)
  );
}
