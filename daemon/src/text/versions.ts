/** Dotted numbers: "v2.3.1" → "version two point three point one", "192.168.0.1" → "one ninety-two dot …". */
import { pairedNumberWords } from "./code-numbers.js";
import { cardinalWords } from "./number-words.js";

const VERSION = /\b[vV](\d+(?:\.\d+)+)\b/g;
const DOTTED_NUMBER = /(?<![\d.])(\d+(?:\.\d+){2,})(?![\d]|\.\d)/g;

function groupsWords(dotted: string, joiner: string, readGroup: (digits: string) => string = cardinalWords): string {
  return dotted.split(".").map(readGroup).join(joiner);
}

function isIpAddress(dotted: string): boolean {
  const groups = dotted.split(".");
  return groups.length === 4 && groups.every((group) => Number(group) <= 255);
}

/** Rewrites version strings and other numbers with two or more dots (IPv4 addresses use "dot"). */
export function expandVersions(text: string): string {
  return text
    .replace(VERSION, (_m, dotted = "", offset: number, whole: string) => {
      // "Version v2.3.1" must not become "version version …".
      const saysVersion = /\bversion\s*$/i.test(whole.slice(0, offset));
      return `${saysVersion ? "" : "version "}${groupsWords(dotted, " point ")}`;
    })
    .replace(DOTTED_NUMBER, (dotted) =>
      isIpAddress(dotted) ? groupsWords(dotted, " dot ", pairedNumberWords) : groupsWords(dotted, " point "),
    );
}
