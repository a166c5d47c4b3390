/**
 * The American expectations of `hexgrad/kokoro:kokoro.js/tests/phonemize.test.js` (kokoro-model.md §9.6): raw
 * text, the spoken form our normaliser hands to G2P, and kokoro-js's espeak IPA. kokoro-js feeds raw espeak IPA to
 * the model; mapped through §8.12 these become Misaki-symbol fixtures.
 */
export const KOKORO_JS_EXPECTATIONS: readonly { text: string; spoken: string; espeak: string }[] = [
  { text: "Dr. Smith", spoken: "Doctor Smith", espeak: "dˈɑːktɚ smˈɪθ" },
  { text: "1990", spoken: "nineteen ninety", espeak: "nˈaɪntiːn nˈaɪndi" },
  { text: "12:34", spoken: "twelve thirty four", espeak: "twˈɛlv θˈɜːɾi fˈoːɹ" },
  { text: "$100", spoken: "one hundred dollars", espeak: "wˈʌn hˈʌndɹɪd dˈɑːlɚz" },
  { text: "£1.50", spoken: "one pound and fifty pence", espeak: "wˈʌn pˈaʊnd ænd fˈɪfti pˈɛns" },
  { text: "0.01", spoken: "zero point zero one", espeak: "zˈiəɹoʊ pˈɔɪnt zˈiəɹoʊ wˈʌn" },
  { text: "10-20", spoken: "ten to twenty", espeak: "tˈɛn tə twˈɛnti" },
  { text: "U.S.A.", spoken: "USA.", espeak: "jˈuːˈɛsˈeɪ." },
  { text: "(Hello)", spoken: "(Hello)", espeak: "«həlˈoʊ»" },
];
