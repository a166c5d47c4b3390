import { describe, expect, it } from "vitest";
import { joinLines } from "../../../daemon/src/text/line-joins.js";

describe("joinLines", () => {
  it.each([
    ["soft\nwrap", "soft wrap"],
    ["spaces  \n   around", "spaces around"],
    ["windows\r\nline", "windows line"],
    ["multi-\nstage", "multi-stage"],
    ["ends with a dash -\nNext", "ends with a dash - Next"],
  ])("joins %j as %j", (input, expected) => {
    expect(joinLines(input)).toBe(expected);
  });
});
