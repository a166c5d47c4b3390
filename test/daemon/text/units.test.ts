import { describe, expect, it } from "vitest";
import { expandUnits } from "../../../daemon/src/text/units.js";

describe("expandUnits", () => {
  it.each([
    ["5 km", "five kilometers"],
    ["1 km", "one kilometer"],
    ["10kg", "ten kilograms"],
    ["20°C", "twenty degrees Celsius"],
    ["-5 °F", "minus five degrees Fahrenheit"],
    ["90°", "ninety degrees"],
    ["5 MB", "five megabytes"],
    ["3.5 GB", "three point five gigabytes"],
    ["60 mph", "sixty miles per hour"],
    ["100 km/h", "one hundred kilometers per hour"],
    ["5 ft", "five feet"],
    ["1.0 kg", "one point zero kilograms"],
    ["2,000 mAh", "two thousand milliamp hours"],
    ["250 ms", "two hundred fifty milliseconds"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandUnits(input)).toBe(expected);
  });

  it.each(["5 in the box", "5 mb", "3 GBs later", "5 gb"])("leaves %s without a known unit unchanged", (input) => {
    expect(expandUnits(input)).toBe(input);
  });
});
