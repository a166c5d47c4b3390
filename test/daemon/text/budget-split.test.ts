import { describe, expect, it } from "vitest";
import { splitToBudget } from "../../../daemon/src/text/budget-split.js";

/** Budget in characters of the trimmed source, so expectations are easy to check by eye. */
function piecesOf(text: string, maxChars: number): string[] {
  const fits = (start: number, end: number): boolean => text.slice(start, end).trim().length <= maxChars;
  const cuts = splitToBudget(text, 0, text.length, fits);
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((end, index) => text.slice(bounds[index], end));
}

describe("splitToBudget", () => {
  it("does not cut text that fits", () => {
    expect(piecesOf("short text", 20)).toEqual(["short text"]);
  });

  it("prefers a semicolon to a comma and a comma to a space", () => {
    expect(piecesOf("one two; three, four five six", 16)).toEqual(["one two; ", "three, ", "four five six"]);
  });

  it("cuts after a comma when no stronger punctuation fits", () => {
    expect(piecesOf("alpha beta, gamma delta epsilon", 20)).toEqual(["alpha beta, ", "gamma delta epsilon"]);
  });

  it("cuts at the last space that fits when there is no punctuation", () => {
    expect(piecesOf("aa bb cc dd ee ff", 7)).toEqual(["aa bb ", "cc dd ", "ee ff"]);
  });

  it("cuts a run without spaces between characters, never dropping one", () => {
    const pieces = piecesOf("x".repeat(25), 10);
    expect(pieces).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("never splits a surrogate pair", () => {
    const text = "😀".repeat(5);
    const pieces = piecesOf(text, 3);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces)
      expect(piece).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("covers the text exactly, whatever the budget", () => {
    const text = "It was late; the night was cold, and nobody — not even the dog — wanted to go out. Still, we went.";
    for (const budget of [5, 12, 30, 60, 200]) expect(piecesOf(text, budget).join("")).toBe(text);
  });
});
