import { describe, expect, it } from "vitest";
import {
  cardinalWords,
  decimalWords,
  digitsToWords,
  ordinalWords,
  pluralNumberWords,
  yearWords,
} from "../../../daemon/src/text/number-words.js";

describe("cardinalWords", () => {
  it.each([
    ["0", "zero"],
    ["7", "seven"],
    ["13", "thirteen"],
    ["40", "forty"],
    ["99", "ninety-nine"],
    ["100", "one hundred"],
    ["105", "one hundred five"],
    ["1000", "one thousand"],
    ["1001", "one thousand one"],
    ["1234567", "one million two hundred thirty-four thousand five hundred sixty-seven"],
    ["1000000000", "one billion"],
    ["007", "seven"],
  ])("reads %s as %s", (digits, expected) => {
    expect(cardinalWords(digits)).toBe(expected);
  });

  it("reads a number longer than the named scales digit by digit", () => {
    expect(cardinalWords("1".repeat(19))).toBe(Array(19).fill("one").join(" "));
  });
});

describe("ordinalWords", () => {
  it.each([
    ["1", "first"],
    ["2", "second"],
    ["3", "third"],
    ["5", "fifth"],
    ["8", "eighth"],
    ["9", "ninth"],
    ["12", "twelfth"],
    ["20", "twentieth"],
    ["21", "twenty-first"],
    ["22", "twenty-second"],
    ["100", "one hundredth"],
    ["111", "one hundred eleventh"],
  ])("reads %s as %s", (digits, expected) => {
    expect(ordinalWords(digits)).toBe(expected);
  });
});

describe("yearWords", () => {
  it.each([
    ["1990", "nineteen ninety"],
    ["2024", "twenty twenty-four"],
    ["1905", "nineteen oh five"],
    ["1900", "nineteen hundred"],
    ["2000", "two thousand"],
    ["2005", "two thousand five"],
    ["2010", "twenty ten"],
    ["1066", "ten sixty-six"],
    ["999", "nine hundred ninety-nine"],
  ])("reads the year %s as %s", (digits, expected) => {
    expect(yearWords(digits)).toBe(expected);
  });
});

describe("decimalWords", () => {
  it.each([
    ["3.14", "three point one four"],
    [".5", "point five"],
    ["0.01", "zero point zero one"],
    ["-2", "minus two"],
    ["1,234.5", "one thousand two hundred thirty-four point five"],
  ])("reads %s as %s", (numeral, expected) => {
    expect(decimalWords(numeral)).toBe(expected);
  });
});

describe("digitsToWords and pluralNumberWords", () => {
  it("reads every digit on its own", () => {
    expect(digitsToWords("4096")).toBe("four zero nine six");
  });

  it.each([
    ["eighty", "eighties"],
    ["six", "sixes"],
    ["nineteen hundred", "nineteen hundreds"],
  ])("makes %s plural as %s", (words, expected) => {
    expect(pluralNumberWords(words)).toBe(expected);
  });
});
