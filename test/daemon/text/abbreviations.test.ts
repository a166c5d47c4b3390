import { describe, expect, it } from "vitest";
import { expandAbbreviations, isNonFinalAbbreviation } from "../../../daemon/src/text/abbreviations.js";

describe("expandAbbreviations", () => {
  it.each([
    ["Dr. Smith is in.", "Doctor Smith is in."],
    ["Dr Smith is in.", "Doctor Smith is in."],
    ["I met Dr. Smith.", "I met Doctor Smith."],
    ["Then Dr. Smith left.", "Then Doctor Smith left."],
    ["They live on Elm Dr. now.", "They live on Elm Drive now."],
    ["Main St. is busy", "Main Street is busy"],
    ["St. Louis", "Saint Louis"],
    ["at 5th St.", "at 5th Street."],
    ["Mr. and Mrs. Jones", "Mister and Missus Jones"],
    ["Prof. Lee", "Professor Lee"],
    ["Martin Luther King Jr. was born", "Martin Luther King Junior was born"],
    ["apples, pears, etc. and more", "apples, pears, et cetera and more"],
    ["apples, pears, etc. We left.", "apples, pears, et cetera. We left."],
    ["fruit, e.g. apples", "fruit, for example apples"],
    ["E.g. apples", "for example apples"],
    ["one thing, i.e. this", "one thing, that is this"],
    ["cats vs. dogs", "cats versus dogs"],
    ["cats vs dogs", "cats versus dogs"],
    ["Acme Inc. sells", "Acme Incorporated sells"],
    ["No. 5", "number 5"],
    ["see p. 12 and pp. 3-4", "see page 12 and pages 3-4"],
    ["Fig. 3", "figure 3"],
  ])("reads %j as %j", (input, expected) => {
    expect(expandAbbreviations(input)).toBe(expected);
  });

  it.each(["No, thanks.", "The Gen Z crowd", "Drive on.", "It's a St"])("leaves %j unchanged", (input) => {
    expect(expandAbbreviations(input)).toBe(input);
  });
});

describe("isNonFinalAbbreviation", () => {
  it.each([
    ["Dr", undefined, "S", true],
    ["Dr", "Elm", "T", false],
    ["e.g", undefined, "P", true],
    ["etc", "pears,", "W", false],
    ["U.S", "the", "T", false],
    ["p.m", "6", "D", false],
    ["No", undefined, "5", true],
    ["No", undefined, "T", false],
    ["Jan", undefined, "3", true],
    ["F", "John", "K", true],
    ["word", "a", "T", false],
  ] as const)(
    "after %s (previous %s, next %s) the stop continues the sentence: %s",
    (word, previous, next, expected) => {
      expect(isNonFinalAbbreviation(word, previous, next)).toBe(expected);
    },
  );
});
