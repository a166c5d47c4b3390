/**
 * Speak Selected Text against a real daemon process that the command itself starts (the fixture synthesizer stands
 * in for the model; ALSA writes what is played into a file). If these fail, the user selects text, runs the
 * command and hears nothing, or sees a HUD for speech that never starts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { STATE_FILES, type StreamEventMessage } from "@kokoro-speech/protocol";
import Command from "../../raycast/src/speak-selected-text.js";
import { Cache, LocalStorage } from "@raycast/api";
import { disableCommand, recorded, setClipboardText, setPreferences, setSelectedText } from "../mocks/raycast-api.js";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { waitFor } from "../helpers/pcm.js";
import { recallNowSpeaking } from "../../raycast/src/lib/now-speaking.js";
import { isProcessAlive } from "../../raycast/src/lib/process-info.js";
import { CLI_PATH, FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeEach(async () => {
  env = await setupExtensionEnv();
});

afterEach(async () => {
  await env.cleanup();
});

const SHORT = "Hello there. This is a test.";
const LONG = `${"A sentence that keeps the daemon busy for a while. ".repeat(40)}The end.`;

describe("Speak Selected Text", () => {
  it("starts the daemon when none runs, speaks the selection, refreshes the menu bar and shows the HUD last", async () => {
    setSelectedText(SHORT);
    expect(await env.discoveryPid()).toBeNull();
    await Command();
    expect(recorded.toasts).toEqual([
      { style: "ANIMATED", title: "Connecting to the speech daemon…" },
      { style: "ANIMATED", title: "Starting the speech daemon…" },
    ]);
    expect(recorded.launches).toEqual([{ name: "player", type: "background" }]);
    expect(recorded.huds).toEqual(["Speaking with Heart"]);
    const pid = await env.discoveryPid();
    expect(pid).not.toBeNull();
    expect(await isProcessAlive(pid!)).toBe(true);
    expect((await env.capturedAfter(1)).equals(fixtureAudioFor(SHORT))).toBe(true);
  });

  it("reads the clipboard when nothing is selected and the fallback is turned on", async () => {
    setPreferences({ daemonScript: FIXTURE_DAEMON_SCRIPT, daemonPort: "0", useClipboardFallback: true });
    setSelectedText(new Error("Unable to get selected text from frontmost application"));
    setClipboardText("Copied words. Read aloud.");
    await Command();
    expect(recorded.huds).toEqual(["Speaking from the clipboard with Heart"]);
    expect((await env.capturedAfter(1)).equals(fixtureAudioFor("Copied words. Read aloud."))).toBe(true);
  });

  it("says what to do, including the Accessibility permission, when there is no text anywhere", async () => {
    setPreferences({ daemonScript: FIXTURE_DAEMON_SCRIPT, daemonPort: "0", useClipboardFallback: true });
    setSelectedText(new Error("Unable to get selected text from frontmost application"));
    setClipboardText("   ");
    await Command();
    expect(recorded.huds).toEqual([]);
    expect(recorded.toasts).toHaveLength(1);
    expect(recorded.toasts[0]).toMatchObject({ style: "FAILURE", title: "Nothing to read: select some text first" });
    expect(recorded.toasts[0]!.message).toContain("Accessibility");
    expect(recorded.toasts[0]!.message).toContain("clipboard has no text");
    expect(existsSync(join(env.stateDir, STATE_FILES.discovery))).toBe(false);
  });

  it("leaves the clipboard alone by default (the fallback preference is off)", async () => {
    setSelectedText("");
    setClipboardText("Clipboard text that must not be read.");
    await Command();
    expect(recorded.toasts).toHaveLength(1);
    expect(recorded.toasts[0]).toMatchObject({ style: "FAILURE", title: "Nothing to read: select some text first" });
    expect(recorded.toasts[0]!.message).toContain("Read clipboard when nothing is selected");
    expect(recorded.toasts[0]!.message).not.toContain("Accessibility");
  });

  it("sends the voice and speed preferences, and a voice picked in the menu wins over the preference", async () => {
    setPreferences({ daemonScript: FIXTURE_DAEMON_SCRIPT, daemonPort: "0", voice: "bf_emma", speed: "1.5" });
    setSelectedText(SHORT);
    await Command();
    expect(recorded.huds).toEqual(["Speaking with Emma"]);
    // Let the first stream finish: the next Speak would interrupt it.
    await waitFor(async () => (await env.status()).counters.streamsCompleted === 1);
    const observer = await env.connect();
    const started: StreamEventMessage[] = [];
    observer.on("event", (event) => event.event === "started" && started.push(event));
    await observer.request({ type: "subscribe", topics: ["streams"] });
    await LocalStorage.setItem("voice", "am_michael");
    await Command();
    await waitFor(() => started.length === 1);
    expect(started[0]).toMatchObject({ voice: "am_michael", speed: 1.5 });
    await observer.close();
    const expected = Buffer.concat([fixtureAudioFor(SHORT, 1.5), fixtureAudioFor(SHORT, 1.5)]);
    expect((await env.capturedAfter(2)).equals(expected)).toBe(true);
  });

  it("replaces the current stream when run again while speaking", async () => {
    setSelectedText(LONG);
    await Command();
    const first = recallNowSpeaking(new Cache())!.streamId;
    const observer = await env.connect();
    await observer.request({ type: "subscribe", topics: ["streams"] });
    setSelectedText(SHORT);
    await Command();
    const terminal = await observer.waitForTerminal(first);
    expect(terminal).toMatchObject({ event: "cancelled", reason: "interrupted" });
    const second = recallNowSpeaking(new Cache())!;
    expect(second.streamId).toBeGreaterThan(first);
    expect(second.excerpt).toBe("Hello there. This is a test.");
    await observer.close();
  });

  it("recovers on the next run after the daemon is killed with SIGKILL mid-speech", async () => {
    setSelectedText(LONG);
    await Command();
    const killedPid = (await env.discoveryPid())!;
    await waitFor(async () => (await env.status()).player.state === "playing");
    process.kill(killedPid, "SIGKILL");
    // Until its new parent reaps it, a killed daemon is a zombie whose pid still holds the daemon's lock. launchd
    // reaps at once; a test VM's init may take a moment.
    await waitFor(() => !pidExists(killedPid));
    setSelectedText(SHORT);
    await Command();
    expect(recorded.toasts.filter((toast) => toast.style !== "ANIMATED")).toEqual([]);
    expect(recorded.huds).toEqual(["Speaking with Heart", "Speaking with Heart"]);
    const newPid = await env.discoveryPid();
    expect(newPid).not.toBe(killedPid);
    expect((await env.status()).daemon.pid).toBe(newPid);
  });

  it("still shows the HUD when the Speech Player is disabled", async () => {
    disableCommand("player");
    setSelectedText(SHORT);
    await Command();
    expect(recorded.launches).toEqual([]);
    expect(recorded.huds).toEqual(["Speaking with Heart"]);
  });

  it("asks the daemon to download the model in the chosen quality and says so instead of a HUD", async () => {
    const requestedPaths: string[] = [];
    // Holds every request open: the download stays in progress while the command reads the daemon's status.
    const modelHost = createServer((request) => void requestedPaths.push(request.url ?? ""));
    await new Promise<void>((resolve) => modelHost.listen(0, "127.0.0.1", resolve));
    process.env.KOKORO_SPEECH_MODEL_BASE_URL = `http://127.0.0.1:${(modelHost.address() as AddressInfo).port}`;
    setPreferences({ daemonScript: CLI_PATH, daemonPort: "0", modelQuality: "fp16" });
    setSelectedText(SHORT);
    await Command();
    // Whether the daemon's fallback voice was up yet (it then speaks meanwhile) or not, the user hears about the
    // download instead of a HUD.
    expect(recorded.huds).toEqual([]);
    expect(recorded.toasts).toHaveLength(3);
    expect(recorded.toasts.slice(0, 2).map((toast) => toast.style)).toEqual(["ANIMATED", "ANIMATED"]);
    expect(recorded.toasts[2]).toMatchObject({ style: "SUCCESS", title: "Downloading the speech model" });
    expect(recorded.launches).toEqual([{ name: "player", type: "background" }]);
    await waitFor(() => requestedPaths.length > 0);
    expect(requestedPaths).toEqual(["/kokoro-v1.0.fp16.onnx"]);
    modelHost.closeAllConnections();
    modelHost.close();
  });
});
