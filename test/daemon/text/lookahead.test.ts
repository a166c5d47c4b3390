import { describe, expect, it } from "vitest";
import { END_OF_TEXT, Lookahead, NEED_MORE_INPUT } from "../../../daemon/src/text/lookahead.js";
import { thrownBy } from "../../helpers/errors.js";

describe("Lookahead", () => {
  it("returns the end marker past the end of a final text", () => {
    const lookahead = new Lookahead("ab", true);
    expect(lookahead.at(1)).toBe("b");
    expect(lookahead.at(2)).toBe(END_OF_TEXT);
    expect(lookahead.slice(1, 5)).toBe("b");
    expect(lookahead.skipWhitespace(2)).toBe(2);
  });

  it("asks for more input past the end of a growing text", () => {
    const lookahead = new Lookahead("a  ", false);
    expect(thrownBy(() => lookahead.at(3))).toBe(NEED_MORE_INPUT);
    expect(thrownBy(() => lookahead.slice(0, 4))).toBe(NEED_MORE_INPUT);
    expect(thrownBy(() => lookahead.skipWhitespace(1))).toBe(NEED_MORE_INPUT);
  });

  it("skips whitespace including line breaks", () => {
    expect(new Lookahead("a \n\t b", false).skipWhitespace(1)).toBe(5);
  });
});
