/** If these fail, the menu's "Now speaking" line is unreadably long or shows another stream's text. */
import { describe, expect, it } from "vitest";
import { excerptOf, recallNowSpeaking, rememberNowSpeaking } from "../../../raycast/src/lib/now-speaking.js";
import { Cache } from "@raycast/api";
import { resetRaycastMock } from "../../mocks/raycast-api.js";

describe("excerptOf", () => {
  it.each([
    ["Short text.", "Short text."],
    ["  padded  words  ", "padded words"],
    ["one two three four five six seven", "one two three four five six…"],
    ["Line one\nline two", "Line one line two"],
    ["Supercalifragilisticexpialidocious-and-then-some-more-words", "Supercalifragilisticexpialidocious-and-…"],
  ])("%j → %j", (text, excerpt) => {
    expect(excerptOf(text)).toBe(excerpt);
  });
});

describe("rememberNowSpeaking", () => {
  it("keeps the stream id with the excerpt and the whole text for the menu bar", () => {
    resetRaycastMock();
    expect(recallNowSpeaking(new Cache())).toBeNull();
    const text = "Read this aloud please. Then the second sentence, which the menu finds by its offsets.";
    rememberNowSpeaking(new Cache(), 7, text);
    expect(recallNowSpeaking(new Cache())).toEqual({ streamId: 7, excerpt: "Read this aloud please. Then the…", text });
  });

  it("still reads an entry written before the text was kept", () => {
    resetRaycastMock();
    new Cache().set("now-speaking", JSON.stringify({ streamId: 3, excerpt: "Old entry" }));
    expect(recallNowSpeaking(new Cache())).toEqual({ streamId: 3, excerpt: "Old entry" });
  });
});
