import { describe, expect, it } from "vitest";
import { decadeWords, expandNumbers, fractionWords, numeralWords } from "../../../daemon/src/text/numbers.js";

describe("expandNumbers", () => {
  it.each([
    ["1,234,567 people", "one million two hundred thirty-four thousand five hundred sixty-seven people"],
    ["pi is 3.14", "pi is three point one four"],
    ["it was -5 outside", "it was minus five outside"],
    ["(-3)", "(minus three)"],
    ["she came 1st, he came 22nd", "she came first, he came twenty-second"],
    ["the 3rd and the 101st", "the third and the one hundred first"],
    ["in 1990", "in nineteen ninety"],
    ["in 2024", "in twenty twenty-four"],
    ["in 1905", "in nineteen oh five"],
    ["3000 people", "three thousand people"],
    ["the 1980s", "the nineteen eighties"],
    ["the '90s", "the nineties"],
    ["the 1900s", "the nineteen hundreds"],
    ["10-20 minutes", "ten to twenty minutes"],
    ["1990–1995", "nineteen ninety to nineteen ninety-five"],
    ["1/2 cup", "one half cup"],
    ["3/4 of it", "three quarters of it"],
    ["5/8 inch", "five eighths inch"],
    ["1 1/2 hours", "one and one half hours"],
    ["open 24/7", "open twenty-four seven"],
    ["7/365", "seven over three hundred sixty-five"],
    ["50% off", "fifty percent off"],
    ["up 3.5 %", "up three point five percent"],
    ["1.2M users", "one point two million users"],
    ["3bn", "three billion"],
    ["agent 007", "agent zero zero seven"],
    ["MP3", "MP three"],
    ["COVID-19", "COVID-nineteen"],
  ])("reads %j as %j", (input, expected) => {
    expect(expandNumbers(input)).toBe(expected);
  });

  it("leaves text without digits unchanged", () => {
    expect(expandNumbers("well-known - a dash")).toBe("well-known - a dash");
  });
});

describe("number helpers", () => {
  it("reads a bare four-digit number from 1100 to 2099 as a year and others as cardinals", () => {
    expect(numeralWords("1500")).toBe("fifteen hundred");
    expect(numeralWords("2100")).toBe("two thousand one hundred");
    expect(numeralWords("1,999")).toBe("one thousand nine hundred ninety-nine");
  });

  it("reads halves, quarters and other fractions", () => {
    expect(fractionWords("1", "2")).toBe("one half");
    expect(fractionWords("3", "2")).toBe("three halves");
    expect(fractionWords("1", "4")).toBe("one quarter");
    expect(fractionWords("2", "3")).toBe("two thirds");
    expect(fractionWords("1", "3")).toBe("one third");
  });

  it("reads decades from two or four digits", () => {
    expect(decadeWords("60")).toBe("sixties");
    expect(decadeWords("2000")).toBe("two thousands");
  });
});
