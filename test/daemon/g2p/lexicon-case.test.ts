import { describe, expect, it } from "vitest";
import { capitalize, caseVariant, lookupWithCase } from "../../../daemon/src/g2p/lexicon-case.js";

describe("Misaki's case rule", () => {
  it.each([
    ["apple", "Apple"],
    ["Apple", "apple"],
    ["APPLE", undefined],
    ["iPhone", undefined],
    ["a", undefined],
    ["A", undefined],
    ["o'brien", "O'brien"],
  ])("the other-case form of %j is %j", (word, variant) => {
    expect(caseVariant(word)).toBe(variant);
  });

  it("capitalises like Python's str.capitalize", () => {
    expect([capitalize("hELLO"), capitalize("édith"), capitalize("")]).toEqual(["Hello", "Édith", ""]);
  });

  it("prefers the exact key and borrows from the other-case form only when it is missing", () => {
    const table = new Map([
      ["polish", "pˈɑlɪʃ"],
      ["Polish", "pˈOlɪʃ"],
      ["Edinburgh", "ˈɛdᵊnbˌʌɹə"],
      ["apple", "ˈæpᵊl"],
    ]);
    const lookup = (word: string) => lookupWithCase(word, (key) => table.get(key));
    expect([lookup("polish"), lookup("Polish")]).toEqual(["pˈɑlɪʃ", "pˈOlɪʃ"]);
    expect([lookup("edinburgh"), lookup("Apple"), lookup("APPLE"), lookup("pear")]).toEqual([
      "ˈɛdᵊnbˌʌɹə",
      "ˈæpᵊl",
      undefined,
      undefined,
    ]);
  });
});
