import { describe, expect, it } from "vitest";
import { isHostReport, isHostRequest } from "../../../daemon/src/audio/speaker-host-messages.js";

describe("isHostRequest", () => {
  it.each([
    ["a write with a Buffer", { type: "write", pcm: Buffer.alloc(2) }, true],
    ["a close", { type: "close" }, true],
    ["a write without PCM", { type: "write" }, false],
    ["a write whose PCM is a plain array", { type: "write", pcm: [0, 0] }, false],
    ["an unknown type", { type: "pause" }, false],
    ["null", null, false],
    ["a string", "close", false],
  ])("judges %s", (_name, value, expected) => {
    expect(isHostRequest(value)).toBe(expected);
  });
});

describe("isHostReport", () => {
  it.each([
    ["ready", { type: "ready" }, true],
    ["written", { type: "written" }, true],
    ["failed with a message", { type: "failed", message: "no device" }, true],
    ["failed without a message", { type: "failed" }, false],
    ["an unknown type", { type: "drained" }, false],
    ["undefined", undefined, false],
  ])("judges %s", (_name, value, expected) => {
    expect(isHostReport(value)).toBe(expected);
  });
});
