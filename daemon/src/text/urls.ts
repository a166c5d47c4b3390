/**
 * Addresses read the way people say them: "https://www.example.com/docs" → "example dot com slash docs",
 * "jane.doe@example.com" → "jane dot doe at example dot com", "#TypeScript" → "hashtag Type Script", "@ana" → "at ana".
 */
import { pairedNumberWords } from "./code-numbers.js";

const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s<>"'()]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|app|ai|edu|gov|co|uk|de|fr|info|me|ly|tv)\b(?:\/[^\s<>"'()]*)?/gi;
const EMAIL_PATTERN = /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi;
const HASHTAG_PATTERN = /(?<![\w&#])#([A-Za-z][\w]*)/g;
const NUMBER_SIGN_PATTERN = /(?<![\w&#])#(\d+)/g;
const MENTION_PATTERN = /(?<![\w@])@([A-Za-z_][\w-]*\w|[A-Za-z_])/g;

/** Punctuation that ends the sentence rather than the address. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

function readLabels(text: string, separator: RegExp, joiner: string): string {
  return text
    .split(separator)
    .filter((part) => part !== "")
    .join(joiner);
}

function readPathSegment(segment: string): string {
  return readLabels(segment, /[-_+]+/, " ").replace(/\./g, " dot ");
}

/** Reads a URL: no scheme, no "www", no query or fragment; host labels with "dot", path parts with "slash". */
export function urlWords(url: string): string {
  const withoutScheme = url.replace(/^[a-z]+:\/\//i, "").replace(/^www\./i, "");
  const [location = ""] = withoutScheme.split(/[?#]/);
  const [host = "", ...path] = location.split("/");
  const port = /:(\d+)$/.exec(host)?.[1];
  const words = [readLabels(host.replace(/:\d+$/, ""), /\./, " dot ")];
  if (port !== undefined) words.push("port", pairedNumberWords(port));
  for (const segment of path) if (segment !== "") words.push("slash", readPathSegment(segment));
  return words.join(" ");
}

/** Reads an e-mail address with "at" and "dot". */
export function emailWords(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${readLabels(local, /[._+-]+/, " dot ")} at ${readLabels(domain, /\./, " dot ")}`;
}

/** "ThrowbackThursday" → "Throwback Thursday". */
function splitCamelCase(word: string): string {
  return word
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
}

/** Rewrites URLs, e-mail addresses, hashtags and mentions; a sentence's full stop after an address is kept. */
export function expandAddresses(text: string): string {
  return text
    .replace(EMAIL_PATTERN, (email) => emailWords(email))
    .replace(URL_PATTERN, (url) => {
      const trailing = TRAILING_PUNCTUATION.exec(url)?.[0] ?? "";
      return urlWords(url.slice(0, url.length - trailing.length)) + trailing;
    })
    .replace(NUMBER_SIGN_PATTERN, "number $1")
    .replace(HASHTAG_PATTERN, (_m, tag = "") => `hashtag ${splitCamelCase(tag)}`)
    .replace(MENTION_PATTERN, (_m, name = "") => `at ${name.replace(/[_-]/g, " ")}`);
}
