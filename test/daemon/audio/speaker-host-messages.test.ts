import { describe, expect, it } from "vitest";
import {
  encodeHostPcmFormat,
  isHostReport,
  isHostRequest,
  parseHostPcmFormat,
} from "../../../daemon/src/audio/speaker-host-messages.js";

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

describe("parseHostPcmFormat", () => {
  it("reads back the format the sink encodes", () => {
    const format = { sampleRateHz: 24_000, channelCount: 1, bitsPerSample: 16 };

    expect(parseHostPcmFormat(encodeHostPcmFormat(format))).toEqual(format);
  });

  it.each([
    ["a missing argument", undefined],
    ["text that is not JSON", "24000"],
    ["JSON null", "null"],
    ["a missing field", '{"sampleRateHz":24000,"channelCount":1}'],
    ["a fractional rate", '{"sampleRateHz":24000.5,"channelCount":1,"bitsPerSample":16}'],
    ["zero channels", '{"sampleRateHz":24000,"channelCount":0,"bitsPerSample":16}'],
    ["a bit depth given as a string", '{"sampleRateHz":24000,"channelCount":1,"bitsPerSample":"16"}'],
  ])("refuses %s", (_name, text) => {
    expect(parseHostPcmFormat(text)).toBeUndefined();
  });
});
