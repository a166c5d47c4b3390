import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../daemon/src/text/normalize.js";
import { spokenBySegments } from "./corpus/developer-corpus.js";

/** Plain words that no rule treats specially (no extension, key, acronym, month or unit among them). */
const WORD = fc.constantFrom("river", "stone", "lamp", "cloud", "paper", "green", "maple", "orbit", "candle", "forest");

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Ways code writes a list of words; each must still say every word, in order. */
const STYLES: ReadonlyArray<(words: readonly string[]) => string> = [
  (w) => w.join("_"),
  (w) => w.join("_").toUpperCase(),
  (w) => w[0] + w.slice(1).map(capitalise).join(""),
  (w) => w.map(capitalise).join(""),
  (w) => w.join("-"),
  (w) => w.join("."),
  (w) => `${w.join("/")}.ts`,
  (w) => `src/${w.join("/")}:12`,
  (w) => `--${w.join("-")}`,
  (w) => `$${w.join("_").toUpperCase()}`,
  (w) => `${w.join("-")}@1.2.3`,
  (w) => `\`${w.join(".")}()\``,
  (w) => `[\`${w.join("_")}\`](https://example.com/x)`,
  (w) => `- [x] ${w.join(" ")}`,
  (w) => `${w.join(" && ")}`,
  (w) => `${w.join(" != ")}`,
];

const lettersOnly = (spoken: string): string[] =>
  spoken
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== "");

/** Whether `needles` occur in `haystack` in order (other words may come between). */
function inOrder(haystack: readonly string[], needles: readonly string[]): boolean {
  let at = 0;
  for (const word of haystack) if (word === needles[at]) at += 1;
  return at === needles.length;
}

describe("developer-text rules eat no words", () => {
  it("says every word of an identifier, path, flag, package or expression, in order", () => {
    fc.assert(
      fc.property(
        fc.array(WORD, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: STYLES.length - 1 }),
        fc.constantFrom("", "Use ", "See (", "Then "),
        (words, style, before) => {
          const token = STYLES[style]?.(words) ?? "";
          const input = `${before}${token} now.`;
          const spoken = spokenBySegments(input);
          expect(inOrder(lettersOnly(spoken), words), `${input} → ${spoken}`).toBe(true);
          expect(inOrder(lettersOnly(normalizeText(input)), words)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("leaves no digits and no raw code symbols, whatever developer tokens are mixed", () => {
    const token = fc.constantFrom(
      "--flag",
      "-D",
      "a_b",
      "aB",
      "x.y()",
      "p/q.ts:7",
      "n@1.2.3",
      "^1.0.0",
      ">=2.1",
      "==",
      "!=",
      "<=",
      "=>",
      "&&",
      "||",
      "⌘K",
      "Ctrl+Alt+Del",
      "10.0.0.1:8080",
      "1920x1080",
      "16x",
      "abc1234",
      "#123",
      "#FF00AA",
      "RFC 7231",
      "404 Not Found",
      "100 MiB",
      "2 GB/s",
      "30s",
      "9am–5pm",
      "Tue.",
      "max. 5",
      "(R-TX)",
      ":tada:",
      "@a-b",
      "- [ ]",
      "[^2]",
      "<b>",
      "0x1F",
      "8m30s",
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), fc.constantFrom(" ", ", ", "\n"), (parts, sep) => {
        const spoken = normalizeText(parts.join(sep));
        expect(spoken).not.toMatch(/[0-9]/);
        expect(spoken).not.toMatch(/[=<>&|@#^⌘`\\[\]]/);
      }),
      { numRuns: 300 },
    );
  });
});
