/** Clock times: "3:05pm" → "three oh five P-M", "14:30" → "fourteen thirty", "6 p.m." → "six P-M". */
import { cardinalWords } from "./number-words.js";
import { spellLetters } from "./spelling.js";

const MERIDIEM = String.raw`(?:\s?([aApP])(?:\.\s?)?[mM]\b\.?)`;
const CLOCK_TIME = new RegExp(String.raw`(?<![\d:.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])${MERIDIEM}?`, "g");
/** British "9.30pm": a dot between hours and minutes, only with a.m./p.m. */
const DOTTED_TIME = new RegExp(String.raw`(?<![\d:.])(\d{1,2})\.(\d{2})(?=${MERIDIEM})`, "g");
/** "9am–5pm", "9-11 a.m.", "10:30–11:45": a range ending in a time is read "to". */
const TIME_RANGE = new RegExp(
  String.raw`(?<![\d:.])(\d{1,2}(?::\d{2})?${MERIDIEM}?)\s?[-–—]\s?(?=\d{1,2}(?::\d{2})?${MERIDIEM}|\d{1,2}:\d{2}(?!\d))`,
  "g",
);
const HOUR_ONLY = new RegExp(String.raw`(?<![\d:.,])(\d{1,2})${MERIDIEM}(?!\w)`, "g");

function minuteWords(minutes: number): string {
  return minutes < 10 ? `oh ${cardinalWords(String(minutes))}` : cardinalWords(String(minutes));
}

/** Words for a time of day; `meridiem` is "a" or "p" when the text gave one. */
function timeWords(hours: number, minutes: number, seconds?: number, meridiem?: string): string {
  const suffix = meridiem ? ` ${spellLetters(`${meridiem}M`)}` : "";
  let words: string;
  if (minutes === 0 && seconds === undefined) {
    if (meridiem) words = cardinalWords(String(hours));
    else if (hours === 0) words = "midnight";
    else if (hours <= 12) words = `${cardinalWords(String(hours))} o'clock`;
    else words = `${cardinalWords(String(hours))} hundred`;
  } else {
    words = `${hours === 0 ? "zero" : cardinalWords(String(hours))} ${minuteWords(minutes)}`;
  }
  if (seconds !== undefined) words += ` and ${cardinalWords(String(seconds))} ${seconds === 1 ? "second" : "seconds"}`;
  return words + suffix;
}

/**
 * Keeps the full stop that "p.m." swallowed when the sentence ends there ("at 6 p.m." → "at six P-M."), or when
 * the next word starts a new sentence.
 */
function keepSentenceStop(match: string, rest: string): string {
  return match.endsWith(".") && /^\s*(?:["')\]]*\s*$|\s+[A-Z])/.test(rest) ? "." : "";
}

/** Rewrites clock times with minutes and hours with a.m./p.m.; values that are not a time are left alone. */
export function expandTimes(text: string): string {
  return text
    .replace(DOTTED_TIME, "$1:$2")
    .replace(TIME_RANGE, (match, from = "") => (/[:aApP]/.test(from) || /\d$/.test(from) ? `${from} to ` : match))
    .replace(CLOCK_TIME, (match, h = "", m = "", s, meridiem, offset: number, whole: string) => {
      const hours = Number(h);
      const minutes = Number(m);
      const limit = meridiem ? 12 : 24;
      if (hours > limit || minutes > 59 || (s !== undefined && Number(s) > 59)) return match;
      const rest = whole.slice(offset + match.length);
      const stop = meridiem ? keepSentenceStop(match, rest) : "";
      return timeWords(hours, minutes, s === undefined ? undefined : Number(s), meridiem?.toLowerCase()) + stop;
    })
    .replace(HOUR_ONLY, (match, h = "", meridiem = "", offset: number, whole: string) => {
      const hours = Number(h);
      if (hours < 1 || hours > 12) return match;
      const rest = whole.slice(offset + match.length);
      return timeWords(hours, 0, undefined, meridiem.toLowerCase()) + keepSentenceStop(match, rest);
    });
}
