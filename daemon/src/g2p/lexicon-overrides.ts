/**
 * Hand-written lexicon data layered over the converted CMUdict: unstressed function words (Misaki gold writes them
 * without stress, kokoro-model.md §8.3), letter names for spelling acronyms, and the heteronyms resolved by part of
 * speech (§8.5). Entries are Misaki phoneme strings: [American, British].
 */

/** Function words as Misaki gold writes them: the strong vowel, no stress mark. */
export const FUNCTION_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  the: ["ði", "ði"],
  a: ["ɐ", "ɐ"],
  an: ["ɐn", "ɐn"],
  and: ["ænd", "and"],
  or: ["ɔɹ", "ɔː"],
  but: ["bʌt", "bʌt"],
  nor: ["nɔɹ", "nɔː"],
  of: ["ʌv", "ɒv"],
  to: ["tu", "tuː"],
  in: ["ɪn", "ɪn"],
  into: ["ɪntu", "ɪntuː"],
  on: ["ɑn", "ɒn"],
  at: ["æt", "at"],
  for: ["fɔɹ", "fɔː"],
  with: ["wɪð", "wɪð"],
  from: ["fɹʌm", "fɹɒm"],
  by: ["bI", "bI"],
  as: ["æz", "az"],
  than: ["ðæn", "ðan"],
  is: ["ɪz", "ɪz"],
  are: ["ɑɹ", "ɑː"],
  was: ["wʌz", "wɒz"],
  were: ["wɜɹ", "wɜː"],
  be: ["bi", "bi"],
  been: ["bɪn", "biːn"],
  am: ["æm", "am"],
  has: ["hæz", "haz"],
  have: ["hæv", "hav"],
  had: ["hæd", "had"],
  do: ["du", "duː"],
  does: ["dʌz", "dʌz"],
  did: ["dɪd", "dɪd"],
  can: ["kæn", "kan"],
  could: ["kʊd", "kʊd"],
  would: ["wʊd", "wʊd"],
  should: ["ʃʊd", "ʃʊd"],
  will: ["wɪl", "wɪl"],
  shall: ["ʃæl", "ʃal"],
  must: ["mʌst", "mʌst"],
  it: ["ɪt", "ɪt"],
  its: ["ɪts", "ɪts"],
  "it's": ["ɪts", "ɪts"],
  he: ["hi", "hi"],
  she: ["ʃi", "ʃi"],
  we: ["wi", "wi"],
  they: ["ðA", "ðA"],
  you: ["ju", "juː"],
  me: ["mi", "mi"],
  him: ["hɪm", "hɪm"],
  her: ["hɜɹ", "hɜː"],
  us: ["ʌs", "ʌs"],
  them: ["ðɛm", "ðɛm"],
  his: ["hɪz", "hɪz"],
  my: ["mI", "mI"],
  your: ["jʊɹ", "jɔː"],
  their: ["ðɛɹ", "ðɛː"],
  that: ["ðæt", "ðat"],
  if: ["ɪf", "ɪf"],
};

/**
 * Function words that carry stress when nothing follows them (Misaki's POS key `None`, e.g. "have" → hˈæv at the end
 * of a sentence): auxiliaries and prepositions.
 */
export const STRESSED_WHEN_FINAL: ReadonlySet<string> = new Set([
  ...["have", "has", "had", "do", "does", "did", "is", "are", "was", "were", "am", "been", "be"],
  ...["can", "could", "would", "should", "will", "shall", "must"],
  ...["of", "for", "at", "from", "with", "on", "in", "into", "by", "than", "as"],
]);

/** Letter names used to spell acronyms ([American, British]); keys are the uppercase letters. */
export const LETTER_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  A: ["ˈA", "ˈA"],
  B: ["bˈi", "bˈiː"],
  C: ["sˈi", "sˈiː"],
  D: ["dˈi", "dˈiː"],
  E: ["ˈi", "ˈiː"],
  F: ["ˈɛf", "ˈɛf"],
  G: ["ʤˈi", "ʤˈiː"],
  H: ["ˈAʧ", "ˈAʧ"],
  I: ["ˈI", "ˈI"],
  J: ["ʤˈA", "ʤˈA"],
  K: ["kˈA", "kˈA"],
  L: ["ˈɛl", "ˈɛl"],
  M: ["ˈɛm", "ˈɛm"],
  N: ["ˈɛn", "ˈɛn"],
  O: ["ˈO", "ˈQ"],
  P: ["pˈi", "pˈiː"],
  Q: ["kjˈu", "kjˈuː"],
  R: ["ˈɑɹ", "ˈɑː"],
  S: ["ˈɛs", "ˈɛs"],
  T: ["tˈi", "tˈiː"],
  U: ["jˈu", "jˈuː"],
  V: ["vˈi", "vˈiː"],
  W: ["dˈʌbᵊlju", "dˈʌbᵊljuː"],
  X: ["ˈɛks", "ˈɛks"],
  Y: ["wˈI", "wˈI"],
  Z: ["zˈi", "zˈɛd"],
};

/** Words CMUdict lacks or gets wrong for this product ([American, British]). */
export const EXTRA_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  kokoro: ["kˈOkəɹO", "kˈQkəɹQ"],
};

/** CMUdict entries replaced before conversion (number words matter: the normaliser spells every number out). */
export const ARPABET_FIXES: Readonly<Record<string, string>> = {
  zero: "Z IY1 R OW0",
  thirty: "TH ER1 T IY0",
  thirteen: "TH ER2 T IY1 N",
  fourteen: "F AO2 R T IY1 N",
  fifteen: "F IH2 F T IY1 N",
  sixteen: "S IH2 K S T IY1 N",
  seventeen: "S EH2 V AH0 N T IY1 N",
  eighteen: "EY2 T IY1 N",
  nineteen: "N AY2 N T IY1 N",
};

/**
 * Heteronyms whose CMUdict alternates differ only in stress: the alternate stressed on its first vowel is the noun
 * (and the default), the later-stressed one the verb (record, object, present…).
 */
export const STRESS_SHIFT_HETERONYMS: readonly string[] = [
  ...["object", "record", "present", "project", "content", "contract", "desert", "permit", "produce", "progress"],
  ...["refuse", "subject", "conduct", "conflict", "convert", "increase", "decrease", "insult", "export", "import"],
  ...["rebel", "suspect", "address", "combat", "compound", "console", "contest", "convict", "digest", "discount"],
  ...["escort", "extract", "impact", "insert", "perfume", "protest", "recall", "reject", "survey", "transfer"],
  ...["transport", "update", "upset", "conscript", "construct", "contrast", "defect", "detail", "entrance"],
  ...["exploit", "incline", "intern", "offset", "overflow", "overlap", "proceeds", "rebound"],
  ...["refill", "refund", "reprint", "research", "segment", "torment", "upgrade"],
];

/**
 * Heteronyms told apart by vowel, in ARPAbet per tag (converted at build time). Tags follow Misaki: DEFAULT, VERB,
 * NOUN, VBD (past tense and participle).
 */
export const VOWEL_HETERONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  read: { DEFAULT: "R IY1 D", VBD: "R EH1 D" },
  live: { DEFAULT: "L AY1 V", VERB: "L IH1 V" },
  close: { DEFAULT: "K L OW1 S", VERB: "K L OW1 Z", NOUN: "K L OW1 Z" },
  wind: { DEFAULT: "W IH1 N D", VERB: "W AY1 N D" },
  used: { DEFAULT: "Y UW1 Z D", VBD: "Y UW1 S T" },
  use: { DEFAULT: "Y UW1 Z", NOUN: "Y UW1 S" },
  excuse: { DEFAULT: "IH0 K S K Y UW1 Z", NOUN: "IH0 K S K Y UW1 S" },
  abuse: { DEFAULT: "AH0 B Y UW1 S", VERB: "AH0 B Y UW1 Z" },
  house: { DEFAULT: "HH AW1 S", VERB: "HH AW1 Z" },
  estimate: { DEFAULT: "EH1 S T AH0 M AH0 T", VERB: "EH1 S T AH0 M EY2 T" },
  separate: { DEFAULT: "S EH1 P ER0 AH0 T", VERB: "S EH1 P ER0 EY2 T" },
  graduate: { DEFAULT: "G R AE1 JH AH0 W AH0 T", VERB: "G R AE1 JH AH0 W EY2 T" },
  associate: { DEFAULT: "AH0 S OW1 S IY0 AH0 T", VERB: "AH0 S OW1 S IY0 EY2 T" },
  moderate: { DEFAULT: "M AA1 D ER0 AH0 T", VERB: "M AA1 D ER0 EY2 T" },
  alternate: { DEFAULT: "AO1 L T ER0 N AH0 T", VERB: "AO1 L T ER0 N EY2 T" },
  duplicate: { DEFAULT: "D UW1 P L AH0 K AH0 T", VERB: "D UW1 P L AH0 K EY2 T" },
  advocate: { DEFAULT: "AE1 D V AH0 K AH0 T", VERB: "AE1 D V AH0 K EY2 T" },
  appropriate: { DEFAULT: "AH0 P R OW1 P R IY0 AH0 T", VERB: "AH0 P R OW1 P R IY0 EY2 T" },
};
