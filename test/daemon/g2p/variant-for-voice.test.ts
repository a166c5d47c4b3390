import { describe, expect, it } from "vitest";
import { ProtocolError } from "@kokoro-speech/protocol";
import { variantForVoice } from "../../../daemon/src/g2p/variant-for-voice.js";

describe("variantForVoice", () => {
  it("maps a… voices to en-us and b… voices to en-gb", () => {
    expect([variantForVoice("af_heart"), variantForVoice("am_adam"), variantForVoice("bf_emma")]).toEqual([
      "en-us",
      "en-us",
      "en-gb",
    ]);
  });

  it("refuses other languages with unsupported_language", () => {
    let caught: unknown;
    try {
      variantForVoice("jf_alpha");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProtocolError);
    expect((caught as ProtocolError).code).toBe("unsupported_language");
  });
});
