import { describe, expect, it } from "vitest";
import { soakMinutesFromEnv } from "./soak.js";

describe("soakMinutesFromEnv", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["0", undefined],
    ["-5", undefined],
    ["half an hour", undefined],
    ["30", 30],
    ["0.5", 0.5],
  ])("reads KOKORO_BENCH_SOAK_MINUTES=%j as %j", (value, minutes) => {
    const env = value === undefined ? {} : { KOKORO_BENCH_SOAK_MINUTES: value };
    expect(soakMinutesFromEnv(env)).toBe(minutes);
  });
});
