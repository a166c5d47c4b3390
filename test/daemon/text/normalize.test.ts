import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTextCounters } from "../../../daemon/src/text/counters.js";
import { ensureSentenceEnd, normalizeText } from "../../../daemon/src/text/normalize.js";
import { WASHING_TEXT } from "./sample-texts.js";

/** One row per family from the issue, read through the whole pipeline. */
const PIPELINE_CASES: ReadonlyArray<readonly [input: string, spoken: string]> = [
  ["We sold 1,234 units.", "We sold one thousand two hundred thirty-four units."],
  ["It dropped to -3.5 today.", "It dropped to minus three point five today."],
  ["She finished 1st, he 22nd.", "She finished first, he twenty-second."],
  [
    "Born in 1990, moved in 2024, built in 1905.",
    "Born in nineteen ninety, moved in twenty twenty-four, built in nineteen oh five.",
  ],
  ["Music of the 1980s.", "Music of the nineteen eighties."],
  ["Wait 10-20 minutes.", "Wait ten to twenty minutes."],
  ["Add 3/4 cup.", "Add three quarters cup."],
  ["Save 15% now.", "Save fifteen percent now."],
  ["It costs $5.50.", "It costs five dollars and fifty cents."],
  ["They raised $1.2M.", "They raised one point two million dollars."],
  ["Tickets are £3.20 or €4.", "Tickets are three pounds and twenty pence or four euros."],
  ["Lunch at 3:05pm, dinner at 19:30.", "Lunch at three oh five P-M, dinner at nineteen thirty."],
  ["Due 2024-01-15.", "Due January fifteenth, twenty twenty-four."],
  ["Due 1/15/2024.", "Due January fifteenth, twenty twenty-four."],
  ["See you Jan 3rd.", "See you January third."],
  ["Run 5 km at 20°C.", "Run five kilometers at twenty degrees Celsius."],
  ["It has 16 GB and does 60 mph.", "It has sixteen gigabytes and does sixty miles per hour."],
  ["Call (555) 123-4567.", "Call five five five, one two three, four five six seven."],
  ["Install v2.3.1 now.", "Install version two point three point one now."],
  ["Dr. Smith lives on Elm Dr. in St. Louis.", "Doctor Smith lives on Elm Drive in Saint Louis."],
  ["Prof. Lee, Mr. Li and Mrs. Wu met.", "Professor Lee, Mister Li and Missus Wu met."],
  ["Fruit, e.g. apples, i.e. food, etc.", "Fruit, for example apples, that is food, et cetera."],
  ["Cats vs. dogs.", "Cats versus dogs."],
  ["The U.S. and the FBI, not NASA.", "The U-S and the F-B-I, not NASA."],
  ["Henry VIII ruled.", "Henry the eighth ruled."],
  ["Go to https://www.example.com/docs.", "Go to example dot com slash docs."],
  ["Write to jane.doe@example.com.", "Write to jane dot doe at example dot com."],
  ["Follow #TypeScript and @ana.", "Follow hashtag Type Script and at ana."],
  ["Great job 🎉👍🏽!", "Great job!"],
  ["“Smart” quotes and it’s fine.", '"Smart" quotes and it\'s fine.'],
  ["Wait—what... really?", "Wait — what… really?"],
  ["## Release notes", "Release notes"],
  ["- Faster start-up", "Faster start-up"],
  ["1. Install it", "one. Install it"],
  ["Run `npm test` and read [the guide](https://example.com/guide).", "Run N-P-M test and read the guide."],
  ["```sh", "Code block skipped."],
  ["At 6 p.m. Don't be late.", "At six P-M. Don't be late."],
  ["Hello 你好.", "Hello 你好."],
];

describe("normalizeText", () => {
  it.each(PIPELINE_CASES)("reads %j as %j", (input, spoken) => {
    expect(normalizeText(input)).toBe(spoken);
  });

  it("reads every word of the washing text, joining soft wraps", () => {
    const spoken = normalizeText(WASHING_TEXT);
    expect(spoken).not.toContain("\n");
    expect(spoken).toContain("Warm or Hot water temperature selection as appropriate for your clothes load");
    expect(spoken.split(" ")).toEqual(WASHING_TEXT.split(/\s+/));
  });

  it("counts what it cleans", () => {
    const counters = createTextCounters();
    normalizeText("a\u200Bb 😀 c ^ d \u202E你", counters);
    expect(counters).toMatchObject({
      zeroWidthChars: 1,
      emoji: 1,
      droppedSymbols: 1,
      bidiControls: 1,
      nonLatinLetters: 1,
    });
  });

  it("never throws and leaves no digits, controls or line breaks, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (input) => {
        const spoken = normalizeText(input);
        expect(spoken).not.toMatch(/\p{Cc}|[\u200B\uFEFF]/u);
        expect(spoken).toBe(spoken.trim());
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("1", "0", "9", ".", ",", "-", "/", ":", "$", "%", " ", "a", "st"), { maxLength: 30 }),
        (parts) => {
          expect(normalizeText(parts.join(""))).not.toMatch(/[0-9]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("ensureSentenceEnd", () => {
  it.each([
    ["Hello", "Hello."],
    ["Hello.", "Hello."],
    ["Really?", "Really?"],
    ['He said "yes."', 'He said "yes."'],
    ["Well,", "Well."],
    ["", ""],
  ])("ends %j as %j", (input, expected) => {
    expect(ensureSentenceEnd(input)).toBe(expected);
  });
});
