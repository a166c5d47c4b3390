import { describe, expect, it } from "vitest";
import { ipaToMisaki } from "../../../daemon/src/g2p/ipa-to-misaki.js";
import { KOKORO_JS_EXPECTATIONS } from "./kokoro-js-expectations.js";

// The kokoro-js expectations, rewritten by hand per kokoro-model.md §8.12 (diphthongs → A I O W Y, ɚ → əɹ, no ː).
const MISAKI_FORMS: Readonly<Record<string, string>> = {
  "Dr. Smith": "dˈɑktəɹ smˈɪθ",
  "1990": "nˈIntin nˈIndi",
  "12:34": "twˈɛlv θˈɜɹɾi fˈɔɹ",
  $100: "wˈʌn hˈʌndɹɪd dˈɑləɹz",
  "£1.50": "wˈʌn pˈWnd ænd fˈɪfti pˈɛns",
  "0.01": "zˈiəɹO pˈYnt zˈiəɹO wˈʌn",
  "10-20": "tˈɛn tə twˈɛnti",
  "U.S.A.": "jˈuˈɛsˈA.",
  "(Hello)": "«həlˈO»",
};

describe("ipaToMisaki on the kokoro-js expectations (American)", () => {
  for (const { text, espeak } of KOKORO_JS_EXPECTATIONS) {
    it(`maps kokoro-js's ${espeak} for "${text}" to Misaki symbols`, () => {
      expect(ipaToMisaki(espeak, "en-us")).toBe(MISAKI_FORMS[text]);
    });
  }
});

const MORE: [ipa: string, variant: "en-us" | "en-gb", expected: string][] = [
  ["mˈɜːtʃəntʃˌɪp", "en-us", "mˈɜɹʧənʧˌɪp"],
  ["dʒˈʌdʒ", "en-us", "ʤˈʌʤ"],
  ["bˈʌʔn̩", "en-us", "bˈʌʔn"],
  ["pˈɪksl̩", "en-us", "pˈɪksᵊl"],
  ["pˈɪksəl", "en-us", "pˈɪksᵊl"],
  ["həlˈoʊ", "en-us", "həlˈO"],
  ["həlˈəʊ", "en-gb", "həlˈQ"],
  ["bˈɒksɪz", "en-gb", "bˈɒksɪz"],
  ["fˈeə", "en-gb", "fˈɛː"],
  ["wˈɜːld", "en-gb", "wˈɜːld"],
  ["bˈɔɪ", "en-us", "bˈY"],
  ["lˈɔx", "en-us", "lˈɔk"],
];

describe("ipaToMisaki", () => {
  for (const [ipa, variant, expected] of MORE) {
    it(`maps ${variant} ${ipa} to ${expected}`, () => {
      expect(ipaToMisaki(ipa, variant)).toBe(expected);
    });
  }
});
