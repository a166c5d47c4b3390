/** If these fail, Speak reads nothing though text is there, or fails without telling the user what to do. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  describeMissingText,
  readClipboard,
  readSelectionOrClipboard,
  typedText,
} from "../../../raycast/src/lib/text-source.js";
import { resetRaycastMock, setClipboardText, setSelectedText } from "../../mocks/raycast-api.js";

beforeEach(() => resetRaycastMock());

describe("readSelectionOrClipboard", () => {
  it.each([
    ["the selection when there is one", "Selected.", "Copied.", true, { text: "Selected.", source: "selection" }],
    ["the clipboard when the selection is blank", "  \n", "Copied.", true, { text: "Copied.", source: "clipboard" }],
    ["the clipboard when the selection cannot be read", new Error("x"), "Copied.", true, { source: "clipboard" }],
  ] as const)("reads %s", async (_name, selection, clipboard, fallback, expected) => {
    setSelectedText(selection);
    setClipboardText(clipboard);
    expect(await readSelectionOrClipboard(fallback)).toMatchObject(expected);
  });

  it("reads nothing when the fallback is off, and names the permission and the preference", async () => {
    setSelectedText(new Error("x"));
    setClipboardText("Copied.");
    const found = await readSelectionOrClipboard(false);
    expect(found).toMatchObject({ fix: "select some text first" });
    expect("details" in found && found.details).toContain("Accessibility");
    expect("details" in found && found.details).toContain("Read clipboard when nothing is selected");
  });

  it("reads nothing when both are blank, and says the clipboard was tried", async () => {
    setSelectedText("");
    setClipboardText(" ");
    const found = await readSelectionOrClipboard(true);
    expect("details" in found && found.details).toContain("clipboard has no text either");
    expect("details" in found && found.details).not.toContain("Accessibility");
  });
});

describe("readClipboard and typedText", () => {
  it("reads the clipboard even when something is selected", async () => {
    setSelectedText("Selected.");
    setClipboardText("Copied.");
    expect(await readClipboard()).toEqual({ text: "Copied.", source: "clipboard" });
  });

  it("asks to copy text when the clipboard is empty or blank", async () => {
    for (const clipboard of [undefined, " \n\t"]) {
      setClipboardText(clipboard);
      expect(await readClipboard()).toMatchObject({ fix: "copy some text first" });
    }
  });

  it("takes typed text as it is, and refuses blank text", () => {
    expect(typedText("  Hi.  ")).toEqual({ text: "  Hi.  ", source: "typed" });
    expect(typedText("   ")).toMatchObject({ fix: "type some text" });
    expect(typedText(undefined)).toMatchObject({ fix: "type some text" });
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
