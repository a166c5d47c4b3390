/**
 * Abbreviations as data, used twice: the sentence splitter asks whether a full stop after one ends a sentence, and
 * the normalizer expands it with its context ("Dr. Smith" → "Doctor Smith", "Elm Dr." → "Elm Drive").
 */

/** Titles before a name. Never end a sentence when a capitalised word follows. */
const TITLES: Readonly<Record<string, string>> = {
  Dr: "Doctor",
  Mr: "Mister",
  Mrs: "Missus",
  Ms: "Miz",
  Prof: "Professor",
  Rev: "Reverend",
  Hon: "Honorable",
  Gen: "General",
  Col: "Colonel",
  Capt: "Captain",
  Lt: "Lieutenant",
  Sgt: "Sergeant",
  Gov: "Governor",
  Sen: "Senator",
  Rep: "Representative",
  Pres: "President",
  St: "Saint",
  Mt: "Mount",
  Ft: "Fort",
};

/** Street types after a name or number ("Elm Dr.", "5th St."). They may end a sentence. */
const PLACE_SUFFIXES: Readonly<Record<string, string>> = {
  Dr: "Drive",
  St: "Street",
  Ave: "Avenue",
  Rd: "Road",
  Blvd: "Boulevard",
  Ln: "Lane",
  Ct: "Court",
  Hwy: "Highway",
};

/** Name suffixes; they may end a sentence. */
const NAME_SUFFIXES: Readonly<Record<string, string>> = { Jr: "Junior", Sr: "Senior" };

/**
 * Abbreviations with a full stop, matched case-insensitively. `endsSentence` says whether the full stop can also be
 * the end of a sentence ("…, etc. We left" splits; "e.g. Paris" does not).
 */
const DOTTED_ABBREVIATIONS: ReadonlyArray<{
  readonly written: string;
  readonly spoken: string;
  readonly endsSentence: boolean;
}> = [
  { written: "etc", spoken: "et cetera", endsSentence: true },
  { written: "e.g", spoken: "for example", endsSentence: false },
  { written: "i.e", spoken: "that is", endsSentence: false },
  { written: "vs", spoken: "versus", endsSentence: false },
  { written: "cf", spoken: "compare", endsSentence: false },
  { written: "viz", spoken: "namely", endsSentence: false },
  { written: "a.k.a", spoken: "also known as", endsSentence: false },
  { written: "approx", spoken: "approximately", endsSentence: false },
  { written: "incl", spoken: "including", endsSentence: false },
  { written: "excl", spoken: "excluding", endsSentence: false },
  { written: "esp", spoken: "especially", endsSentence: false },
  { written: "avg", spoken: "average", endsSentence: false },
  { written: "misc", spoken: "miscellaneous", endsSentence: true },
  { written: "resp", spoken: "respectively", endsSentence: true },
  { written: "dept", spoken: "department", endsSentence: true },
  { written: "Inc", spoken: "Incorporated", endsSentence: true },
  { written: "Ltd", spoken: "Limited", endsSentence: true },
  { written: "Corp", spoken: "Corporation", endsSentence: true },
  { written: "Co", spoken: "Company", endsSentence: true },
];

/** Abbreviations read only before a number ("No. 5" → "number five", "p. 12" → "page twelve"). */
const NUMBER_PREFIXES: Readonly<Record<string, string>> = {
  no: "number",
  nos: "numbers",
  fig: "figure",
  figs: "figures",
  vol: "volume",
  vols: "volumes",
  p: "page",
  pp: "pages",
  ch: "chapter",
  art: "article",
  sec: "section",
  eq: "equation",
};

/**
 * "max." and "min." read by context: before a number they are "maximum" and "minimum" ("max. 5 users"); after a
 * number "min." is minutes ("10 min."), which the units step reads first.
 */
const LIMIT_PREFIXES: Readonly<Record<string, string>> = { max: "maximum", min: "minimum" };

/** Weekday abbreviations; before a date or a capital ("Tue. Oct. 3") their full stop does not end a sentence. */
const WEEKDAY_ABBREVIATIONS = new Set(["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]);

/** Month abbreviations; before a number their full stop never ends a sentence ("Jan. 3"). */
const MONTH_ABBREVIATIONS = new Set([
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

const TITLE_KEYS = new Set(Object.keys(TITLES).map((key) => key.toLowerCase()));
const NEVER_FINAL = new Set(DOTTED_ABBREVIATIONS.filter((a) => !a.endsSentence).map((a) => a.written.toLowerCase()));

/** The words a street type follows: a capitalised name or a number ("Elm", "5th", "42"). */
function isPlaceName(word: string | undefined): boolean {
  return word !== undefined && /^(?:\p{Lu}[\p{L}'-]*|\d+(?:st|nd|rd|th)?)$/u.test(word);
}

/**
 * Whether the full stop after `word` (written without that stop) continues the sentence. `previousWord` is the word
 * before it within the sentence (absent at the sentence start), `nextChar` the first character after the spaces.
 */
export function isNonFinalAbbreviation(word: string, previousWord: string | undefined, nextChar: string): boolean {
  const key = word.toLowerCase();
  const nextIsCapital = /\p{Lu}/u.test(nextChar);
  const nextIsDigit = /\d/.test(nextChar);
  if (NEVER_FINAL.has(key)) return true;
  if (TITLE_KEYS.has(key) && (nextIsCapital || nextIsDigit)) {
    const isStreet = Object.hasOwn(PLACE_SUFFIXES, word) && isPlaceName(previousWord);
    return !isStreet;
  }
  if (Object.hasOwn(NUMBER_PREFIXES, key) || MONTH_ABBREVIATIONS.has(key) || Object.hasOwn(LIMIT_PREFIXES, key)) {
    return nextIsDigit;
  }
  if (WEEKDAY_ABBREVIATIONS.has(key) && /^\p{Lu}/u.test(word)) return nextIsDigit || nextIsCapital;
  // A single capital is a middle initial ("John F. Kennedy") when a name follows.
  return /^\p{Lu}$/u.test(word) && nextIsCapital;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the text after an expanded abbreviation starts a new sentence, so its swallowed full stop must stay. */
function startsNewSentence(rest: string): boolean {
  return /^["')\]]*(?:\s*$|\s+["'(]*\p{Lu})/u.test(rest);
}

const DOTTED_PATTERN = new RegExp(
  String.raw`(?<![\p{L}.])(${DOTTED_ABBREVIATIONS.map((a) => escapeRegExp(a.written)).join("|")})\.(?!\p{L})`,
  "giu",
);
/** "max. 5", "min 8 characters", "Max: 10": a limit before a number. */
const LIMIT_PATTERN =
  /(?<![\p{L}.])(max|min|Max|Min)(?:\.|:)?\s(?=[~≈]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)\b)/gu;
/** "vs" or "Vs" without a stop; "VS" in capitals is a name ("VS Code") and is spelled. */
const VS_WITHOUT_STOP = /(?<![\p{L}.])[vV]s(?![\p{L}.])/gu;
const NUMBER_PREFIX_PATTERN = new RegExp(
  String.raw`(?<![\p{L}.])(${Object.keys(NUMBER_PREFIXES).join("|")})\.\s?(?=\d)`,
  "giu",
);
const NAMED_PATTERN = new RegExp(
  String.raw`(?<![\p{L}.])(${[...new Set([...Object.keys(TITLES), ...Object.keys(PLACE_SUFFIXES), ...Object.keys(NAME_SUFFIXES)])].join("|")})(\.?)(?![\p{L}'])`,
  "gu",
);

/** Titles that are also written without a stop in British usage ("Mr Smith"). */
const STOPLESS_TITLES = new Set(["Dr", "Mr", "Mrs", "Ms", "St"]);

function expandNamed(match: string, abbreviation: string, stop: string, offset: number, whole: string): string {
  const before = whole.slice(0, offset).trimEnd();
  const words = before.split(/\s+/).filter((w) => w !== "");
  const previousWord = words.at(-1);
  const rest = whole.slice(offset + match.length);
  const nameFollows = /^\s+["'(]*\p{Lu}/u.test(rest);
  const keepStop = stop === "." && startsNewSentence(rest) ? "." : "";
  // "Then Dr. Smith": a capitalised first word before a title followed by a name is not a street name.
  const followsPlaceName = isPlaceName(previousWord) && (words.length >= 2 || !nameFollows);
  const place = PLACE_SUFFIXES[abbreviation];
  if (place && followsPlaceName) return place + keepStop;
  const title = TITLES[abbreviation];
  if (title && nameFollows && (stop === "." || STOPLESS_TITLES.has(abbreviation))) return title;
  const suffix = NAME_SUFFIXES[abbreviation];
  if (suffix && stop === "." && isPlaceName(previousWord?.replace(/,$/, ""))) return suffix + keepStop;
  if (title && stop === ".") return title;
  return match;
}

/** Expands abbreviations in one sentence of text. */
export function expandAbbreviations(text: string): string {
  return text
    .replace(NUMBER_PREFIX_PATTERN, (_m, written = "") => `${NUMBER_PREFIXES[written.toLowerCase()] ?? written} `)
    .replace(DOTTED_PATTERN, (match, written = "", offset: number, whole: string) => {
      const entry = DOTTED_ABBREVIATIONS.find((a) => a.written.toLowerCase() === written.toLowerCase());
      if (!entry) return match;
      const rest = whole.slice(offset + match.length);
      return entry.spoken + (entry.endsSentence && startsNewSentence(rest) ? "." : "");
    })
    .replace(LIMIT_PATTERN, (_m, written = "") => {
      const spoken = LIMIT_PREFIXES[written.toLowerCase()] ?? written;
      return `${written.startsWith("M") ? spoken.charAt(0).toUpperCase() + spoken.slice(1) : spoken} `;
    })
    .replace(VS_WITHOUT_STOP, "versus")
    .replace(NAMED_PATTERN, expandNamed);
}
