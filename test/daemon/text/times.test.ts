import { describe, expect, it } from "vitest";
import { expandTimes } from "../../../daemon/src/text/times.js";

describe("expandTimes", () => {
  it.each([
    ["3:05pm", "three oh five P-M"],
    ["3:05 PM", "three oh five P-M"],
    ["14:30", "fourteen thirty"],
    ["3:00", "three o'clock"],
    ["14:00", "fourteen hundred"],
    ["00:00", "midnight"],
    ["10:30:15", "ten thirty and fifteen seconds"],
    ["at 6 p.m. sharp", "at six P-M sharp"],
    ["7am", "seven A-M"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandTimes(input)).toBe(expected);
  });

  it("keeps the full stop that a.m./p.m. shares with the end of the sentence", () => {
    expect(expandTimes("Meet at 6 p.m.")).toBe("Meet at six P-M.");
    expect(expandTimes("At 6 p.m. Don't be late.")).toBe("At six P-M. Don't be late.");
  });

  it.each(["25:00", "12:75", "13pm", "5 apples"])("leaves %s, which is not a time, unchanged", (input) => {
    expect(expandTimes(input)).toBe(input);
  });
});
