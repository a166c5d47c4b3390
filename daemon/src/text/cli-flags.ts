/**
 * Command-line flags read as typed: "--no-emit" / "--noEmit" → "dash dash no emit", "-D" → "dash D", "-rf" →
 * "dash R F". Runs before punctuation folding, which would otherwise read "--" as a dash pause.
 */
import { identifierWords } from "./identifiers.js";
import { spellLetters } from "./spelling.js";

/** A long flag after a space, bracket, quote or `=` at the start of a word. */
const LONG_FLAG = /(?<=^|[\s([{"'=/|])--([A-Za-z][\w-]*)(?=$|[\s,.;:)\]}"'=/|])/g;
/** A short flag: one to three letters after a single dash, standing alone. */
const SHORT_FLAG = /(?<=^|[\s([{"'/|])-([A-Za-z]{1,3}|[A-Za-z]\d)(?=$|[\s,;:)\]}"'=/|]|\.(?:\s|$))/g;
/** A single-dash word option, as `find -exec` or `java -version` take them. */
const WORD_FLAG = /(?<=^|[\s([{"'/|])-([a-z]{4,}(?:-[a-z]+)*)(?=$|[\s,;:)\]}"'=/|]|\.(?:\s|$))/g;
/** "i++", "count--": increment and decrement after a name. */
const INCREMENT = /(?<=[A-Za-z_]\w*)(\+\+)(?=$|[\s;,.)\]])|(?<=\b[a-z])(--)(?=$|[\s;,)\]])/g;

/** Every rule here needs one of these; prose without them skips the stage. */
const FLAG_HINT = /(?:^|[\s([{"'=/|])-[A-Za-z-]|\+\+|[a-z]--/;

/** Rewrites long and short flags and increments. */
export function expandFlags(text: string): string {
  if (!FLAG_HINT.test(text)) return text;
  return text
    .replace(INCREMENT, (op) => (op === "++" ? " plus plus" : " minus minus"))
    .replace(LONG_FLAG, (_m, name = "") => `dash dash ${identifierWords(name)}`)
    .replace(SHORT_FLAG, (_m, letters = "") => `dash ${shortFlagWords(letters)}`)
    .replace(WORD_FLAG, (_m, name = "") => `dash ${identifierWords(name)}`);
}

function shortFlagWords(letters: string): string {
  const digits = letters.replace(/\D/g, "");
  return spellLetters(letters.replace(/\d/g, "")) + (digits === "" ? "" : ` ${digits}`);
}
