/** Money amounts: "$5.50" → "five dollars and fifty cents", "$1.2M" → "one point two million dollars", "€10". */
import { cardinalWords, decimalWords } from "./number-words.js";

interface Currency {
  readonly one: string;
  readonly many: string;
  /** Sub-unit names; absent for currencies read only in whole units (yen). */
  readonly subOne?: string;
  readonly subMany?: string;
}

const CURRENCIES: Readonly<Record<string, Currency>> = {
  $: { one: "dollar", many: "dollars", subOne: "cent", subMany: "cents" },
  "£": { one: "pound", many: "pounds", subOne: "penny", subMany: "pence" },
  "€": { one: "euro", many: "euros", subOne: "cent", subMany: "cents" },
  "¥": { one: "yen", many: "yen" },
  "₹": { one: "rupee", many: "rupees", subOne: "paisa", subMany: "paise" },
};

/** ISO codes written after an amount ("20 USD") map to a symbol's names. */
const CURRENCY_CODES: Readonly<Record<string, string>> = { USD: "$", GBP: "£", EUR: "€", JPY: "¥", INR: "₹" };

const MAGNITUDE_WORDS: Readonly<Record<string, string>> = {
  k: "thousand",
  K: "thousand",
  M: "million",
  mn: "million",
  B: "billion",
  bn: "billion",
  T: "trillion",
  thousand: "thousand",
  million: "million",
  billion: "billion",
  trillion: "trillion",
};

const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const MAGNITUDE = String.raw`(?:\s?(k|K|M|mn|B|bn|T)\b|\s(thousand|million|billion|trillion)\b)?`;
const SYMBOLS = String.raw`[$£€¥₹]`;

const SYMBOL_FIRST = new RegExp(String.raw`([-−]?)(${SYMBOLS})\s?${AMOUNT}${MAGNITUDE}`, "g");
const SYMBOL_AFTER = new RegExp(String.raw`(?<![\w.,])${AMOUNT}\s?(€|(?:USD|GBP|EUR|JPY|INR)\b)`, "g");

/** Words for one amount of a currency, with "and" between units and sub-units. */
export function moneyWords(symbol: string, whole: string, fraction?: string, magnitude?: string): string {
  const currency = CURRENCIES[symbol];
  if (!currency) return decimalWords(fraction === undefined ? whole : `${whole}.${fraction}`);
  const plainWhole = whole.replace(/,/g, "");
  if (magnitude) {
    const amount = decimalWords(fraction === undefined ? plainWhole : `${plainWhole}.${fraction}`);
    return `${amount} ${MAGNITUDE_WORDS[magnitude] ?? magnitude} ${currency.many}`;
  }
  const hasSubUnits = currency.subOne !== undefined && fraction !== undefined && fraction.length <= 2;
  if (!hasSubUnits) {
    const amount = decimalWords(fraction === undefined ? plainWhole : `${plainWhole}.${fraction}`);
    const isOne = fraction === undefined && Number(plainWhole) === 1;
    return `${amount} ${isOne ? currency.one : currency.many}`;
  }
  const wholeCount = Number(plainWhole);
  const subCount = Number((fraction ?? "").padEnd(2, "0"));
  const wholePart = `${cardinalWords(plainWhole)} ${wholeCount === 1 ? currency.one : currency.many}`;
  const subPart = `${cardinalWords(String(subCount))} ${subCount === 1 ? currency.subOne : currency.subMany}`;
  if (subCount === 0) return wholePart;
  if (wholeCount === 0) return subPart;
  return `${wholePart} and ${subPart}`;
}

/** Rewrites currency amounts written with a symbol before or a symbol/code after the number. */
export function expandCurrency(text: string): string {
  return text
    .replace(SYMBOL_FIRST, (_m, sign = "", symbol = "", whole = "", fraction, short, long) => {
      const words = moneyWords(symbol, whole, fraction, short ?? long);
      return sign === "" ? words : `minus ${words}`;
    })
    .replace(SYMBOL_AFTER, (_m, whole = "", fraction, code = "") =>
      moneyWords(CURRENCY_CODES[code] ?? code, whole, fraction),
    );
}
