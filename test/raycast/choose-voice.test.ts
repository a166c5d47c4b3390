/**
 * Choose Voice against a real daemon: the list says what each voice is in words, Preview speaks the sample in that
 * voice at the speed in use (checked on the daemon's `started` event and in the captured audio), Set as Default makes
 * the next Speak use it, and a blend of two voices is saved, listed and spoken. If these fail, the user picks a voice
 * by ear and hears another one, or a grade code instead of a word.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import type { StreamEventMessage } from "@kokoro-speech/protocol";
import { LocalStorage } from "@raycast/api";
import { recorded, setSelectedText } from "../mocks/raycast-api.js";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { createVoiceActions, PREVIEW_TEXT } from "../../raycast/src/lib/voice-actions.js";
import { VoiceList } from "../../raycast/src/lib/voice-list.js";
import { loadSavedBlends } from "../../raycast/src/lib/saved-blends.js";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { waitFor } from "../helpers/pcm.js";
import { allNodes, renderMenu, type MenuNode } from "./helpers/render-menu.js";
import { setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;

beforeEach(async () => {
  env = await setupExtensionEnv();
});

afterEach(async () => {
  await env.cleanup();
});

function renderList(current: string, blends: string[] = []): MenuNode {
  return renderMenu(VoiceList({ current, blends, actions: createVoiceActions() }));
}

function itemById(list: MenuNode, id: string): MenuNode {
  const found = allNodes(list).find((node) => node.type === "List.Item" && node.props.id === id);
  if (!found) throw new Error(`No list item ${id}`);
  return found;
}

/** Runs the item's action with this title and waits for what it started. */
async function runAction(item: MenuNode, title: string): Promise<void> {
  const panel = renderMenu(item.props.actions as ReactElement);
  const action = allNodes(panel).find((node) => node.props.title === title);
  if (!action) throw new Error(`No action "${title}"`);
  (action.props.onAction as () => void)();
}

describe("Choose Voice", () => {
  it("lists the English voices by language, with gender and quality in words, and marks the voice in use", () => {
    const list = renderList("bf_emma");
    const sections = list.children.map((section) => section.props.title);
    expect(sections).toEqual(["American English", "British English"]);
    // From the shared catalogue: af_heart is graded A, am_adam F+, bf_emma B-.
    expect(itemById(list, "af_heart").props).toMatchObject({ title: "Heart", subtitle: "Female · Excellent quality" });
    expect(itemById(list, "am_adam").props).toMatchObject({ title: "Adam", subtitle: "Male · Poor quality" });
    expect(itemById(list, "bf_emma").props).toMatchObject({
      subtitle: "Female · Good quality",
      accessories: [{ tag: "In Use" }],
    });
    expect(itemById(list, "af_heart").props.accessories).toEqual([]);
    const subtitles = allNodes(list)
      .filter((node) => node.type === "List.Item")
      .map((node) => String(node.props.subtitle));
    expect(subtitles).toHaveLength(28);
    for (const subtitle of subtitles) expect(subtitle).not.toMatch(/grade|\b[A-F][+-]?\b/);
  });

  it("previews a voice at the speed in use: the daemon starts the sample with that voice and speed", async () => {
    await LocalStorage.setItem("speed", 1.25);
    // Start the daemon first so an observer sees the preview's `started` event.
    setSelectedText("Warm up.");
    await SpeakSelectedText();
    await waitFor(async () => (await env.status()).counters.streamsCompleted === 1);
    const observer = await env.connect();
    const started: StreamEventMessage[] = [];
    observer.on("event", (event) => event.event === "started" && started.push(event));
    await observer.request({ type: "subscribe", topics: ["streams"] });
    recorded.toasts.length = 0;
    await runAction(itemById(renderList("af_heart"), "bm_george"), "Preview");
    await waitFor(() => recorded.toasts.some((toast) => toast.style === "SUCCESS"));
    expect(recorded.toasts.at(-1)).toMatchObject({ style: "SUCCESS", title: "Previewing George" });
    await waitFor(() => started.length === 1);
    expect(started[0]).toMatchObject({ voice: "bm_george", speed: 1.25 });
    await observer.close();
    const expected = Buffer.concat([fixtureAudioFor("Warm up.", 1.25), fixtureAudioFor(PREVIEW_TEXT, 1.25)]);
    expect((await env.capturedAfter(2)).equals(expected)).toBe(true);
  });

  it("sets a voice as default: the next Speak uses it", async () => {
    await runAction(itemById(renderList("af_heart"), "am_michael"), "Set as Default");
    await waitFor(() => recorded.toasts.length === 1);
    expect(recorded.toasts[0]).toMatchObject({ style: "SUCCESS", title: "Michael is now the voice" });
    setSelectedText("Hello.");
    await SpeakSelectedText();
    expect(recorded.huds).toEqual(["Speaking with Michael"]);
    expect(await LocalStorage.getItem("voice")).toBe("am_michael");
  });

  it("creates a blend of two voices with a weight, lists it, and speaks with it", async () => {
    const actions = createVoiceActions();
    await actions.saveBlend({ first: "af_bella", second: "am_michael", share: "70" });
    expect(await loadSavedBlends()).toEqual(["af_bella:0.7+am_michael:0.3"]);
    expect(recorded.toasts.at(-1)).toMatchObject({ title: "Saved blend Bella 70% + Michael 30%" });
    const list = renderList("af_heart", await loadSavedBlends());
    expect(list.children[0]!.props.title).toBe("Saved Blends");
    const blend = itemById(list, "af_bella:0.7+am_michael:0.3");
    expect(blend.props.title).toBe("Bella 70% + Michael 30%");
    await runAction(blend, "Set as Default");
    await waitFor(async () => (await LocalStorage.getItem("voice")) === "af_bella:0.7+am_michael:0.3");
    setSelectedText("Blended words.");
    await SpeakSelectedText();
    expect(recorded.toasts.filter((toast) => toast.style === "FAILURE")).toEqual([]);
    expect(recorded.huds).toEqual(["Speaking with Bella 70% + Michael 30%"]);
    expect((await env.capturedAfter(1)).equals(fixtureAudioFor("Blended words."))).toBe(true);
  });

  it("refuses a blend of a voice with itself", async () => {
    await createVoiceActions().saveBlend({ first: "af_bella", second: "af_bella", share: "50" });
    expect(recorded.toasts).toMatchObject([{ style: "FAILURE", title: "Blend not saved" }]);
    expect(await loadSavedBlends()).toEqual([]);
  });
});
