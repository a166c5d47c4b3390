/**
 * Operators from code read by name: "==" → "double equals", "!=" → "not equals", "<=" → "less than or equal to",
 * "=>" → "arrow", "&&" → "and", "||" → "or", "!ready" → "not ready", "Promise<void>" → "Promise of void". Version
 * ranges (">=18") were read before this step.
 */

const OPERATORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\s*===\s*/g, " triple equals "],
  [/\s*!==\s*/g, " not double equals "],
  [/\s*==\s*/g, " double equals "],
  [/\s*!=\s*/g, " not equals "],
  [/\s*<=\s*/g, " less than or equal to "],
  [/\s*>=\s*/g, " greater than or equal to "],
  [/\s*=>\s*/g, " arrow "],
  [/\s*&&\s*/g, " and "],
  [/\s*\|\|\s*/g, " or "],
  [/\s*\+=\s*/g, " plus equals "],
  [/(?<=\w)\s*-=\s*/g, " minus equals "],
  [/\s*\*=\s*/g, " times equals "],
  [/\s*\?\?\s*/g, " or else "],
  [/(?<=\w)::(?=\w)/g, " "],
  [/(?<=\w)\s+<\s+(?=\w)/g, " less than "],
  [/(?<=\w)\s+>\s+(?=\w)/g, " greater than "],
  // Generic types: "Promise<void>", "Map<string, number>".
  [/(?<=\w)<([\w\s,.[\]]+)>/g, " of $1 "],
  [/(?<=^|[\s(])!(?=[A-Za-z_$])/g, "not "],
];

/** Rewrites operators and generic type brackets. */
export function expandOperators(text: string): string {
  return OPERATORS.reduce((current, [pattern, words]) => current.replace(pattern, words), text);
}
