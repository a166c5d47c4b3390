/**
 * Number-to-words in American English, written for this project (num2words is LGPL). Every function takes the
 * digits as a string so that long numbers never lose precision in a float.
 */

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/** Short-scale names per group of three digits; longer numbers are read digit by digit. */
const SCALES = ["", "thousand", "million", "billion", "trillion", "quadrillion"];

/** Ordinal forms that are not "+th" (the last word of a cardinal decides). */
const IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: "first",
  two: "second",
  three: "third",
  five: "fifth",
  eight: "eighth",
  nine: "ninth",
  twelve: "twelfth",
};

function belowHundred(value: number): string {
  if (value < 20) return ONES[value] ?? "";
  const tens = TENS[Math.floor(value / 10)] ?? "";
  const unit = value % 10;
  return unit === 0 ? tens : `${tens}-${ONES[unit]}`;
}

function belowThousand(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (hundreds === 0) return belowHundred(rest);
  const head = `${ONES[hundreds]} hundred`;
  return rest === 0 ? head : `${head} ${belowHundred(rest)}`;
}

/** Reads each digit: "2048" → "two zero four eight". */
export function digitsToWords(digits: string): string {
  return Array.from(digits, (digit) => ONES[Number(digit)] ?? digit).join(" ");
}

/** Cardinal of a non-negative integer given as ASCII digits: "1234" → "one thousand two hundred thirty-four". */
export function cardinalWords(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  if (trimmed.length > SCALES.length * 3) return digitsToWords(trimmed);
  const groups: number[] = [];
  for (let end = trimmed.length; end > 0; end -= 3) groups.unshift(Number(trimmed.slice(Math.max(0, end - 3), end)));
  if (groups.length === 1) return belowThousand(groups[0] ?? 0);
  const words: string[] = [];
  groups.forEach((group, index) => {
    if (group === 0) return;
    const scale = SCALES[groups.length - 1 - index] ?? "";
    words.push(scale === "" ? belowThousand(group) : `${belowThousand(group)} ${scale}`);
  });
  return words.length === 0 ? "zero" : words.join(" ");
}

/** Turns the last word of a cardinal reading into its ordinal: "twenty-one" → "twenty-first". */
function ordinalFromCardinal(cardinal: string): string {
  const match = /^(.*?)([a-z]+)$/.exec(cardinal);
  if (!match) return cardinal;
  const [, head = "", last = ""] = match;
  const irregular = IRREGULAR_ORDINALS[last];
  if (irregular) return head + irregular;
  if (last.endsWith("y")) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

/** Ordinal of an integer given as digits: "22" → "twenty-second". */
export function ordinalWords(digits: string): string {
  return ordinalFromCardinal(cardinalWords(digits));
}

/** Plural of a number word for decades and "in the hundreds": "eighty" → "eighties", "six" → "sixes". */
export function pluralNumberWords(words: string): string {
  if (words.endsWith("y")) return `${words.slice(0, -1)}ies`;
  if (words.endsWith("x")) return `${words}es`;
  return `${words}s`;
}

/**
 * Reads a year the way people say it: 1990 → "nineteen ninety", 1905 → "nineteen oh five", 1900 → "nineteen
 * hundred", 2005 → "two thousand five", 2024 → "twenty twenty-four". Outside 1000-9999 it is a plain cardinal.
 */
export function yearWords(digits: string): string {
  const year = Number(digits);
  if (!/^\d{4}$/.test(digits) || year < 1000) return cardinalWords(digits);
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year % 1000 < 10) return cardinalWords(digits);
  if (rest === 0) return `${belowHundred(century)} hundred`;
  if (rest < 10) return `${belowHundred(century)} oh ${ONES[rest]}`;
  return `${belowHundred(century)} ${belowHundred(rest)}`;
}

/** A decimal number as written: "3.14" → "three point one four", ".5" → "point five", "-2" → "minus two". */
export function decimalWords(numeral: string): string {
  const match = /^([-−])?(\d*)(?:\.(\d+))?$/.exec(numeral.replace(/,/g, ""));
  if (!match) return numeral;
  const [, sign, whole = "", fraction] = match;
  const parts: string[] = [];
  if (sign) parts.push("minus");
  if (whole !== "") parts.push(cardinalWords(whole));
  if (fraction !== undefined) parts.push("point", digitsToWords(fraction));
  return parts.join(" ");
}
