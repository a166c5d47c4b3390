import { describe, expect, it } from "vitest";
import { expandRomanNumerals, romanValue } from "../../../daemon/src/text/roman-numerals.js";

describe("expandRomanNumerals", () => {
  it.each([
    ["Henry VIII", "Henry the eighth"],
    ["Elizabeth II died", "Elizabeth the second died"],
    ["Louis XIV", "Louis the fourteenth"],
    ["World War II", "World War two"],
    ["Chapter XII", "Chapter twelve"],
    ["Super Bowl LIV", "Super Bowl fifty-four"],
  ])("reads %j as %j", (input, expected) => {
    expect(expandRomanNumerals(input)).toBe(expected);
  });

  it.each(["Malcolm X", "Plan B", "a VIII", "Henry VIIII"])("leaves %j unchanged", (input) => {
    expect(expandRomanNumerals(input)).toBe(input);
  });

  it.each([
    ["IV", 4],
    ["IX", 9],
    ["XIV", 14],
    ["XXXIX", 39],
    ["LXXXIX", 89],
  ])("values %s at %i", (numeral, value) => {
    expect(romanValue(numeral)).toBe(value);
  });
});
