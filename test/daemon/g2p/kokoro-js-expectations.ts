/**
 * The American expectations of `hexgrad/kokoro:kokoro.js/tests/phonemize.test.js` (kokoro-model.md §9.6): raw
 * text and kokoro-js's espeak IPA. kokoro-js feeds raw espeak IPA to the model; mapped through §8.12 these become
 * Misaki-symbol fixtures. The spoken form is not written here: the test runs our normaliser on the raw text.
 */
export const KOKORO_JS_EXPECTATIONS: readonly { text: string; espeak: string }[] = [
  { text: "Dr. Smith", espeak: "dˈɑːktɚ smˈɪθ" },
  { text: "1990", espeak: "nˈaɪntiːn nˈaɪndi" },
  { text: "12:34", espeak: "twˈɛlv θˈɜːɾi fˈoːɹ" },
  { text: "$100", espeak: "wˈʌn hˈʌndɹɪd dˈɑːlɚz" },
  { text: "£1.50", espeak: "wˈʌn pˈaʊnd ænd fˈɪfti pˈɛns" },
  { text: "0.01", espeak: "zˈiəɹoʊ pˈɔɪnt zˈiəɹoʊ wˈʌn" },
  { text: "10-20", espeak: "tˈɛn tə twˈɛnti" },
  { text: "U.S.A.", espeak: "jˈuːˈɛsˈeɪ." },
  { text: "(Hello)", espeak: "«həlˈoʊ»" },
];

/**
 * Rows where we knowingly read differently from kokoro-js: the reason, and the skeleton we produce instead. The
 * test checks both that we still produce it and that kokoro-js still differs, so the list cannot go stale.
 */
export const KOKORO_JS_KNOWN_DIFFERENCES: ReadonlyMap<string, { reason: string; ours: string }> = new Map([
  [
    "0.01",
    {
      reason:
        "Misaki's gold lexicon, which our lexicon follows, says zero as zˈɪɹO, where espeak (behind kokoro-js) " +
        "says zˈiəɹoʊ",
      ours: "zəɹOpYntzəɹOwʌn",
    },
  ],
]);
