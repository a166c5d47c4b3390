/**
 * Misaki's stress adjustment (`apply_stress` in misaki/en.py, kokoro-model.md §8.6). Stress marks sit immediately
 * before the stressed vowel; a mark added to an unmarked word moves to just before its first vowel.
 */

import { HEAVY_SYMBOLS, PRIMARY_STRESS, SECONDARY_STRESS, VOWELS } from "./phoneme-sets.js";

function hasStress(phonemes: string): boolean {
  return phonemes.includes(PRIMARY_STRESS) || phonemes.includes(SECONDARY_STRESS);
}

function hasVowel(phonemes: string): boolean {
  for (const symbol of phonemes) if (VOWELS.has(symbol)) return true;
  return false;
}

/** Puts `mark` right before the first vowel (the caller checked there is one). */
function markFirstVowel(phonemes: string, mark: string): string {
  const symbols = Array.from(phonemes);
  const index = symbols.findIndex((symbol) => VOWELS.has(symbol));
  symbols.splice(index, 0, mark);
  return symbols.join("");
}

/**
 * Adjusts stress by Misaki's stress value: below −1 removes all marks; −1 (or 0/−0.5 with a primary) keeps one
 * level of secondary stress; 0–1 gives an unmarked word a secondary; ≥ 1 promotes secondaries when no primary
 * exists; above 1 gives an unmarked word a primary. `undefined` leaves the phonemes alone.
 */
export function applyStress(phonemes: string, stress: number | undefined): string {
  if (stress === undefined) return phonemes;
  if (stress < -1) return phonemes.replaceAll(PRIMARY_STRESS, "").replaceAll(SECONDARY_STRESS, "");
  if (stress === -1 || ((stress === 0 || stress === -0.5) && phonemes.includes(PRIMARY_STRESS))) {
    return phonemes.replaceAll(SECONDARY_STRESS, "").replaceAll(PRIMARY_STRESS, SECONDARY_STRESS);
  }
  if ((stress === 0 || stress === 0.5 || stress === 1) && !hasStress(phonemes)) {
    return hasVowel(phonemes) ? markFirstVowel(phonemes, SECONDARY_STRESS) : phonemes;
  }
  if (stress >= 1 && !phonemes.includes(PRIMARY_STRESS) && phonemes.includes(SECONDARY_STRESS)) {
    return phonemes.replaceAll(SECONDARY_STRESS, PRIMARY_STRESS);
  }
  if (stress > 1 && !hasStress(phonemes)) {
    return hasVowel(phonemes) ? markFirstVowel(phonemes, PRIMARY_STRESS) : phonemes;
  }
  return phonemes;
}

/** Misaki's `stress_weight`: symbol count with diphthongs and affricates counting two. */
export function stressWeight(phonemes: string): number {
  let weight = 0;
  for (const symbol of phonemes) weight += HEAVY_SYMBOLS.has(symbol) ? 2 : 1;
  return weight;
}

/**
 * Balances the stress of a word written as several parts without spaces (hyphenated compounds, Misaki
 * `resolve_tokens`): a one-letter first part demotes the second; when more than half the parts carry a primary
 * stress, the weaker half (no primary first, then lighter) is demoted to secondary.
 */
export function balanceCompoundStress(parts: readonly { text: string; phonemes: string }[]): string[] {
  const balanced = parts.map((part) => part.phonemes);
  if (parts.length === 2 && Array.from(parts[0]?.text ?? "").length === 1) {
    balanced[1] = applyStress(balanced[1] ?? "", -0.5);
    return balanced;
  }
  const primaryCount = balanced.filter((part) => part.includes(PRIMARY_STRESS)).length;
  if (primaryCount * 2 <= balanced.length) return balanced;
  const order = balanced
    .map((part, index) => ({ index, primary: part.includes(PRIMARY_STRESS), weight: stressWeight(part) }))
    .sort((a, b) => Number(a.primary) - Number(b.primary) || a.weight - b.weight);
  for (const { index } of order.slice(0, Math.floor(balanced.length / 2))) {
    balanced[index] = applyStress(balanced[index] ?? "", -0.5);
  }
  return balanced;
}
