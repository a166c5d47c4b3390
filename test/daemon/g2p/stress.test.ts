import { describe, expect, it } from "vitest";
import { applyStress, balanceCompoundStress, stressWeight } from "../../../daemon/src/g2p/stress.js";

const CASES: [phonemes: string, stress: number | undefined, expected: string][] = [
  ["həlˈO", undefined, "həlˈO"],
  ["ˌɛkspˈɛkt", -2, "ɛkspɛkt"],
  ["ˌɛkspˈɛkt", -1, "ɛkspˌɛkt"],
  ["ˌɛkspˈɛkt", 0, "ɛkspˌɛkt"],
  ["ɪt", 0.5, "ˌɪt"],
  ["ðɛm", 1, "ðˌɛm"],
  ["ˌIˌɛm", 1, "ˈIˈɛm"],
  ["ɪt", 2, "ˈɪt"],
  ["hm", 2, "hm"],
  ["bˈʌɾəɹ", 2, "bˈʌɾəɹ"],
];

describe("applyStress", () => {
  for (const [phonemes, stress, expected] of CASES) {
    it(`turns ${phonemes} with stress ${String(stress)} into ${expected}`, () => {
      expect(applyStress(phonemes, stress)).toBe(expected);
    });
  }
});

describe("stressWeight", () => {
  it("counts diphthongs and affricates twice", () => {
    expect(stressWeight("ʧˈA")).toBe(5);
  });
});

describe("balanceCompoundStress", () => {
  it("demotes the lighter of two primary-stressed parts", () => {
    const parts = [
      { text: "open", phonemes: "ˈOpən" },
      { text: "weight", phonemes: "wˈAt" },
    ];
    expect(balanceCompoundStress(parts)).toEqual(["ˈOpən", "wˌAt"]);
  });

  it("demotes the second part after a one-letter first part", () => {
    const parts = [
      { text: "x", phonemes: "ˈɛks" },
      { text: "ray", phonemes: "ɹˈA" },
    ];
    expect(balanceCompoundStress(parts)).toEqual(["ˈɛks", "ɹˌA"]);
  });

  it("leaves parts alone when at most half carry a primary stress", () => {
    const parts = [
      { text: "in", phonemes: "ɪn" },
      { text: "depth", phonemes: "dˈɛpθ" },
    ];
    expect(balanceCompoundStress(parts)).toEqual(["ɪn", "dˈɛpθ"]);
  });
});
