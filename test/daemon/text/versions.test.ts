import { describe, expect, it } from "vitest";
import { expandVersions } from "../../../daemon/src/text/versions.js";

describe("expandVersions", () => {
  it.each([
    ["v2.3.1", "version two point three point one"],
    ["V10.0", "version ten point zero"],
    ["Version v2.3.1", "Version two point three point one"],
    ["node 20.19.4", "node twenty point nineteen point four"],
    ["192.168.0.1", "one ninety-two dot one sixty-eight dot zero dot one"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandVersions(input)).toBe(expected);
  });

  it("leaves an ordinary decimal for the number rules", () => {
    expect(expandVersions("3.14")).toBe("3.14");
  });
});
