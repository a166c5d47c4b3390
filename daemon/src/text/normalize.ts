/**
 * The normalization pipeline: one sentence (or line) of source text in, the words a careful reader would say out.
 * Each step is one family of rules; the order is the point of this file. Source → spoken never changes sentence
 * structure, so the splitter can run on the source first and keep source offsets.
 */
import { expandAbbreviations } from "./abbreviations.js";
import { cleanCharacters } from "./clean.js";
import { expandFlags } from "./cli-flags.js";
import { expandCodeLiterals, expandCodeNumbers } from "./code-numbers.js";
import type { TextCounters } from "./counters.js";
import { expandCurrency } from "./currency.js";
import { expandDates } from "./dates.js";
import { expandIdentifiers } from "./identifiers.js";
import { expandInitialisms } from "./initialisms.js";
import { expandKeyCombos, expandKeySymbols } from "./keys.js";
import { joinLines } from "./line-joins.js";
import { stripMarkdown } from "./markdown.js";
import { expandNumbers } from "./numbers.js";
import { expandOperators } from "./operators.js";
import { expandPackages } from "./packages.js";
import { expandPaths } from "./paths.js";
import { expandPhoneNumbers } from "./phone-numbers.js";
import { foldPunctuation, readSymbols, tidySpacing } from "./punctuation.js";
import { expandRomanNumerals } from "./roman-numerals.js";
import { expandTimes } from "./times.js";
import { expandUnits } from "./units.js";
import { expandAddresses } from "./urls.js";
import { expandStates } from "./us-states.js";
import { expandVersions } from "./versions.js";

/** Turns source text into spoken-word text. `counters`, when given, records what was cleaned or dropped. */
export function normalizeText(text: string, counters?: TextCounters): string {
  // Key symbols before cleanup: "↩" also counts as an emoji.
  let spoken = expandKeySymbols(text);
  spoken = cleanCharacters(spoken, counters);
  spoken = stripMarkdown(spoken);
  spoken = joinLines(spoken);
  spoken = expandKeyCombos(spoken);
  // Developer text that punctuation folding or addresses would misread: "pkg@1.2.3" is no e-mail, "--flag" no dash.
  spoken = expandPackages(spoken);
  spoken = expandFlags(spoken);
  spoken = foldPunctuation(spoken);
  // Before addresses, which would read "#FF0000" as a hashtag.
  spoken = expandCodeLiterals(spoken);
  // Addresses before the other word rules: they contain dots, digits and @ that every later rule would misread.
  spoken = expandAddresses(spoken);
  // Code forms before dates and numbers: ports, paths, dotted names and operators hold digits, dots and slashes.
  spoken = expandCodeNumbers(spoken);
  spoken = expandPaths(spoken);
  spoken = expandIdentifiers(spoken);
  spoken = expandOperators(spoken);
  spoken = expandStates(spoken);
  // Patterns with more structure before plain numbers: each leaves words, never digits.
  spoken = expandDates(spoken);
  spoken = expandTimes(spoken);
  spoken = expandPhoneNumbers(spoken);
  spoken = expandCurrency(spoken);
  spoken = expandVersions(spoken);
  spoken = expandUnits(spoken);
  // Abbreviations look at neighbouring digits ("No. 5", "5th St."), so they run before the digits become words.
  spoken = expandAbbreviations(spoken);
  spoken = expandNumbers(spoken);
  // Roman numerals before initialisms, or "VIII" would be spelled.
  spoken = expandRomanNumerals(spoken);
  spoken = expandInitialisms(spoken);
  spoken = readSymbols(spoken, counters);
  return tidySpacing(spoken);
}

/** Gives spoken text that ends a sentence its final punctuation, which the model reads as falling intonation. */
export function ensureSentenceEnd(spoken: string): string {
  if (spoken === "" || /[.!?…]["')]*$/.test(spoken)) return spoken;
  return `${spoken.replace(/[\s,;:—-]+$/, "")}.`;
}
