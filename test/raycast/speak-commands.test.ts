/**
 * Speak Clipboard, Speak Text and Speak Long Text against a real daemon the command starts; what the daemon played
 * is captured through ALSA and compared with the fixture synthesizer's rendering of the expected text. If these
 * fail, the user hears something other than what they asked for, or nothing, or waits in silence.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import SpeakClipboard from "../../raycast/src/speak-clipboard.js";
import SpeakText from "../../raycast/src/speak-text.js";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { SpeakTextForm, TEXT_FIELD_ID } from "../../raycast/src/lib/speak-text-form.js";
import { recorded, setClipboardText, setSelectedText } from "../mocks/raycast-api.js";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { waitFor } from "../helpers/pcm.js";
import { allNodes, renderMenu } from "./helpers/render-menu.js";
import { setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";
import type { ReactElement } from "react";

let env: ExtensionTestEnv;

beforeEach(async () => {
  env = await setupExtensionEnv();
});

afterEach(async () => {
  await env.cleanup();
});

const CONNECTING = { style: "ANIMATED", title: "Connecting to the speech daemon…" };
const STARTING = { style: "ANIMATED", title: "Starting the speech daemon…" };

describe("Speak Clipboard", () => {
  it("reads the clipboard even when text is selected", async () => {
    setSelectedText("Selected words that must not be read.");
    setClipboardText("Copied words. Read aloud.");
    await SpeakClipboard();
    expect(recorded.huds).toEqual(["Speaking from the clipboard with Heart"]);
    expect((await env.capturedAfter(1)).equals(fixtureAudioFor("Copied words. Read aloud."))).toBe(true);
  });

  it("asks to copy text when the clipboard holds none, and starts no daemon", async () => {
    setClipboardText(undefined);
    await SpeakClipboard();
    expect(recorded.toasts).toEqual([
      { style: "FAILURE", title: "Nothing to read: copy some text first", message: "The clipboard holds no text." },
    ]);
    expect(await env.discoveryPid()).toBeNull();
  });
});

describe("Speak Text", () => {
  it("reads its argument", async () => {
    await SpeakText({ arguments: { text: "Typed in the search bar." } });
    expect(recorded.huds).toEqual(["Speaking with Heart"]);
    expect((await env.capturedAfter(1)).equals(fixtureAudioFor("Typed in the search bar."))).toBe(true);
  });

  it("refuses a blank argument with what to do", async () => {
    await SpeakText({ arguments: { text: "   " } });
    expect(recorded.toasts).toMatchObject([{ style: "FAILURE", title: "Nothing to read: type some text" }]);
    expect(recorded.huds).toEqual([]);
  });
});

describe("Speak Long Text", () => {
  it("shows a text area and reads what is submitted", async () => {
    const form = renderMenu(SpeakTextForm({ initialText: "draft" }));
    expect(form.props.enableDrafts).toBe(true);
    const area = allNodes(form).find((node) => node.type === "Form.TextArea")!;
    expect(area.props).toMatchObject({ id: TEXT_FIELD_ID, defaultValue: "draft" });
    const actions = renderMenu(form.props.actions as ReactElement);
    const submit = allNodes(actions).find((node) => node.type === "Action.SubmitForm")!;
    expect(submit.props.title).toBe("Speak Text");
    const text = `${"A paragraph pasted into the form. ".repeat(3)}The end.`;
    (submit.props.onSubmit as (values: Record<string, string>) => void)({ [TEXT_FIELD_ID]: text });
    await waitFor(() => recorded.huds.length === 1);
    expect(recorded.huds).toEqual(["Speaking with Heart"]);
    expect((await env.capturedAfter(1)).equals(fixtureAudioFor(text))).toBe(true);
  });
});

describe("feedback while the daemon starts", () => {
  it("shows an animated toast at once, saying when it starts the daemon, before the HUD", async () => {
    setSelectedText("First.");
    await SpeakSelectedText();
    expect(recorded.toasts).toEqual([CONNECTING, STARTING]);
    expect(recorded.huds).toEqual(["Speaking with Heart"]);
    recorded.toasts.length = 0;
    setSelectedText("Second.");
    await SpeakSelectedText();
    // Already running: connecting is all there is to say.
    expect(recorded.toasts).toEqual([CONNECTING]);
  });
});
