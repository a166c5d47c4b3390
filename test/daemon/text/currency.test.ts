import { describe, expect, it } from "vitest";
import { expandCurrency, moneyWords } from "../../../daemon/src/text/currency.js";

describe("expandCurrency", () => {
  it.each([
    ["$5.50", "five dollars and fifty cents"],
    ["$1", "one dollar"],
    ["$1.01", "one dollar and one cent"],
    ["$0.99", "ninety-nine cents"],
    ["$5.00", "five dollars"],
    ["$1,000", "one thousand dollars"],
    ["$1.2M", "one point two million dollars"],
    ["$5 billion", "five billion dollars"],
    ["$20k", "twenty thousand dollars"],
    ["-$3", "minus three dollars"],
    ["£3.20", "three pounds and twenty pence"],
    ["£0.01", "one penny"],
    ["€10", "ten euros"],
    ["10 €", "ten euros"],
    ["¥500", "five hundred yen"],
    ["20 USD", "twenty dollars"],
    ["$0.005", "zero point zero zero five dollars"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandCurrency(input)).toBe(expected);
  });

  it("rewrites an amount inside a sentence and keeps the rest", () => {
    expect(expandCurrency("It costs $5.50, not $6.")).toBe("It costs five dollars and fifty cents, not six dollars.");
  });

  it("pads a one-digit fraction to cents", () => {
    expect(moneyWords("$", "2", "5")).toBe("two dollars and fifty cents");
  });
});
