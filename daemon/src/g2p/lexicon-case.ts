/**
 * Misaki's case rule for lexicon keys (`Lexicon.grow_dictionary` in misaki/en.py): a lowercase key also answers for
 * its Capitalised form, and a Capitalised key for its lowercase form, unless that form has an entry of its own.
 * Shared by the build (to drop entries the rule re-creates) and by lookups at run time.
 */

/** The other-case form a word may borrow an entry from, or undefined (one letter, ALL-CAPS, mixed case). */
export function caseVariant(word: string): string | undefined {
  if (Array.from(word).length < 2) return undefined;
  const lower = word.toLowerCase();
  const capitalized = capitalize(lower);
  if (word === lower) return capitalized === word ? undefined : capitalized;
  return word === capitalized ? lower : undefined;
}

/** Python's `str.capitalize`: first character upper, the rest lower. */
export function capitalize(word: string): string {
  const [first = "", ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join("").toLowerCase();
}

/** Looks a word up by Misaki's case rule: the exact key first, then its other-case form. */
export function lookupWithCase<T>(word: string, lookup: (key: string) => T | undefined): T | undefined {
  const exact = lookup(word);
  if (exact !== undefined) return exact;
  const variant = caseVariant(word);
  return variant === undefined ? undefined : lookup(variant);
}
