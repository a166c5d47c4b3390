import { describe, expect, it } from "vitest";
import { CODE_BLOCK_NOTICE, isCodeFence, stripMarkdown } from "../../../daemon/src/text/markdown.js";

describe("stripMarkdown", () => {
  it.each([
    ["## Getting started", "Getting started"],
    ["# Title #", "Title"],
    ["- buy milk", "buy milk"],
    ["* buy milk", "buy milk"],
    ["• buy milk", "buy milk"],
    ["3) third step", "3. third step"],
    ["> quoted words", "quoted words"],
    ["Read `npm test` first", "Read npm test first"],
    ["See [the docs](https://example.com) now", "See the docs now"],
    ["![a cat](cat.png)", "a cat"],
    ["**bold** and *italic* and _also_ and ~~gone~~", "bold and italic and also and gone"],
    ["| Name | Age |", "Name, Age"],
    ["|---|:---:|", ""],
    ["---", ""],
    ["<https://example.com>", "https://example.com"],
  ])("turns %j into %j", (input, expected) => {
    expect(stripMarkdown(input)).toBe(expected);
  });

  it("replaces a whole fenced code block with a short notice", () => {
    expect(stripMarkdown("```ts\nconst a = 1;\n```")).toBe(CODE_BLOCK_NOTICE);
    expect(isCodeFence("~~~\nx\n~~~")).toBe(true);
  });

  it("keeps multiplication stars and snake_case words", () => {
    expect(stripMarkdown("2 * 3 * 4 and snake_case_name")).toBe("2 * 3 * 4 and snake_case_name");
  });
});
