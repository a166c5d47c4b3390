/**
 * Packages and version ranges: "react@18.2.0" → "react at 18.2.0", "@types/node" → "at types slash node",
 * "^1.2.3" → "caret 1.2.3", ">=18.17" → "at least 18.17", "18.x" → "18 point X", "2.0.0-rc.1" → "2.0.0 RC 1". The
 * digits are left for the version and number steps. Runs before addresses, which would read "a@1.2.3" as an e-mail.
 */

const TAGS = "latest|next|beta|canary|alpha|rc|lts|stable|nightly";
const RANGE_START = String.raw`(?:[\^~]|[<>]=?\s?)?v?\d`;
const PACKAGE_VERSION = new RegExp(
  String.raw`(?<![\w@./-])(?:@([a-z0-9][\w.-]*)\/)?([a-z0-9][\w.-]*)@((?:${TAGS})\b|${RANGE_START}[\w.-]*)`,
  "gi",
);
const SCOPED_PACKAGE = /(?<![\w@/.])@([a-z0-9][\w.-]*)\/([a-z0-9][\w.-]*\w)/g;
const PRE_RELEASE = /(\d+\.\d+\.\d+)-(alpha|beta|rc|next|canary|dev|pre|preview)\.?(\d+)?(?![\w-])/gi;
const WILDCARD_VERSION = /(?<![\w.])(v?\d+(?:\.\d+)*)\.[xX*](?![\w.*])/g;
/** Comparison signs glued to a number or before a dotted version are version ranges. */
const RANGE_OPERATOR = /(?<=^|[\s("'@:=,|])(>=|<=|>|<|\^|~)(?:(?=v?\d)|\s(?=v?\d+\.\d))/g;
const RANGE_WORDS: Readonly<Record<string, string>> = {
  ">=": "at least",
  "<=": "at most",
  ">": "greater than",
  "<": "less than",
  "^": "caret",
  "~": "tilde",
};

/** Every rule here needs one of these; prose without them skips the stage. */
const PACKAGE_HINT = /[@^~<>]|\d\.[xX*]|\d-[a-zA-Z]/;

function nameWords(name: string): string {
  return name.replace(/[-_]+/g, " ");
}

/** Rewrites package specifiers, scoped names, pre-release tags, wildcards and range operators. */
export function expandPackages(text: string): string {
  if (!PACKAGE_HINT.test(text)) return text;
  return text
    .replace(PACKAGE_VERSION, (_m, scope: string | undefined, name = "", version = "") => {
      const head = scope === undefined ? "" : `at ${nameWords(scope)} slash `;
      return `${head}${nameWords(name)} at ${version}`;
    })
    .replace(SCOPED_PACKAGE, (_m, scope = "", name = "") => `at ${nameWords(scope)} slash ${nameWords(name)}`)
    .replace(PRE_RELEASE, (_m, version = "", tag = "", number: string | undefined) => {
      const spokenTag = tag.toLowerCase() === "rc" ? "RC" : tag.toLowerCase();
      return `${version} ${spokenTag}${number === undefined ? "" : ` ${number}`}`;
    })
    .replace(WILDCARD_VERSION, "$1 point X")
    .replace(RANGE_OPERATOR, (match, operator = "", offset: number, whole: string) => {
      // "~5 minutes" is "about five minutes": a tilde is a range only before a full version.
      if (operator === "~" && !/^~\s?v?\d+\.\d+\.\d+/.test(whole.slice(offset)) && !/@$/.test(whole.slice(0, offset))) {
        return match;
      }
      return `${RANGE_WORDS[operator] ?? operator} `;
    });
}
