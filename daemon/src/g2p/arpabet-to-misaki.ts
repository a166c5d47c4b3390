/**
 * Converts one CMUdict ARPAbet pronunciation to Misaki's phoneme convention (kokoro-model.md §8.15), adding the
 * systematic differences between CMUdict and Misaki gold: American flaps, syllabic ᵊl/ᵊn, ᵻd/ᵻz endings, stress
 * marks immediately before the vowel, and the non-rhotic British vowels.
 */

import { PRIMARY_STRESS, SECONDARY_STRESS, US_FLAP_CONTEXT, type Variant } from "./phoneme-sets.js";

type Stress = 0 | 1 | 2;

interface Phone {
  /** ARPAbet base symbol without its stress digit. */
  readonly arpabet: string;
  /** Misaki symbol(s) for this phone; rewritten by the rules below. */
  symbol: string;
  readonly isVowel: boolean;
  stress: Stress;
}

const CONSONANTS: Readonly<Record<string, string>> = {
  B: "b",
  CH: "ʧ",
  D: "d",
  DH: "ð",
  F: "f",
  G: "ɡ",
  HH: "h",
  JH: "ʤ",
  K: "k",
  L: "l",
  M: "m",
  N: "n",
  NG: "ŋ",
  P: "p",
  R: "ɹ",
  S: "s",
  SH: "ʃ",
  T: "t",
  TH: "θ",
  V: "v",
  W: "w",
  Y: "j",
  Z: "z",
  ZH: "ʒ",
};

/** [unstressed, stressed] Misaki vowel per ARPAbet vowel, American. ER carries its r as a separate phone. */
const US_VOWELS: Readonly<Record<string, readonly [string, string]>> = {
  AA: ["ɑ", "ɑ"],
  AE: ["æ", "æ"],
  AH: ["ə", "ʌ"],
  AO: ["ɔ", "ɔ"],
  AW: ["W", "W"],
  AY: ["I", "I"],
  EH: ["ɛ", "ɛ"],
  ER: ["ə", "ɜ"],
  EY: ["A", "A"],
  IH: ["ɪ", "ɪ"],
  IY: ["i", "i"],
  OW: ["O", "O"],
  OY: ["Y", "Y"],
  UH: ["ʊ", "ʊ"],
  UW: ["u", "u"],
};

/** British vowels that differ from the American ones (RP, Misaki's GB set: a, Q, ɒ, ː). */
const GB_VOWELS: Readonly<Record<string, readonly [string, string]>> = {
  AE: ["a", "a"],
  AO: ["ɔː", "ɔː"],
  OW: ["Q", "Q"],
  IY: ["i", "iː"],
  UW: ["u", "uː"],
};

/** British vowel + r with no vowel after it: the r is silent and the vowel lengthens or centres. */
const GB_R_COLOURED: Readonly<Record<string, string>> = {
  AA: "ɑː",
  AO: "ɔː",
  EH: "ɛː",
  ER: "",
  IH: "ɪə",
  IY: "ɪə",
  UH: "ʊə",
  UW: "ʊə",
  AY: "Iə",
  AW: "Wə",
  EY: "ɛː",
  OW: "ɔː",
};

/** Consonants after which an unstressed "-ən" is syllabic in Misaki (garden → ɡˈɑɹdᵊn, button → bˈʌtᵊn). */
const SYLLABIC_N_AFTER: ReadonlySet<string> = new Set(["t", "d"]);
const SIBILANTS: ReadonlySet<string> = new Set(["s", "z", "ʃ", "ʒ", "ʧ", "ʤ"]);
const ALVEOLAR_STOPS: ReadonlySet<string> = new Set(["t", "d"]);
/** Gold flaps after ɔ too (water → wˈɔɾəɹ), although Misaki's suffix rules leave ɔ out of their flap context. */
const FLAP_AFTER: ReadonlySet<string> = new Set([...US_FLAP_CONTEXT, "ɔ"]);

function parsePhones(arpabet: string, variant: Variant, spelling: string): Phone[] {
  const phones: Phone[] = [];
  // CMUdict appends comments such as "# place, danish" to some entries.
  const withoutComment = arpabet.split("#")[0] ?? "";
  for (const token of withoutComment.trim().split(/\s+/)) {
    const match = /^([A-Z]+)([012])?$/.exec(token);
    if (!match) throw new RangeError(`not an ARPAbet phone: ${token}`);
    const base = match[1] as string;
    const consonant = CONSONANTS[base];
    if (consonant !== undefined) {
      phones.push({ arpabet: base, symbol: consonant, isVowel: false, stress: 0 });
      continue;
    }
    const stress = Number(match[2] ?? "0") as Stress;
    const symbol = vowelSymbol(base, stress, variant, spelling);
    phones.push({ arpabet: base, symbol, isVowel: true, stress });
    if (base === "ER") phones.push({ arpabet: "R", symbol: "ɹ", isVowel: false, stress: 0 });
  }
  return phones;
}

function vowelSymbol(base: string, stress: Stress, variant: Variant, spelling: string): string {
  const pair = (variant === "en-gb" ? GB_VOWELS[base] : undefined) ?? US_VOWELS[base];
  if (!pair) throw new RangeError(`not an ARPAbet vowel: ${base}`);
  if (variant === "en-gb" && base === "AA") return isLotSpelling(spelling) ? "ɒ" : "ɑː";
  if (variant === "en-gb" && base === "ER" && stress > 0) return "ɜː";
  return stress === 0 ? pair[0] : pair[1];
}

/** CMUdict's AA merges British ɒ (lot, want) with ɑː (father, calm); the spelling tells them apart well enough. */
function isLotSpelling(spelling: string): boolean {
  return /o|wa|qua/.test(spelling);
}

function isUnstressedVowel(phone: Phone | undefined): boolean {
  return phone !== undefined && phone.isVowel && phone.stress === 0;
}

/** -ed after t/d and -es after a sibilant use Misaki's ᵻ (US) or ɪ (GB): wanted → wˈɑntᵻd, boxes → bˈɑksᵻz. */
function markInflectionVowel(phones: Phone[], variant: Variant): void {
  const [before, vowel, last] = phones.slice(-3);
  if (!before || !vowel || !last || !vowel.isVowel || vowel.stress !== 0) return;
  if (vowel.arpabet !== "IH" && vowel.arpabet !== "AH") return;
  const isEd = last.symbol === "d" && ALVEOLAR_STOPS.has(before.symbol);
  const isEs = last.symbol === "z" && SIBILANTS.has(before.symbol);
  if (isEd || isEs) vowel.symbol = variant === "en-us" ? "ᵻ" : "ɪ";
}

/** Unstressed ə + l/n after a consonant, with no vowel following, is written ᵊl / ᵊn (model → mˈɑdᵊl). */
function markSyllabicConsonants(phones: Phone[]): void {
  for (let i = 1; i + 1 < phones.length; i++) {
    const previous = phones[i - 1] as Phone;
    const vowel = phones[i] as Phone;
    const next = phones[i + 1] as Phone;
    if (previous.isVowel || !vowel.isVowel || vowel.symbol !== "ə" || phones[i + 2]?.isVowel) continue;
    if (next.symbol === "l" || (next.symbol === "n" && SYLLABIC_N_AFTER.has(previous.symbol))) vowel.symbol = "ᵊ";
  }
}

/** American t between a vowel (or r) and an unstressed vowel is a flap: butter → bˈʌɾəɹ, little → lˈɪɾᵊl. */
function markFlaps(phones: Phone[]): void {
  for (let i = 1; i + 1 < phones.length; i++) {
    const phone = phones[i] as Phone;
    const previous = phones[i - 1] as Phone;
    const next = phones[i + 1] as Phone;
    if (phone.symbol !== "t") continue;
    const previousSound = previous.symbol.at(-1) ?? "";
    if (!FLAP_AFTER.has(previousSound) || !isUnstressedVowel(next)) continue;
    if (next.symbol === "ᵊ" && phones[i + 2]?.symbol === "n") continue;
    phone.symbol = "ɾ";
  }
}

/** British English drops r where no vowel follows and lengthens or centres the vowel before it. */
function dropNonPrevocalicR(phones: Phone[]): Phone[] {
  const kept: Phone[] = [];
  for (let i = 0; i < phones.length; i++) {
    const phone = phones[i] as Phone;
    const isSilentR = phone.symbol === "ɹ" && !phones[i + 1]?.isVowel;
    const previous = kept.at(-1);
    if (isSilentR && previous?.isVowel) {
      const coloured = GB_R_COLOURED[previous.arpabet];
      if (coloured) previous.symbol = coloured;
      continue;
    }
    if (isSilentR && previous?.arpabet === "ER") continue;
    kept.push(phone);
  }
  return kept;
}

/**
 * CMUdict writes the near vowel both IH R (year) and IY R (here); Misaki writes ɪɹ (but zero keeps i: its r starts
 * the next syllable). A word-final IY2 (company) is unstressed in Misaki.
 */
function normaliseCmuVowels(phones: Phone[]): void {
  phones.forEach((phone, index) => {
    const isNearVowel = phone.arpabet === "IY" && phones[index + 1]?.arpabet === "R" && !phones[index + 2]?.isVowel;
    if (isNearVowel) phone.symbol = "ɪ";
  });
  const last = phones.at(-1);
  if (last?.arpabet === "IY" && last.stress === 2) last.stress = 0;
}

/** Misaki words carry one primary stress; CMUdict compounds often carry two (lightweight → lˈItwˌAt). */
function keepFirstPrimary(phones: Phone[]): void {
  let seenPrimary = false;
  for (const phone of phones) {
    if (phone.stress !== 1) continue;
    if (seenPrimary) phone.stress = 2;
    seenPrimary = true;
  }
}

function render(phones: readonly Phone[]): string {
  let out = "";
  for (const phone of phones) {
    if (phone.isVowel && phone.stress === 1) out += PRIMARY_STRESS;
    else if (phone.isVowel && phone.stress === 2) out += SECONDARY_STRESS;
    out += phone.symbol;
  }
  return out;
}

/**
 * Converts an ARPAbet string such as `HH AH0 L OW1` to Misaki phonemes (`həlˈO`). `spelling` is the word itself,
 * used only where ARPAbet merges sounds that British English keeps apart. Throws RangeError on a non-ARPAbet phone.
 */
export function arpabetToMisaki(arpabet: string, variant: Variant, spelling: string): string {
  let phones = parsePhones(arpabet, variant, spelling);
  keepFirstPrimary(phones);
  normaliseCmuVowels(phones);
  markInflectionVowel(phones, variant);
  markSyllabicConsonants(phones);
  if (variant === "en-us") markFlaps(phones);
  else phones = dropNonPrevocalicR(phones);
  return render(phones);
}
