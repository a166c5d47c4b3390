/**
 * Stop Speaking and Pause or Resume Speaking against a real daemon. If these fail, a user whose hotkey should
 * silence the voice hears it go on, or a control starts a daemon just to say nothing plays.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import StopSpeaking from "../../raycast/src/stop-speaking.js";
import PauseResumeSpeaking from "../../raycast/src/pause-resume-speaking.js";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { recorded, setSelectedText } from "../mocks/raycast-api.js";
import { waitFor } from "../helpers/pcm.js";
import { setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;

beforeEach(async () => {
  env = await setupExtensionEnv();
});

afterEach(async () => {
  await env.cleanup();
});

const LONG = `${"A sentence that keeps the daemon busy for a while. ".repeat(40)}The end.`;

async function speakLongText(): Promise<void> {
  setSelectedText(LONG);
  await SpeakSelectedText();
  await waitFor(async () => (await env.status()).player.state === "playing");
  recorded.huds.length = 0;
  recorded.toasts.length = 0;
  recorded.launches.length = 0;
}

describe("Stop Speaking", () => {
  it("stops the stream playing, refreshes the menu bar, then shows a HUD", async () => {
    await speakLongText();
    await StopSpeaking();
    const status = await env.status();
    expect(status.player.state).toBe("idle");
    expect(status.counters.streamsCancelled).toBe(1);
    expect(status.counters.streamsCompleted).toBe(0);
    expect(recorded.launches).toEqual([{ name: "player", type: "background" }]);
    expect(recorded.huds).toEqual(["Stopped speaking"]);
    expect(recorded.toasts).toEqual([]);
  });

  it("says nothing plays when the daemon is idle", async () => {
    setSelectedText("Short.");
    await SpeakSelectedText();
    await waitFor(async () => (await env.status()).counters.streamsCompleted === 1);
    recorded.huds.length = 0;
    await StopSpeaking();
    expect(recorded.huds).toEqual(["Nothing is playing"]);
    expect((await env.status()).counters.streamsCancelled).toBe(0);
  });

  it("never starts a daemon: with none running it only says nothing plays", async () => {
    await StopSpeaking();
    expect(recorded.huds).toEqual(["Nothing is playing"]);
    expect(recorded.toasts).toEqual([]);
    expect(await env.discoveryPid()).toBeNull();
  });
});

describe("Pause or Resume Speaking", () => {
  it("pauses what plays, and resumes it on the next run", async () => {
    await speakLongText();
    await PauseResumeSpeaking();
    expect((await env.status()).player.state).toBe("paused");
    const pausedAt = (await env.status()).player.samplesPlayed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await env.status()).player.samplesPlayed).toBe(pausedAt);
    await PauseResumeSpeaking();
    expect((await env.status()).player.state).toBe("playing");
    await waitFor(async () => (await env.status()).player.samplesPlayed > pausedAt);
    expect(recorded.huds).toEqual(["Paused speaking", "Resumed speaking"]);
    expect(recorded.launches).toEqual([
      { name: "player", type: "background" },
      { name: "player", type: "background" },
    ]);
  });

  it("says nothing plays when no daemon runs, and starts none", async () => {
    await PauseResumeSpeaking();
    expect(recorded.huds).toEqual(["Nothing is playing"]);
    expect(await env.discoveryPid()).toBeNull();
  });
});
