import { describe, expect, it } from "vitest";
import { ProtocolError } from "@kokoro-speech/protocol";
import { listModels, listVoices } from "../../../../daemon/src/server/openai/catalog-routes.js";
import type { Synthesizer } from "../../../../daemon/src/synthesis/synthesizer.js";

/** A synthesizer with exactly these voices installed. */
function synthesizerWith(installed: string[]): Synthesizer {
  return {
    name: "listing-fixture",
    validate({ voice }) {
      if (!installed.includes(voice)) throw new ProtocolError("unknown_voice", `No voice "${voice}".`);
    },
    segments() {
      throw new Error("not used");
    },
  };
}

describe("listModels", () => {
  it("lists every accepted model id in OpenAI's list shape", () => {
    const listing = listModels(1_700_000_000);
    expect(listing.object).toBe("list");
    expect(listing.data.map((model) => model.id)).toEqual(["kokoro", "tts-1", "tts-1-hd", "gpt-4o-mini-tts"]);
    for (const model of listing.data) {
      expect(model).toEqual({ id: model.id, object: "model", created: 1_700_000_000, owned_by: "kokoro-speech" });
    }
  });
});

describe("listVoices", () => {
  it("lists only the catalogue voices the synthesizer accepts, with their catalogue facts", () => {
    const listing = listVoices(synthesizerWith(["af_heart", "bm_george", "af_private"]));
    const voices = listing.data.filter((voice) => voice.alias_of === undefined);
    expect(voices).toEqual([
      { id: "af_heart", object: "voice", language: "en-us", sex: "F", grade: "A" },
      { id: "bm_george", object: "voice", language: "en-gb", sex: "M", grade: "C" },
    ]);
  });

  it("lists an OpenAI name only when the voice it maps to is usable", () => {
    const listing = listVoices(synthesizerWith(["af_alloy", "am_onyx"]));
    const aliases = listing.data.filter((voice) => voice.alias_of !== undefined);
    expect(aliases).toEqual([
      { id: "alloy", object: "voice", language: "en-us", sex: "F", grade: "C", alias_of: "af_alloy" },
      { id: "onyx", object: "voice", language: "en-us", sex: "M", grade: "D", alias_of: "am_onyx" },
    ]);
  });

  it("lists nothing when no catalogue voice is usable", () => {
    expect(listVoices(synthesizerWith([])).data).toEqual([]);
  });
});
