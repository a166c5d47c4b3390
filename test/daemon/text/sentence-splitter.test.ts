import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SentenceSplitter, splitSentences, type Sentence } from "../../../daemon/src/text/sentence-splitter.js";
import { MARKDOWN_NOTE, PROSE, TEN_PARAGRAPHS, WASHING_TEXT } from "./sample-texts.js";

interface SplitCase {
  readonly name: string;
  readonly input: string;
  readonly sentences: readonly string[];
}

const CASES: readonly SplitCase[] = [
  // Abbreviations that end a sentence…
  {
    name: "the U.S. Then",
    input: "He lives in the U.S. Then he left.",
    sentences: ["He lives in the U.S.", "Then he left."],
  },
  { name: "etc. We", input: "Apples, pears, etc. We left.", sentences: ["Apples, pears, etc.", "We left."] },
  { name: "6 p.m. Don't", input: "Meet at 6 p.m. Don't be late.", sentences: ["Meet at 6 p.m.", "Don't be late."] },
  {
    name: "Inc. at the end",
    input: "I work at Acme Inc. It is fine.",
    sentences: ["I work at Acme Inc.", "It is fine."],
  },
  // …and abbreviations that do not.
  { name: "Dr. Smith", input: "Dr. Smith is here. Go.", sentences: ["Dr. Smith is here.", "Go."] },
  { name: "Mr. and Mrs.", input: "Mr. and Mrs. Jones came.", sentences: ["Mr. and Mrs. Jones came."] },
  { name: "e.g. before a name", input: "Cities, e.g. Paris, are big.", sentences: ["Cities, e.g. Paris, are big."] },
  { name: "a middle initial", input: "John F. Kennedy spoke.", sentences: ["John F. Kennedy spoke."] },
  {
    name: "No. before a number",
    input: "Room No. 5 is free. Take it.",
    sentences: ["Room No. 5 is free.", "Take it."],
  },
  { name: "a month before a day", input: "On Jan. 3 we met.", sentences: ["On Jan. 3 we met."] },
  {
    name: "a lower-case word after a stop",
    input: "See the fig. below for more.",
    sentences: ["See the fig. below for more."],
  },
  {
    name: "a street type at the end",
    input: "They live on Elm Dr. They like it.",
    sentences: ["They live on Elm Dr.", "They like it."],
  },
  // Numbers.
  {
    name: "decimals",
    input: "It costs 3.50 dollars. Pi is 3.14.",
    sentences: ["It costs 3.50 dollars.", "Pi is 3.14."],
  },
  { name: "a year before the stop", input: "It was 2024. Next year.", sentences: ["It was 2024.", "Next year."] },
  { name: "a two-letter sentence", input: "Go. Now.", sentences: ["Go.", "Now."] },
  // Addresses.
  {
    name: "a URL followed by a full stop",
    input: "Visit example.com. Then call.",
    sentences: ["Visit example.com.", "Then call."],
  },
  {
    name: "a URL with a path and query",
    input: "Open https://x.io/a.b?c=d. It works.",
    sentences: ["Open https://x.io/a.b?c=d.", "It works."],
  },
  {
    name: "an e-mail followed by a full stop",
    input: "Mail a.b@c.com. Thanks.",
    sentences: ["Mail a.b@c.com.", "Thanks."],
  },
  // Quotes and brackets.
  { name: "a quoted question", input: '"Is it?" she asked. Yes.', sentences: ['"Is it?" she asked.', "Yes."] },
  {
    name: "sentences inside quotes",
    input: 'He said "Stop. Now." Then he left.',
    sentences: ['He said "Stop. Now."', "Then he left."],
  },
  { name: "a bracketed sentence", input: "(See Fig. 3.) Next one.", sentences: ["(See Fig. 3.)", "Next one."] },
  { name: "smart quotes", input: "“Hi!” she said. Bye.", sentences: ["“Hi!” she said.", "Bye."] },
  // Ellipses and runs of terminators.
  { name: "an ellipsis before lower case", input: "Wait... what? Fine.", sentences: ["Wait... what?", "Fine."] },
  {
    name: "an ellipsis before a capital",
    input: "He paused… Then it ended.",
    sentences: ["He paused…", "Then it ended."],
  },
  {
    name: "an ellipsis after an opening interjection",
    input: "Well... I suppose so.",
    sentences: ["Well... I suppose so."],
  },
  {
    name: "an ellipsis after two interjections",
    input: "Oh, well… Maybe. Later.",
    sentences: ["Oh, well… Maybe.", "Later."],
  },
  {
    name: "an ellipsis after a quoted interjection",
    input: "“Um... Yes,” she said. Then quiet.",
    sentences: ["“Um... Yes,” she said.", "Then quiet."],
  },
  {
    name: "an ellipsis after a word that is not an interjection",
    input: "Wellington... I suppose so.",
    sentences: ["Wellington...", "I suppose so."],
  },
  { name: "a leading ellipsis", input: "... and then. Done.", sentences: ["... and then.", "Done."] },
  { name: "a run of terminators", input: "Really?! Yes!!! Ok.", sentences: ["Really?!", "Yes!!!", "Ok."] },
  // Numbered lists.
  {
    name: "a numbered list",
    input: "Steps:\n1. Open the lid.\n2. Add soap.\n3. Close it",
    sentences: ["Steps:", "1. Open the lid.", "2. Add soap.", "3. Close it"],
  },
  { name: "a list number after a colon", input: "Two steps: 1. Open it.", sentences: ["Two steps: 1. Open it."] },
  // Line breaks without punctuation (lessons §10 rule 9).
  {
    name: "a heading and bullets",
    input: "# Title\nSome text here\n- item one\n- item two",
    sentences: ["# Title", "Some text here", "- item one", "- item two"],
  },
  {
    name: "a soft wrap before lower case",
    input: "a long line\nwrapped here.",
    sentences: ["a long line wrapped here."],
  },
  {
    name: "a line ending in a function word",
    input: "Warm water and\nHot water.",
    sentences: ["Warm water and Hot water."],
  },
  { name: "a line ending in a comma", input: "Dear Ana,\nThanks.", sentences: ["Dear Ana, Thanks."] },
  { name: "short lines starting with capitals", input: "Milk\nEggs\nBread", sentences: ["Milk", "Eggs", "Bread"] },
  { name: "a paragraph break", input: "Para one\n\nPara two", sentences: ["Para one", "Para two"] },
  { name: "a paragraph break after lower case", input: "one\n \nmore", sentences: ["one", "more"] },
  { name: "Windows line breaks", input: "First line\r\nSecond line", sentences: ["First line", "Second line"] },
  // Code fences and CJK.
  {
    name: "a code fence",
    input: "Run this:\n```sh\nnpm test. Then\n```\nDone.",
    sentences: ["Run this:", "```sh npm test. Then ```", "Done."],
  },
  { name: "an unclosed code fence", input: "Code:\n```\nx = 1.\nY = 2.", sentences: ["Code:", "``` x = 1. Y = 2."] },
  { name: "CJK terminators", input: "你好。再见！好", sentences: ["你好。", "再见！", "好"] },
  // Whitespace.
  { name: "surrounding whitespace", input: "  \n Hello there.  \n ", sentences: ["Hello there."] },
];

const WASHING_SENTENCES = [
  "Cycle for normal, regular, or typical use for washing up to a full load of normally soiled cotton clothing.",
  // A capitalised word at a line start reads as a new line item (rule 9): one extra pause, every word still read.
  "Choose the Heavy or Extra",
  "Heavy soil level selection and Warm or Hot water temperature selection as appropriate for your clothes load for a higher degree of cleaning.",
  "Incorporates multi-stage fills and wash periods to provide optimal fabric care.",
];

function streamed(text: string, chunkLengths: readonly number[]): Sentence[] {
  const splitter = new SentenceSplitter();
  const sentences: Sentence[] = [];
  let offset = 0;
  let index = 0;
  while (offset < text.length) {
    const length = Math.max(1, chunkLengths[index % Math.max(1, chunkLengths.length)] ?? 1);
    sentences.push(...splitter.push(text.slice(offset, offset + length)));
    offset += length;
    index += 1;
  }
  return [...sentences, ...splitter.flush()];
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== "");
}

describe("splitSentences", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("splits %s", (_name, { input, sentences }) => {
    expect(splitSentences(input).map((sentence) => sentence.text)).toEqual(sentences);
  });

  it("reads the washing-machine panel text completely, joining soft wraps", () => {
    const sentences = splitSentences(WASHING_TEXT);
    expect(sentences.map((sentence) => sentence.text)).toEqual(WASHING_SENTENCES);
    expect(sentences.flatMap((sentence) => words(sentence.text))).toEqual(words(WASHING_TEXT));
  });

  it.each([
    ["prose", PROSE],
    ["Markdown", MARKDOWN_NOTE],
    ["ten paragraphs", TEN_PARAGRAPHS],
  ])("gives spans whose source text is the sentence, in order, losing no word (%s)", (_name, text) => {
    const sentences = splitSentences(text);
    let previousEnd = 0;
    for (const sentence of sentences) {
      expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
      expect(text.slice(previousEnd, sentence.start).trim()).toBe("");
      expect(sentence.text).toBe(text.slice(sentence.start, sentence.end).replace(/[ \t]*\r?\n[ \t]*/g, " "));
      previousEnd = sentence.end;
    }
    expect(text.slice(previousEnd).trim()).toBe("");
    expect(sentences.flatMap((sentence) => words(sentence.text))).toEqual(words(text));
  });

  it("gives no sentences for whitespace", () => {
    expect(splitSentences(" \n\t ")).toEqual([]);
  });
});

describe("SentenceSplitter", () => {
  const texts = [...CASES.map((c) => c.input), WASHING_TEXT, PROSE, MARKDOWN_NOTE];

  it.each(texts.map((text) => [text.slice(0, 40), text] as const))(
    "gives the same sentences one character at a time as at once (%j…)",
    (_name, text) => {
      expect(streamed(text, [1])).toEqual(splitSentences(text));
    },
  );

  it("reads a block quote wrapped over lines the same however it is chunked", () => {
    const text = "> You can read it here. The\n> rest of the quote follows.\n>\n> Next paragraph.";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      "> You can read it here.",
      "The > rest of the quote follows.",
      ">",
      "> Next paragraph.",
    ]);
    for (let size = 1; size <= text.length; size += 1) expect(streamed(text, [size])).toEqual(splitSentences(text));
  });

  it("gives the same sentences for any chunking of real and random text", () => {
    const alphabet = fc.constantFrom(
      ..."ab Z.,!?…\n\"'()“”-:#*`~1 9".split(""),
      "Dr. ",
      "U.S. ",
      "e.g. ",
      "3.14",
      "```",
      "\n\n",
      "- ",
      "1. ",
      "😀",
      "\u200B",
      // Developer text (issue 20): quotes wrapped over lines, links and inline code opening a line, HTML tags.
      "\n> ",
      "> ",
      "[`x`](u)",
      '<p a="b. C">',
      "[!NOTE]",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(PROSE, WASHING_TEXT, MARKDOWN_NOTE),
          fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join("")),
        ),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
        (text, chunkLengths) => {
          expect(streamed(text, chunkLengths)).toEqual(splitSentences(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("emits a sentence as soon as the text after it decides it", () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push("First one.")).toEqual([]);
    expect(splitter.push(" Second")).toEqual([{ start: 0, end: 10, text: "First one." }]);
    expect(splitter.flush()).toEqual([{ start: 11, end: 17, text: "Second" }]);
  });

  it("refuses text pushed after flush", () => {
    const splitter = new SentenceSplitter();
    splitter.flush();
    expect(() => splitter.push("late")).toThrow(/after flush/);
  });
});
