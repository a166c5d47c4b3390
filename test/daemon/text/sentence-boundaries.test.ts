import { describe, expect, it } from "vitest";
import { Lookahead } from "../../../daemon/src/text/lookahead.js";
import { findSentenceEnd } from "../../../daemon/src/text/sentence-boundaries.js";

describe("findSentenceEnd", () => {
  it.each([
    ["a sentence and the next", "One. Two.", 0, { start: 0, end: 4, next: 5 }],
    ["a paragraph break", "One\n\n  Two", 0, { start: 0, end: 3, next: 7 }],
    ["the last sentence with trailing space", "Two.  ", 0, { start: 0, end: 4, next: 6 }],
    ["a sentence that starts later", "One. Two.", 5, { start: 5, end: 9, next: 9 }],
    ["a closing quote after the stop", '"Yes." No.', 0, { start: 0, end: 6, next: 7 }],
    ["a code fence", "```\na. B.\n```\nNext", 0, { start: 0, end: 13, next: 14 }],
  ])("finds %s", (_name, text, start, expected) => {
    expect(findSentenceEnd(new Lookahead(text, true), start)).toEqual(expected);
  });

  it("does not let an unclosed bracket hold back sentence ends for long", () => {
    const text = `(${"word ".repeat(80)}end. Next one.`;
    const span = findSentenceEnd(new Lookahead(text, true), 0);
    expect(text.slice(span.end)).toBe(" Next one.");
  });

  it("does not end a sentence inside a recently opened bracket", () => {
    const text = "He (see p. 3. Or not.) left. Then.";
    const span = findSentenceEnd(new Lookahead(text, true), 0);
    expect(text.slice(0, span.end)).toBe("He (see p. 3. Or not.) left.");
  });
});
