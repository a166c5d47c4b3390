/**
 * US states and parties in the forms newspapers print: "(D-Calif.)" → "(Democrat of California)", "(R-TX)" →
 * "(Republican of Texas)", "Portland, Ore." → "Portland, Oregon", "Austin, TX 78701" → "Austin, Texas 78701".
 */
import { digitsToWords } from "./number-words.js";

const STATES: ReadonlyArray<readonly [name: string, postal: string, ap?: string]> = [
  ["Alabama", "AL", "Ala"],
  ["Alaska", "AK"],
  ["Arizona", "AZ", "Ariz"],
  ["Arkansas", "AR", "Ark"],
  ["California", "CA", "Calif"],
  ["Colorado", "CO", "Colo"],
  ["Connecticut", "CT", "Conn"],
  ["Delaware", "DE", "Del"],
  ["Florida", "FL", "Fla"],
  ["Georgia", "GA", "Ga"],
  ["Hawaii", "HI"],
  ["Idaho", "ID"],
  ["Illinois", "IL", "Ill"],
  ["Indiana", "IN", "Ind"],
  ["Iowa", "IA"],
  ["Kansas", "KS", "Kan"],
  ["Kentucky", "KY", "Ky"],
  ["Louisiana", "LA", "La"],
  ["Maine", "ME"],
  ["Maryland", "MD", "Md"],
  ["Massachusetts", "MA", "Mass"],
  ["Michigan", "MI", "Mich"],
  ["Minnesota", "MN", "Minn"],
  ["Mississippi", "MS", "Miss"],
  ["Missouri", "MO", "Mo"],
  ["Montana", "MT", "Mont"],
  ["Nebraska", "NE", "Neb"],
  ["Nevada", "NV", "Nev"],
  ["New Hampshire", "NH", "N.H"],
  ["New Jersey", "NJ", "N.J"],
  ["New Mexico", "NM", "N.M"],
  ["New York", "NY", "N.Y"],
  ["North Carolina", "NC", "N.C"],
  ["North Dakota", "ND", "N.D"],
  ["Ohio", "OH"],
  ["Oklahoma", "OK", "Okla"],
  ["Oregon", "OR", "Ore"],
  ["Pennsylvania", "PA", "Pa"],
  ["Rhode Island", "RI", "R.I"],
  ["South Carolina", "SC", "S.C"],
  ["South Dakota", "SD", "S.D"],
  ["Tennessee", "TN", "Tenn"],
  ["Texas", "TX"],
  ["Utah", "UT"],
  ["Vermont", "VT", "Vt"],
  ["Virginia", "VA", "Va"],
  ["Washington", "WA", "Wash"],
  ["West Virginia", "WV", "W.Va"],
  ["Wisconsin", "WI", "Wis"],
  ["Wyoming", "WY", "Wyo"],
  ["the District of Columbia", "DC", "D.C"],
];

const PARTIES: Readonly<Record<string, string>> = { D: "Democrat", R: "Republican", I: "Independent" };

const BY_ABBREVIATION = new Map<string, string>();
for (const [name, postal, ap] of STATES) {
  BY_ABBREVIATION.set(postal, name);
  if (ap !== undefined) BY_ABBREVIATION.set(`${ap}.`, name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ABBREVIATION = [...BY_ABBREVIATION.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
/** "(D-Calif.)", "(R-TX)", "(I-Vt.)", "(D., N.Y.)". */
const PARTY_STATE = new RegExp(String.raw`\(([DRI])\.?\s?[-–,]\s?(${ABBREVIATION})\)`, "g");
/** Postal codes that are also English words or common initialisms are read as states only before a ZIP code. */
const AMBIGUOUS_POSTAL = new Set(["OK", "IN", "ME", "OR", "HI", "ID", "OH", "PA", "LA", "MA", "CO", "DE", "AL", "MS"]);
/** "Portland, Ore." or "Austin, TX" after a capitalised place name. */
const PLACE_STATE = new RegExp(
  // The comma starts the match (no look-behind tried at every position); the place name is checked in the callback.
  String.raw`,\s(${ABBREVIATION})(?![\p{L}])(?!\.\p{L})(\s\d{5})?`,
  "gu",
);

/** A capitalised place name right before the comma. */
const PLACE_BEFORE = /(?:^|[^\p{L}.'-])\p{Lu}[\p{L}.'-]*$/u;

/** Rewrites party-state tags and state abbreviations after a place name. */
export function expandStates(text: string): string {
  if (!/\([DRI]|,\s\p{Lu}/u.test(text)) return text;
  return text
    .replace(PARTY_STATE, (match, party = "", state = "") => {
      const name = BY_ABBREVIATION.get(state);
      return name ? `(${PARTIES[party] ?? party} of ${name})` : match;
    })
    .replace(PLACE_STATE, (match, state = "", zip: string | undefined, offset: number, whole: string) => {
      const name = BY_ABBREVIATION.get(state);
      if (!name || !PLACE_BEFORE.test(whole.slice(Math.max(0, offset - 40), offset))) return match;
      if (!state.endsWith(".") && AMBIGUOUS_POSTAL.has(state) && zip === undefined) return match;
      // A dotted form that ends the sentence keeps the sentence's full stop.
      const rest = whole.slice(offset + match.length);
      const stop = state.endsWith(".") && /^["')\]]*\s*$/.test(rest) ? "." : "";
      return `, ${name}${stop}${zip === undefined ? "" : ` ${digitsToWords(zip.trim())}`}`;
    });
}
