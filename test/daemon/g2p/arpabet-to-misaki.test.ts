import { describe, expect, it } from "vitest";
import { arpabetToMisaki } from "../../../daemon/src/g2p/arpabet-to-misaki.js";

// CMUdict ARPAbet → Misaki gold convention (kokoro-model.md §8.1, §8.15; examples from EN_PHONES.md and gold).
const AMERICAN: [word: string, arpabet: string, expected: string][] = [
  ["hello", "HH AH0 L OW1", "həlˈO"],
  ["butter", "B AH1 T ER0", "bˈʌɾəɹ"],
  ["water", "W AO1 T ER0", "wˈɔɾəɹ"],
  ["little", "L IH1 T AH0 L", "lˈɪɾᵊl"],
  ["pixel", "P IH1 K S AH0 L", "pˈɪksᵊl"],
  ["able", "EY1 B AH0 L", "ˈAbᵊl"],
  ["garden", "G AA1 R D AH0 N", "ɡˈɑɹdᵊn"],
  ["button", "B AH1 T AH0 N", "bˈʌtᵊn"],
  ["boxes", "B AA1 K S AH0 Z", "bˈɑksᵻz"],
  ["wanted", "W AO1 N T IH0 D", "wˈɔntᵻd"],
  ["started", "S T AA1 R T IH0 D", "stˈɑɹɾᵻd"],
  ["twenty", "T W EH1 N T IY0", "twˈɛnti"],
  ["attack", "AH0 T AE1 K", "ətˈæk"],
  ["lightweight", "L AY1 T W EY1 T", "lˈItwˌAt"],
  ["architecture", "AA1 R K AH0 T EH2 K CH ER0", "ˈɑɹkətˌɛkʧəɹ"],
  ["joy", "JH OY1", "ʤˈY"],
  ["house", "HH AW1 S", "hˈWs"],
  ["go", "G OW1", "ɡˈO"],
  ["sing", "S IH1 NG", "sˈɪŋ"],
];

const BRITISH: [word: string, arpabet: string, expected: string][] = [
  ["car", "K AA1 R", "kˈɑː"],
  ["father", "F AA1 DH ER0", "fˈɑːðə"],
  ["hot", "HH AA1 T", "hˈɒt"],
  ["here", "HH IY1 R", "hˈɪə"],
  ["there", "DH EH1 R", "ðˈɛː"],
  ["hello", "HH AH0 L OW1", "həlˈQ"],
  ["butter", "B AH1 T ER0", "bˈʌtə"],
  ["cat", "K AE1 T", "kˈat"],
  ["very", "V EH1 R IY0", "vˈɛɹi"],
  ["boxes", "B AA1 K S AH0 Z", "bˈɒksɪz"],
];

describe("arpabetToMisaki", () => {
  for (const [word, arpabet, expected] of AMERICAN) {
    it(`converts American "${word}" (${arpabet}) to ${expected}`, () => {
      expect(arpabetToMisaki(arpabet, "en-us", word)).toBe(expected);
    });
  }
  for (const [word, arpabet, expected] of BRITISH) {
    it(`converts British "${word}" (${arpabet}) to ${expected}`, () => {
      expect(arpabetToMisaki(arpabet, "en-gb", word)).toBe(expected);
    });
  }

  it("writes g as U+0261, never ASCII g", () => {
    expect(arpabetToMisaki("G OW1", "en-us", "go")).not.toContain("g");
  });

  it("ignores CMUdict comments after #", () => {
    expect(arpabetToMisaki("AA1 L T OW2 # name, finnish", "en-us", "aalto")).toBe("ˈɑltˌO");
  });

  it("refuses a symbol that is not ARPAbet", () => {
    expect(() => arpabetToMisaki("HH XX1", "en-us", "hx")).toThrow(RangeError);
  });
});
