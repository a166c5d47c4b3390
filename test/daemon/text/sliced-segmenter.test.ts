/**
 * Segmenting a long text one bounded slice at a time (issue 12): the result must still be a partition of the text
 * into segments numbered from 0 with one primer, slices with nothing to speak must lend their span to a neighbour,
 * and pulling a segment must never make the front end work on more than one slice of the text.
 */
import { ProtocolError } from "@kokoro-speech/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentText, type Segment } from "../../../daemon/src/text/segmenter.js";
import { segmentTextInSlices, SLICE_CHARS, sliceEnd } from "../../../daemon/src/text/sliced-segmenter.js";
import { PROSE, TEN_PARAGRAPHS, WASHING_TEXT } from "./sample-texts.js";

function expectPartition(text: string, result: readonly Segment[]): void {
  expect(result[0]?.start).toBe(0);
  expect(result.at(-1)?.end).toBe(text.length);
  result.forEach((segment, index) => {
    expect(segment.index).toBe(index);
    expect(segment.isPrimer).toBe(index === 0);
    expect(segment.end).toBeGreaterThan(segment.start);
    expect(segment.sourceText).toBe(text.slice(segment.start, segment.end));
    expect(segment.spokenText.trim()).not.toBe("");
    if (index > 0) expect(segment.start).toBe(result[index - 1]?.end);
  });
}

const LONG_TEXTS: Record<string, string> = {
  "letters without a space": "a".repeat(12_345),
  "words without a stop": "hello world ".repeat(2_000),
  "numbers without a stop": "12345 67890 ".repeat(900),
  "prose paragraphs": TEN_PARAGRAPHS.repeat(6),
  "a blank stretch first": `${" \n".repeat(1_500)}${PROSE}`,
  "an emoji stretch between prose": `${PROSE} ${"😀".repeat(1_200)} ${PROSE}`,
  "a long invisible tail": `${PROSE}${"\u200b \n".repeat(1_000)}`,
  "astral letters without a space": "𝒜".repeat(3_001),
};

describe("segmentTextInSlices", () => {
  it.each([PROSE, WASHING_TEXT, "Hello there."])(
    "segments a text that fits one slice exactly as segmentText",
    (text) => {
      expect(text.length).toBeLessThanOrEqual(SLICE_CHARS);
      expect([...segmentTextInSlices(text)]).toEqual([...segmentText(text)]);
    },
  );

  it.each(Object.entries(LONG_TEXTS))("partitions %s into numbered segments with one primer", (_name, text) => {
    expectPartition(text, [...segmentTextInSlices(text)]);
  });

  it("never measures more than one slice of text to produce a segment, however long the sentence", () => {
    const text = "a".repeat(199_000);
    let longest = 0;
    const iterator = segmentTextInSlices(text, {
      measureTokens: (spoken) => {
        longest = Math.max(longest, spoken.length);
        return Math.ceil(spoken.length / 2);
      },
    });
    expect(iterator.next().done).toBe(false);
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(SLICE_CHARS + 1);
  });

  it("refuses a long text with nothing speakable with empty_text", () => {
    const run = (): Segment[] => [...segmentTextInSlices("😀 ".repeat(2_000))];
    expect(run).toThrow(ProtocolError);
    expect(run).toThrow(/nothing/);
  });

  it("keeps validating up front like segmentText", () => {
    expect(() => segmentTextInSlices(" \n\t")).toThrow(ProtocolError);
  });
});

describe("sliceEnd", () => {
  it.each([
    ["a paragraph break over later spaces", `${"x".repeat(600)}\n\n${"y ".repeat(100)}`, 602],
    ["a line break over later sentence ends", `${"x".repeat(600)}\n${"y. ".repeat(50)}`, 601],
    ["a sentence end over later spaces", `${"x".repeat(600)}. ${"y ".repeat(100)}`, 602],
    ["a space", `${"x".repeat(600)} `, 601],
    [
      "nothing in the first half: a paragraph break at 100 loses to a space at 700",
      `${"x".repeat(100)}\n\n${"x".repeat(598)} `,
      701,
    ],
  ])("cuts after %s", (_name, head, cut) => {
    expect(sliceEnd(`${head}${"z".repeat(2_000)}`, 0, 1_000)).toBe(cut);
  });

  it("cuts at most maxChars, never inside a surrogate pair, and always moves forward", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3_000 }), fc.integer({ min: 2, max: 700 }), (text, max) => {
        for (let from = 0; from < text.length;) {
          const to = sliceEnd(text, from, max);
          expect(to).toBeGreaterThan(from);
          expect(to - from).toBeLessThanOrEqual(max);
          const high = text.charCodeAt(to - 1);
          if (to < text.length) expect(high >= 0xd800 && high <= 0xdbff).toBe(false);
          from = to;
        }
      }),
    );
  });
});
