import { describe, expect, it } from "vitest";
import { expandDates } from "../../../daemon/src/text/dates.js";

describe("expandDates", () => {
  it.each([
    ["2024-01-15", "January fifteenth, twenty twenty-four"],
    ["1/15/2024", "January fifteenth, twenty twenty-four"],
    ["15/1/2024", "January fifteenth, twenty twenty-four"],
    ["Jan 3rd", "January third"],
    ["Jan. 3", "January third"],
    ["March 1, 1990", "March first, nineteen ninety"],
    ["Sept 22nd", "September twenty-second"],
    ["3 January 2024", "the third of January, twenty twenty-four"],
    ["21st of June", "the twenty-first of June"],
    ["in Dec 2023", "in December 2023"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandDates(input)).toBe(expected);
  });

  it.each(["2024-13-45", "13/13/2024", "May I come"])("leaves %s, which is not a valid date, unchanged", (input) => {
    expect(expandDates(input)).toBe(input);
  });
});
