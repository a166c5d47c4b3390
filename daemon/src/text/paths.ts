/**
 * File-system and route paths read with "slash": "src/server.ts:42" → "source slash server dot TS line 42",
 * "~/.config/app" → "tilde slash dot config slash app", "/api/users/:id" → "slash API slash users slash ID". Runs
 * after addresses (URLs are already words) and before dates, so "1/15/2024" (no letters) is never a path.
 */
import { extensionWords, identifierWords } from "./identifiers.js";

/** A path segment; it never ends in a full stop, which belongs to the sentence. */
const SEGMENT = String.raw`(?:\.{1,3}(?![\w.])|[:{]?[\w.@%+*-]*[\w@%+*}-])`;
/** Starts with "/", "./", "../" or "~/". */
const ROOTED_PATH = new RegExp(
  String.raw`(?<![\w/.:@~\\*-])(~|\.{1,2})?((?:\/${SEGMENT})+)(\/?)(?::(\d+)(?::(\d+))?)?(?![\w/])`,
  "g",
);
/** A relative path: two or more segments. */
const RELATIVE_PATH = new RegExp(
  String.raw`(?<![\w/.:@~\\*-])(${SEGMENT}(?:\/${SEGMENT})+)(\/?)(?::(\d+)(?::(\d+))?)?(?![\w/])`,
  "g",
);

function partWords(part: string): string {
  if (/^\*+$/.test(part)) return Array.from(part, () => "star").join(" ");
  return identifierWords(part.replace(/^[:{]|\}$/g, ""));
}

function segmentWords(segment: string): string {
  if (segment === ".") return "dot";
  if (segment === "..") return "dot dot";
  if (segment === "~") return "tilde";
  if (segment === "...") return "dot dot dot";
  // "3.0.md": a leading version keeps its "point".
  const version = /^(\d+(?:\.\d+)+)(?=\.\D|$)/.exec(segment)?.[1];
  const parts =
    version === undefined
      ? segment.split(".")
      : [
          version.replace(/\./g, " point "),
          ...segment
            .slice(version.length + 1)
            .split(".")
            .filter((p) => p !== ""),
        ];
  return parts
    .map((part, index) => {
      if (part === "") return "";
      if (index > 0 && index === parts.length - 1) return extensionWords(part) ?? partWords(part);
      return partWords(part);
    })
    .join(" dot ")
    .trim();
}

function lineWords(line: string | undefined, column: string | undefined): string {
  if (line === undefined) return "";
  return ` line ${line}${column === undefined ? "" : `, column ${column}`}`;
}

function pathWords(segments: readonly string[]): string {
  return segments
    .map((segment) => (segment === "" ? "" : segmentWords(segment)))
    .join(" slash ")
    .trim();
}

/** A relative path is read as one when it names a file, has three or more parts, or starts with a dot folder. */
function isRelativePath(path: string): boolean {
  const segments = path.split("/");
  if (!segments.every((segment) => /\p{L}|^\.{1,3}$|^\*+$/u.test(segment))) return false;
  if (segments.some((segment) => /^\.\p{L}/u.test(segment))) return true;
  const last = segments.at(-1) ?? "";
  const extension = /\.([A-Za-z]\w*)$/.exec(last)?.[1];
  return (
    segments.length >= 3 || (extension !== undefined && extensionWords(extension) !== undefined) || /^\.|\*/.test(path)
  );
}

/** Rewrites rooted and relative paths, with a line and column when one follows. */
export function expandPaths(text: string): string {
  if (!text.includes("/")) return text;
  return (
    text
      .replace(/(?<=^|\s)\.\/(?:\.\.\.|…)(?=$|\s)/g, "dot slash dot dot dot")
      // The root alone, as in "rm -rf /".
      .replace(/(?<=^|\s)\/(?=$|\s|[,;:)])/g, "slash")
      .replace(ROOTED_PATH, (match, root: string | undefined, path = "", _slash, line: string | undefined, column) => {
        if (!/\p{L}/u.test(path) && path !== "/...") return match;
        const head = root === undefined ? "" : `${segmentWords(root)} `;
        return ` ${head}slash ${pathWords(path.slice(1).split("/"))}${lineWords(line, column)} `;
      })
      .replace(RELATIVE_PATH, (match, path = "", _slash, line: string | undefined, column: string | undefined) =>
        isRelativePath(path) ? ` ${pathWords(path.split("/"))}${lineWords(line, column)} ` : match,
      )
  );
}
