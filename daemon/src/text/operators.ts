/**
 * Operators from code read by name: "==" → "double equals", "!=" → "not equals", "<=" → "less than or equal to",
 * "=>" → "arrow", "&&" → "and", "||" → "or", "!ready" → "not ready", "Promise<void>" → "Promise of void". Version
 * ranges (">=18") were read before this step.
 */

/** Two- and three-character operators, longest first so "===" is not read as "==" then "=". */
const OPERATOR_WORDS: ReadonlyMap<string, string> = new Map([
  ["===", "triple equals"],
  ["!==", "not double equals"],
  ["==", "double equals"],
  ["!=", "not equals"],
  ["<=", "less than or equal to"],
  [">=", "greater than or equal to"],
  ["=>", "arrow"],
  ["&&", "and"],
  ["||", "or"],
  ["+=", "plus equals"],
  ["*=", "times equals"],
  ["??", "or else"],
]);

/**
 * One pass for all of them (a regex per operator, each trying every position, cost a third of the stage's time on
 * prose). The spaces around an operator are part of the match so the words stand apart.
 */
const OPERATOR = /[ \t]*(===|!==|==|!=|<=|>=|=>|&&|\|\||\+=|\*=|\?\?)[ \t]*/g;
/** Rules with context of their own, applied only when their character occurs. */
const CONTEXT_RULES: ReadonlyArray<readonly [trigger: string, pattern: RegExp, words: string]> = [
  ["-=", /(?<=\w)\s*-=\s*/g, " minus equals "],
  ["::", /(?<=\w)::(?=\w)/g, " "],
  ["<", /(?<=\w)\s+<\s+(?=\w)/g, " less than "],
  [">", /(?<=\w)\s+>\s+(?=\w)/g, " greater than "],
  // Generic types: "Promise<void>", "Map<string, number>".
  ["<", /(?<=\w)<([\w\s,.[\]]+)>/g, " of $1 "],
  ["!", /(?<=^|[\s(])!(?=[A-Za-z_$])/g, "not "],
];

/** Rewrites operators and generic type brackets. */
export function expandOperators(text: string): string {
  let spoken = text.replace(OPERATOR, (_m, operator = "") => ` ${OPERATOR_WORDS.get(operator) ?? operator} `);
  for (const [trigger, pattern, words] of CONTEXT_RULES) {
    if (spoken.includes(trigger)) spoken = spoken.replace(pattern, words);
  }
  return spoken;
}
