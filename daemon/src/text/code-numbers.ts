/**
 * Numbers as engineers say them: HTTP status codes ("404" → "four oh four"), ports ("127.0.0.1:8080" → "… port
 * eighty eighty"), dimensions ("1920x1080" → "nineteen twenty by ten eighty"), multipliers ("16x faster" → "sixteen
 * times faster"), standards ("RFC 7231" → "RFC seventy-two thirty-one", "PEP 8"), hex literals and colours, and git
 * commit hashes, spelled.
 */
import { cardinalWords, digitsToWords, yearWords } from "./number-words.js";

/** Reads an integer in pairs: 3-digit "five twelve", "four oh four", 4-digit like a year; others as cardinals. */
export function pairedNumberWords(digits: string): string {
  if (/^0\d/.test(digits)) return digitsToWords(digits);
  if (digits.length === 4) return yearWords(digits);
  if (digits.length !== 3) return cardinalWords(digits);
  const head = cardinalWords(digits.charAt(0));
  const rest = Number(digits.slice(1));
  if (rest === 0) return `${head} hundred`;
  if (rest < 10) return `${head} oh ${cardinalWords(String(rest))}`;
  return `${head} ${cardinalWords(String(rest))}`;
}

/** Spells a run of letters and digits one character at a time: "a1f3" → "A one F three". */
function spellCharacters(chars: string): string {
  return (chars.match(/[a-z]+|\d/gi) ?? [])
    .map((run) => (/\d/.test(run) ? digitsToWords(run) : Array.from(run.toUpperCase()).join("-")))
    .join(" ");
}

const REASON_PHRASES =
  "OK|Created|Accepted|No Content|Moved Permanently|Found|See Other|Not Modified|Temporary Redirect|Permanent Redirect|" +
  "Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Request Timeout|" +
  "Conflict|Gone|Payload Too Large|Unsupported Media Type|Unprocessable Entity|Unprocessable Content|Too Many Requests|" +
  "Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout|I'm a teapot";
/** A status code after "HTTP/1.1", "status", "returns"…, a 4xx/5xx after "a"/"an"/"the", or before a reason phrase. */
const STATUS_CODE = new RegExp(
  String.raw`(?<=\b(?:HTTP\/\d(?:\.\d)?|HTTP|status(?: code)?|code|returns?|returned|returning|respond(?:s|ed)? with)\s)([1-5]\d\d)\b(?![.,]\d)` +
    String.raw`|(?<=\b(?:an?|the|got)\s)([45]\d\d)\b(?![.,]\d)` +
    String.raw`|\b([1-5]\d\d)(?=\s(?:${REASON_PHRASES}|errors?|responses?|status|page|redirects?)\b)`,
  "g",
);
const IP_PORT = /(?<![\d.])((?:\d{1,3}\.){3}\d{1,3}|localhost|\[::1?\]):(\d{1,5})(?!\d)/gi;
const PORT_NUMBER = /\b(port\s)(\d{2,5})\b/gi;
const CVE = /\bCVE-(\d{4})-(\d{4,7})\b/g;
const DIMENSIONS = /(?<![\w.])(\d+)\s?[x×]\s?(\d+)(?:\s?[x×]\s?(\d+))?(?:\s?(px|pixels)\b)?(?![\w.])/g;
const MULTIPLIER = /(?<![\w.])(\d+(?:\.\d+)?)[x×](?=\s|$|[,.;:)])/g;
const STANDARD = /\b(RFC|ISO|PEP|IEEE|ECMA|IEC|ANSI|ES)[\s-]?(\d{1,5})(?:-(\d{1,2}))?\b/g;
const HEX_LITERAL = /(?<![\w.])0x([0-9a-fA-F]+)\b/g;
const HEX_COLOR = /(?<![\w&#])#((?=[\d]*[a-fA-F])[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})(?![\w-])/g;
/** A commit hash: 7 to 40 lower-case hex digits, with at least one letter and one digit. */
const COMMIT_HASH = /(?<![\w./-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}(?![\w-])/g;

/** Every literal rule needs one of these; prose without them skips the stage. */
const LITERAL_HINT = /[#+]|0x|\d[a-f]|[a-f]\d/;

function isHexColor(value: string): boolean {
  // "#bad" or "#add" are hashtags; a colour has a digit or is written in capitals.
  return /\d/.test(value) || value === value.toUpperCase();
}

/** Spells hex literals, colours and commit hashes; runs before addresses, which read "#FF0000" as a hashtag. */
export function expandCodeLiterals(text: string): string {
  if (!LITERAL_HINT.test(text)) return text;
  return text
    .replace(/(?<![\w#])([CF])#(?![\w#])/g, "$1 sharp")
    .replace(/(?<=^|\s)#!(?=\/)/g, "hash bang ")
    .replace(/\bU\+([0-9A-Fa-f]{4,6})\b/g, (_m, hex = "") => `U plus ${spellCharacters(hex)}`)
    .replace(HEX_LITERAL, (_m, hex = "") => `hex ${spellCharacters(hex)}`)
    .replace(HEX_COLOR, (match, hex = "") => (isHexColor(hex) ? `hex ${spellCharacters(hex)}` : match))
    .replace(COMMIT_HASH, (hash) => spellCharacters(hash));
}

/** Rewrites the engineering number forms above; plain numbers are left for the number step. */
export function expandCodeNumbers(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(IP_PORT, (_m, host = "", port = "") => `${host} port ${pairedNumberWords(port)} `)
    .replace(PORT_NUMBER, (_m, word = "", port = "") => `${word}${pairedNumberWords(port)}`)
    .replace(CVE, (_m, year = "", id = "") => `CVE ${yearWords(year)}, ${pairedNumberWords(id)}`)
    .replace(STANDARD, (_m, name = "", digits = "", part: string | undefined) =>
      [name, pairedNumberWords(digits), ...(part === undefined ? [] : ["dash", cardinalWords(part)])].join(" "),
    )
    .replace(STATUS_CODE, (code: string) => pairedNumberWords(code))
    .replace(
      DIMENSIONS,
      (_m, width = "", height = "", depth: string | undefined, pixels: string | undefined) =>
        [width, height, depth]
          .filter((side): side is string => side !== undefined)
          .map(pairedNumberWords)
          .join(" by ") + (pixels === undefined ? "" : " pixels"),
    )
    .replace(MULTIPLIER, (_m, factor = "") => `${factor} times`);
}
