import { describe, expect, it } from "vitest";
import { expandInitialisms, isShouted } from "../../../daemon/src/text/initialisms.js";

describe("expandInitialisms", () => {
  it.each([
    ["the U.S. economy", "the U-S economy"],
    ["in the U.S.", "in the U-S."],
    ["the U.S. Then", "the U-S. Then"],
    ["the FBI and the CIA", "the F-B-I and the C-I-A"],
    ["NASA launched", "NASA launched"],
    ["it is OK", "it is okay"],
    ["two APIs", "two A-P-I's"],
    ["the FBI's files", "the F-B-I's files"],
    ["a JPEG file", "a jay peg file"],
  ])("reads %j as %j", (input, expected) => {
    expect(expandInitialisms(input)).toBe(expected);
  });

  it("leaves text written in capitals throughout to G2P", () => {
    expect(expandInitialisms("DO NOT OPEN THE LID")).toBe("DO NOT OPEN THE LID");
    expect(isShouted("DO NOT OPEN THE LID")).toBe(true);
    expect(isShouted("The FBI and the CIA")).toBe(false);
  });
});
