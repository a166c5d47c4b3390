import { describe, expect, it } from "vitest";
import { defaultIntraOpNumThreads } from "../../../daemon/src/engine/threads.js";

describe("defaultIntraOpNumThreads", () => {
  it.each([
    ["arm64", 10, 10],
    ["arm64", 3, 3],
    ["x64", 1, 1],
    ["x64", 2, 2],
    ["x64", 3, 3],
    ["x64", 8, 4],
    ["x64", 16, 8],
  ])("on %s with %s logical CPUs uses %s threads", (arch, logical, expected) => {
    expect(defaultIntraOpNumThreads(arch, logical)).toBe(expected);
  });

  it("uses at least one thread on this machine", () => {
    expect(defaultIntraOpNumThreads()).toBeGreaterThanOrEqual(1);
  });
});
