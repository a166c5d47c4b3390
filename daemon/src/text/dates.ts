/**
 * Calendar dates read with ordinal days (lessons §10 rule 17): "2024-01-15", "1/15/2024", "Jan 3rd", "3 January
 * 2024" → "January fifteenth, twenty twenty-four", "January third", "the third of January, twenty twenty-four".
 */
import { cardinalWords, ordinalWords, yearWords } from "./number-words.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Month names and their abbreviations (with or without a full stop), matched case-sensitively as written. */
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

function monthFromName(name: string): string {
  return MONTHS.find((month) => month.startsWith(name.slice(0, 3))) ?? name;
}

function isValidDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function yearReading(year: string): string {
  return year.length === 4 ? yearWords(year) : cardinalWords(year);
}

/** "January fifteenth" plus ", <year>" when a year is given. */
function dateWords(month: number, day: number, year?: string): string {
  const head = `${MONTHS[month - 1]} ${ordinalWords(String(day))}`;
  return year === undefined ? head : `${head}, ${yearReading(year)}`;
}

const WEEKDAYS: Readonly<Record<string, string>> = {
  mon: "Monday",
  tue: "Tuesday",
  tues: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  thur: "Thursday",
  thurs: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
const WEEKDAY_NAME = String.raw`(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)`;
/** The same alternations without a capture group, for look-arounds. */
const ANY_WEEKDAY = WEEKDAY_NAME.replace("(", "(?:");
const ANY_MONTH = MONTH_NAME.replace("(", "(?:");
/** "Tue." anywhere; "Tue" without a stop before ", Oct 3", ", 3", or as one end of a range ("Mon–Fri"). */
const WEEKDAY = new RegExp(
  String.raw`(?<![\p{L}.])${WEEKDAY_NAME}(?:\.|(?=,\s+(?:\d|${ANY_MONTH}\b))|(?=\s?[-–]\s?${ANY_WEEKDAY}\b)|(?<=[-–]\s?${ANY_WEEKDAY}))(?!\p{L})`,
  "gu",
);
/** A month abbreviation with a stop and no day after it ("in Oct.", "Sept. 2024" was read before). */
const MONTH_ABBREVIATION = /(?<![\p{L}.])(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?!\p{L})/gu;
/** Month and weekday ranges: "Jan–Mar", "Mon-Fri". */
const NAME_RANGE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s?[-–]\s?(?=January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/g;

/** "Jan–Mar", "Sep-Dec": abbreviated month ranges. */
const MONTH_RANGE =
  /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\s?[-–]\s?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/g;

/** Whether the text after a name whose stop was swallowed starts a new sentence. */
function keepsStop(rest: string): boolean {
  return /^["')\]]*(?:\s*$|\s+["'(]*\p{Lu})/u.test(rest);
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** Month/day/year as written in the US; a first number above 12 is read day/month instead. */
const SLASH_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g;
const MONTH_DAY = new RegExp(String.raw`\b${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`, "g");
const DAY_MONTH = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_NAME}\b\.?(?:,?\s+(\d{4})\b)?`,
  "g",
);
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH_NAME}\.?(?=\s+\d{4}\b)`, "g");

/** Rewrites the date forms above; anything that is not a valid month and day is left for the number rules. */
export function expandDates(text: string): string {
  return (
    text
      // Weekdays first: "Sun, 5 May" is a weekday only while the date after it is still digits.
      .replace(WEEKDAY, (match, name = "", offset: number, whole: string) => {
        const day = WEEKDAYS[name.toLowerCase()] ?? name;
        // "the Sun." and "Sat." after a subject are words, not days: only read a day not after "the".
        if (/\bthe\s+$/i.test(whole.slice(0, offset))) return match;
        return day + (match.endsWith(".") && keepsStop(whole.slice(offset + match.length)) ? "." : "");
      })
      .replace(ISO_DATE, (match, year = "", month = "", day = "") =>
        isValidDay(Number(month), Number(day)) ? dateWords(Number(month), Number(day), year) : match,
      )
      .replace(SLASH_DATE, (match, first = "", second = "", year = "") => {
        const [month, day] = Number(first) > 12 ? [Number(second), Number(first)] : [Number(first), Number(second)];
        return isValidDay(month, day) ? dateWords(month, day, year) : match;
      })
      .replace(MONTH_DAY, (match, name = "", day = "", year) => {
        const month = MONTHS.indexOf(monthFromName(name)) + 1;
        return isValidDay(month, Number(day)) ? dateWords(month, Number(day), year) : match;
      })
      .replace(DAY_MONTH, (match, day = "", name = "", year, offset: number, whole: string) => {
        const month = MONTHS.indexOf(monthFromName(name)) + 1;
        if (!isValidDay(month, Number(day))) return match;
        // "Sun, 5 May." : a full stop the month's optional stop swallowed still ends the sentence.
        const stop = match.endsWith(".") && keepsStop(whole.slice(offset + match.length)) ? "." : "";
        const article = /\bthe\s+$/i.test(whole.slice(0, offset)) ? "" : "the ";
        const head = `${article}${ordinalWords(day)} of ${MONTHS[month - 1]}`;
        return (year === undefined ? head : `${head}, ${yearReading(year)}`) + stop;
      })
      .replace(MONTH_YEAR, (name) => monthFromName(name.replace(/\.$/, "")))
      .replace(MONTH_RANGE, (_m, from = "", to = "") => `${monthFromName(from)} to ${monthFromName(to)}`)
      .replace(
        MONTH_ABBREVIATION,
        (match, name = "", offset: number, whole: string) =>
          monthFromName(name) + (keepsStop(whole.slice(offset + match.length)) ? "." : ""),
      )
      .replace(NAME_RANGE, "$1 to ")
  );
}
