import { describe, expect, it } from "vitest";
import { tokenize, type Token } from "../../../daemon/src/g2p/tokenize.js";

function describeTokens(tokens: Token[]): string[] {
  return tokens.map((token) => {
    switch (token.kind) {
      case "word":
        return `w:${token.parts.join("+")}`;
      case "override":
        return `o:${token.text}=${token.phonemes ?? String(token.stress)}`;
      case "punctuation":
        return `p:${token.text}`;
      case "space":
        return "_";
      case "unknown":
        return `?:${token.text}`;
    }
  });
}

const CASES: [text: string, expected: string[]][] = [
  ["Hello, world!", ["w:Hello", "p:,", "_", "w:world", "p:!"]],
  ["open-weight model", ["w:open+weight", "_", "w:model"]],
  ["don’t stop", ["w:don't", "_", "w:stop"]],
  ["the dogs' bowls", ["w:the", "_", "w:dogs'", "_", "w:bowls"]],
  ["[Kokoro](/kˈOkəɹO/) speaks", ["o:Kokoro=kˈOkəɹO", "_", "w:speaks"]],
  ["[record](-1) it", ["o:record=-1", "_", "w:it"]],
  ["wait … what", ["w:wait", "_", "p:…", "_", "w:what"]],
  ["yes - no", ["w:yes", "_", "p:—", "_", "w:no"]],
  ["'quoted'", ["p:“", "w:quoted", "p:”"]],
  ["ten % & more", ["w:ten", "_", "w:percent", "_", "w:and", "_", "w:more"]],
  ["a # b", ["w:a", "_", "?:#", "_", "w:b"]],
  ["  spaced   out  ", ["w:spaced", "_", "w:out"]],
];

describe("tokenize", () => {
  for (const [text, expected] of CASES) {
    it(`splits ${JSON.stringify(text)}`, () => {
      expect(describeTokens(tokenize(text))).toEqual(expected);
    });
  }
});
