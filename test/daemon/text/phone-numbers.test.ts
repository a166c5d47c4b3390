import { describe, expect, it } from "vitest";
import { expandPhoneNumbers } from "../../../daemon/src/text/phone-numbers.js";

describe("expandPhoneNumbers", () => {
  it.each([
    ["(555) 123-4567", "five five five, one two three, four five six seven"],
    ["555-123-4567", "five five five, one two three, four five six seven"],
    ["+1 555 123 4567", "plus one, five five five, one two three, four five six seven"],
    ["+44 20 7946 0958", "plus four four, two zero, seven nine four six, zero nine five eight"],
    ["call 555-1234 now", "call five five five, one two three four now"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandPhoneNumbers(input)).toBe(expected);
  });

  it.each(["10-20", "2024-01-15", "1234"])("leaves %s, which is not a phone number, unchanged", (input) => {
    expect(expandPhoneNumbers(input)).toBe(input);
  });
});
