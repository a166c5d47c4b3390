/**
 * Letters that are spelled versus acronyms that are words: "U.S." and "FBI" are spelled ("U-S", "F-B-I"), "NASA" is
 * read as a word. Text in capitals throughout (a warning label) is left to G2P instead of being spelled.
 */
import { spellLetters } from "./spelling.js";

/** Capitalised words read as words, with the spelling G2P should see. */
const ACRONYM_WORDS: Readonly<Record<string, string>> = {
  NASA: "NASA",
  NATO: "NATO",
  UNESCO: "UNESCO",
  UNICEF: "UNICEF",
  OPEC: "OPEC",
  FEMA: "FEMA",
  NAFTA: "NAFTA",
  FIFA: "FIFA",
  AIDS: "AIDS",
  COVID: "Covid",
  SCUBA: "scuba",
  LASER: "laser",
  RADAR: "radar",
  SONAR: "sonar",
  GIF: "gif",
  JPEG: "jay peg",
  PIN: "pin",
  RAM: "ram",
  ROM: "rom",
  SIM: "sim",
  ASAP: "ASAP",
  OK: "okay",
  YOLO: "yolo",
  LEGO: "Lego",
  IKEA: "Ikea",
  ASCII: "ASCII",
  JSON: "jason",
  YAML: "yamel",
  GUI: "gooey",
  SWAT: "swat",
  TED: "Ted",
  CAPTCHA: "captcha",
  NASDAQ: "Nasdaq",
  // Developer words written in capitals: HTTP methods, log levels, code-comment tags, variables and file names.
  GET: "get",
  POST: "post",
  PUT: "put",
  PATCH: "patch",
  DELETE: "delete",
  HEAD: "head",
  QUERY: "query",
  STDIN: "standard in",
  STDOUT: "standard out",
  STDERR: "standard error",
  TODO: "to do",
  FIXME: "fix me",
  NOTE: "note",
  HACK: "hack",
  BUG: "bug",
  PERF: "perf",
  FIX: "fix",
  FEAT: "feat",
  DEBUG: "debug",
  INFO: "info",
  WARN: "warn",
  ERROR: "error",
  TRACE: "trace",
  FATAL: "fatal",
  PATH: "path",
  HOME: "home",
  USER: "user",
  SHELL: "shell",
  README: "read me",
  NGINX: "engine X",
  CRUD: "crud",
  REST: "rest",
  CORS: "cors",
  WASM: "wasm",
  POSIX: "posix",
  JPG: "jay peg",
  MPEG: "em peg",
  PEP: "pep",
  IEEE: "I triple E",
  SCSI: "scuzzy",
  TOML: "toml",
  ECMA: "ecma",
  OAUTH: "oh auth",
};

const DOTTED_INITIALISM = /(?<![\p{L}.])((?:\p{L}\.){2,})(?!\p{L})/gu;
const CAPITALS_WORD = /(?<![\p{L}\d'-])(\p{Lu}{2,6})(s|'s)?(?![\p{L}\d])/gu;

/** Whether a word in capitals has a reading of its own ("JSON", "README"), so it must stay in capitals. */
export function isKnownCapitalWord(word: string): boolean {
  return Object.hasOwn(ACRONYM_WORDS, word);
}

/** Text in capitals throughout: at least three words, most of them capitals. */
export function isShouted(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const capitals = words.filter((word) => word === word.toUpperCase()).length;
  return capitals >= 3 && capitals * 2 > words.length;
}

/** Rewrites dotted and capital initialisms; a final full stop swallowed by "U.S." is kept. */
export function expandInitialisms(text: string): string {
  const dotted = text.replace(DOTTED_INITIALISM, (match, _letters, offset: number, whole: string) => {
    const rest = whole.slice(offset + match.length);
    const endsSentence = /^["')\]]*(?:\s*$|\s+["'(]*\p{Lu})/u.test(rest);
    return spellLetters(match) + (endsSentence ? "." : "");
  });
  if (isShouted(dotted)) return dotted;
  return dotted.replace(CAPITALS_WORD, (_m, letters = "", plural = "") => {
    const word = ACRONYM_WORDS[letters];
    if (word) return word + plural;
    // A plural is written "'s" so G2P does not read a trailing "Is" or "As" as a word ("A-P-I's", not "A-P-Is").
    return spellLetters(letters) + (plural === "" ? "" : "'s");
  });
}
