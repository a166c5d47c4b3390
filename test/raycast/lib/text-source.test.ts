/** If these fail, Speak reads nothing though text is there, or fails without telling the user what to do. */
import { beforeEach, describe, expect, it } from "vitest";
import { describeMissingText, readTextToSpeak } from "../../../raycast/src/lib/text-source.js";
import { resetRaycastMock, setClipboardText, setSelectedText } from "../../mocks/raycast-api.js";

beforeEach(() => resetRaycastMock());

describe("readTextToSpeak", () => {
  it.each([
    ["the selection when there is one", "Selected.", "Copied.", true, { text: "Selected.", source: "selection" }],
    ["the clipboard when the selection is blank", "  \n", "Copied.", true, { text: "Copied.", source: "clipboard" }],
    ["the clipboard when the selection cannot be read", new Error("x"), "Copied.", true, { source: "clipboard" }],
    [
      "nothing when the fallback is off",
      new Error("x"),
      "Copied.",
      false,
      { text: null, selectionUnreadable: true, clipboardTried: false },
    ],
    ["nothing when both are blank", "", " ", true, { text: null, selectionUnreadable: false, clipboardTried: true }],
  ] as const)("reads %s", async (_name, selection, clipboard, fallback, expected) => {
    setSelectedText(selection);
    setClipboardText(clipboard);
    expect(await readTextToSpeak(fallback)).toMatchObject(expected);
  });
});

describe("describeMissingText", () => {
  it("mentions the Accessibility permission only when the selection could not be read", () => {
    expect(describeMissingText({ selectionUnreadable: true, clipboardTried: true })).toContain("Accessibility");
    expect(describeMissingText({ selectionUnreadable: false, clipboardTried: true })).not.toContain("Accessibility");
  });

  it("points at the clipboard preference when the fallback is off", () => {
    expect(describeMissingText({ selectionUnreadable: false, clipboardTried: false })).toContain(
      "Read clipboard when nothing is selected",
    );
  });
});
