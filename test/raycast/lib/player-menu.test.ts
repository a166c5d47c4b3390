/**
 * The Speech Player menu for each daemon state, built by the same code the menu-bar command runs (loadPlayerState
 * → PlayerMenu) against a real daemon, and its items clicked to check that they change the daemon's state. If these
 * fail, the menu shows Pause while nothing plays, or its items do nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { readDiscovery, type StreamEventMessage } from "@kokoro-speech/protocol";
import { Cache } from "@raycast/api";
import { LocalStorage, recorded, setPreferences, setSelectedText } from "../../mocks/raycast-api.js";
import { readConfig } from "../../../raycast/src/lib/config.js";
import { PlayerMenu } from "../../../raycast/src/lib/player-menu.js";
import { loadPlayerState, type PlayerState } from "../../../raycast/src/lib/player-state.js";
import { derivePlayerView, type ReportedStatus } from "../../../raycast/src/lib/player-view.js";
import { createPlayerActions, type PlayerActions } from "../../../raycast/src/lib/player-actions.js";
import { deferred, waitingActions } from "../../../raycast/src/lib/waiting-actions.js";
import { VOICE_CHOICES } from "../../../raycast/src/lib/manifest-choices.js";
import SpeakSelectedText from "../../../raycast/src/speak-selected-text.js";
import { fixturePcm, fixtureSegments } from "../../fixtures/tone-synthesizer.js";
import { waitFor } from "../../helpers/pcm.js";
import { click, findItem, renderMenu, topLevelTitles, type MenuNode } from "../helpers/render-menu.js";
import { FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "../helpers/extension-env.js";

let env: ExtensionTestEnv;
let opened: PlayerState[];

beforeEach(async () => {
  env = await setupExtensionEnv();
  opened = [];
});

afterEach(async () => {
  for (const state of opened) await state.close();
  await env.cleanup();
});

/** Opens the menu as the command does: asks the daemon, then renders. */
async function openMenu(): Promise<MenuNode> {
  const state = await loadPlayerState(readConfig(), new Cache());
  opened.push(state);
  return renderMenu(PlayerMenu({ view: state.view, isLoading: false, actions: state.actions }));
}

const LONG = `${"Sentence number one keeps the player busy for a while. ".repeat(30)}Done.`;

async function speakLongText(): Promise<void> {
  setSelectedText(LONG);
  await SpeakSelectedText();
  await waitFor(async () => (await env.status()).player.state === "playing");
}

describe("the Speech Player menu", () => {
  it("shows the daemon as down, with one Start Daemon item launching the restart command", async () => {
    const menu = await openMenu();
    expect(menu.props).toMatchObject({ icon: "SpeakerOff", isLoading: false });
    expect(topLevelTitles(menu)).toEqual([
      "Speech daemon is not running",
      "Voice: Heart",
      "Speed: 1×",
      "Start Daemon",
      "Open Log",
    ]);
    expect(findItem(menu, "Speech daemon is not running").props.onAction).toBeUndefined();
    click(menu, "Start Daemon");
    await waitFor(() => recorded.launches.length === 1);
    expect(recorded.launches).toEqual([{ name: "restart-daemon", type: "userInitiated" }]);
  });

  it("shows an idle daemon with its version and pid, and no playback controls", async () => {
    setSelectedText("Short.");
    await SpeakSelectedText();
    await waitFor(async () => (await env.status()).counters.streamsCompleted === 1);
    const status = await env.status();
    expect(status.latency.lastTtfaMs).toEqual(expect.any(Number));
    const menu = await openMenu();
    expect(menu.props.icon).toBe("SpeakerOn");
    expect(topLevelTitles(menu)).toEqual([
      "Voice: Heart",
      "Speed: 1×",
      `Daemon ${status.daemon.version} · pid ${status.daemon.pid} · first audio ${Math.round(status.latency.lastTtfaMs!)} ms`,
      "Restart Daemon",
      "Open Log",
    ]);
  });

  it("shows the sentence being read, progress, time, voice and speed; Pause, Resume and Stop work", async () => {
    await speakLongText();
    await waitFor(async () => (await env.status()).player.currentSegment?.index === 0);
    let menu = await openMenu();
    expect(menu.props.icon).toBe("Waveform");
    expect(menu.props.title).toBeUndefined();
    const titles = topLevelTitles(menu);
    // The first sentence of LONG is "Sentence number one keeps the player busy for a while. ": shortened to six words.
    expect(titles.slice(0, 7)).toEqual([
      "“Sentence number one keeps the player…”",
      expect.stringMatching(/^Sentence 1 · 0% · 0:0\d played$/),
      "Voice: Heart · 1×",
      "Pause",
      "Stop",
      "Next Sentence",
      "Previous Sentence",
    ]);
    expect(findItem(menu, "Voice: Heart · 1×").props.onAction).toBeUndefined();
    click(menu, "Next Sentence");
    // The fixture synthesizer's second segment starts 55 characters into LONG's 1,655: 3% into the text.
    await waitFor(async () => (await env.status()).player.currentSegment?.index === 1);
    const second = fixtureSegments(LONG)[1]!;
    expect(second.start).toBe(55);
    const reopened = topLevelTitles(await openMenu());
    expect(reopened[0]).toBe(`“${LONG.slice(second.start, second.end).trim().split(" ").slice(0, 6).join(" ")}…”`);
    expect(reopened[1]).toMatch(/^Sentence 2 · 3% · \d:\d\d played$/);
    click(menu, "Pause");
    await waitFor(async () => (await env.status()).player.state === "paused");
    menu = await openMenu();
    expect(menu.props.icon).toBe("Pause");
    expect(topLevelTitles(menu)).toContain("Resume");
    expect(topLevelTitles(menu)).not.toContain("Pause");
    click(menu, "Resume");
    await waitFor(async () => (await env.status()).player.state === "playing");
    click(await openMenu(), "Stop");
    await waitFor(async () => (await env.status()).player.state === "idle");
    expect((await env.status()).counters.streamsCancelled).toBe(1);
  });

  it("moves to the next sentence before the current one has played, and back", async () => {
    const first = `${"A long first sentence".repeat(20)}.`;
    setSelectedText(`${first} Second sentence. Third sentence.`);
    await SpeakSelectedText();
    const observer = await env.connect();
    const segments: Array<{ index: number; samplesPlayed: number }> = [];
    observer.on("event", (event: StreamEventMessage) => event.event === "segment" && segments.push(event));
    await observer.request({ type: "subscribe", topics: ["streams"] });
    await waitFor(async () => (await env.status()).player.samplesPlayed > 0);
    click(await openMenu(), "Next Sentence");
    await waitFor(() => segments.some((segment) => segment.index === 1));
    // Announced before the first sentence's own samples were all handed to the device: a skip, not the sentence
    // ending by itself.
    const firstSentenceSamples = fixturePcm(0, first.length + 1, 1).length / 2;
    expect(segments.find((segment) => segment.index === 1)!.samplesPlayed).toBeLessThan(firstSentenceSamples);
    click(await openMenu(), "Previous Sentence");
    await waitFor(() => segments.at(-1)!.index === 0);
    await observer.close();
  });

  it("keeps a voice and speed picked in the submenus for the next Speak", async () => {
    const menu = await openMenu();
    const voiceMenu = findItem(menu, "Voice: Heart");
    expect(voiceMenu.children.map((item) => item.props.title)).toEqual(VOICE_CHOICES.map((choice) => choice.title));
    expect(findItem(menu, "Heart (American female)").props.icon).toBe("Checkmark");
    click(menu, "George (British male)");
    click(menu, "1.25×");
    await waitFor(async () => (await LocalStorage.getItem("speed")) === 1.25);
    expect(await LocalStorage.getItem("voice")).toBe("bm_george");
    const reopened = await openMenu();
    expect(topLevelTitles(reopened)).toEqual(expect.arrayContaining(["Voice: George", "Speed: 1.25×"]));
    expect(findItem(reopened, "1.25×").props.icon).toBe("Checkmark");
  });

  it("offers Reset to Preferences only while a menu choice overrides a preference, and it restores them", async () => {
    let menu = await openMenu();
    expect(topLevelTitles(menu)).not.toContain("Reset to Preferences");
    click(menu, "George (British male)");
    await waitFor(async () => (await LocalStorage.getItem("voice")) === "bm_george");
    menu = await openMenu();
    expect(topLevelTitles(menu)).toEqual(expect.arrayContaining(["Voice: George", "Reset to Preferences"]));
    click(menu, "Reset to Preferences");
    await waitFor(async () => (await LocalStorage.getItem("voice")) === undefined);
    menu = await openMenu();
    expect(topLevelTitles(menu)).toContain("Voice: Heart");
    expect(topLevelTitles(menu)).not.toContain("Reset to Preferences");
  });

  it("lets a preference changed after a menu choice win: the latest choice is the setting", async () => {
    click(await openMenu(), "George (British male)");
    await waitFor(async () => (await LocalStorage.getItem("voice")) === "bm_george");
    expect(topLevelTitles(await openMenu())).toContain("Voice: George");
    setPreferences({ daemonScript: FIXTURE_DAEMON_SCRIPT, daemonPort: "0", voice: "bf_emma" });
    const menu = await openMenu();
    expect(topLevelTitles(menu)).toContain("Voice: Emma");
    expect(topLevelTitles(menu)).not.toContain("Reset to Preferences");
    setSelectedText("Short.");
    await SpeakSelectedText();
    expect(recorded.huds).toEqual(["Speaking with Emma"]);
  });

  it("makes a click made before the daemon answered wait for it instead of vanishing", async () => {
    await speakLongText();
    const loaded = deferred<PlayerActions | null>();
    const early = waitingActions(loaded.promise, "daemon.log");
    const clicked = early.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await env.status()).player.state).toBe("playing");
    const state = await loadPlayerState(readConfig(), new Cache());
    opened.push(state);
    loaded.resolve(state.actions);
    await clicked;
    await waitFor(async () => (await env.status()).player.state === "idle");
  });

  it("sends a click to the no-view command when the daemon's state could not be loaded", async () => {
    const loaded = deferred<PlayerActions | null>();
    const early = waitingActions(loaded.promise, "daemon.log");
    const clicks = [early.stop(), early.pause()];
    loaded.resolve(null);
    await Promise.all(clicks);
    expect(recorded.launches).toEqual([
      { name: "stop-speaking", type: "userInitiated" },
      { name: "pause-resume-speaking", type: "userInitiated" },
    ]);
  });

  it("applies a voice or speed picked while speaking to the stream playing", async () => {
    await speakLongText();
    const menu = await openMenu();
    click(menu, "1.5×");
    await waitFor(async () => (await env.status()).player.currentSpeed === 1.5);
    click(menu, "George (British male)");
    await waitFor(async () => (await env.status()).player.currentVoice === "bm_george");
  });

  it("shows the model download with its percentage", () => {
    const status = {
      daemon: { name: "kokoro-speech", version: "0.1.0", pid: 4242, protocol: 1, uptimeMs: 10 },
      player: {
        state: "idle" as const,
        currentStreamId: null,
        queuedStreamIds: [],
        samplesPlayed: 0,
        currentVoice: null,
        currentSpeed: null,
      },
      model: {
        state: "downloading" as const,
        progress: { bytesDone: 39_000_000, bytesTotal: 92_000_000, percent: 42.4, bytesPerSecond: 1, etaSeconds: 9 },
      },
    } satisfies ReportedStatus;
    const view = derivePlayerView({ status, nowSpeaking: null, choices: { voice: "af_heart", speed: 1 } });
    const actions = createPlayerActions({ client: null, logPath: "daemon.log" });
    const menu = renderMenu(PlayerMenu({ view, isLoading: false, actions }));
    expect(menu.props).toMatchObject({ icon: "Download", title: "42%" });
    expect(topLevelTitles(menu)[0]).toBe("Downloading speech model… 42%");
  });

  it("shows a daemon that refuses the connection as refusing, not as down", async () => {
    setSelectedText("Short.");
    await SpeakSelectedText();
    await waitFor(async () => (await env.status()).counters.streamsCompleted === 1);
    // The token the extension reads no longer matches the daemon's: it answers, with `unauthorized`.
    const discovery = await readDiscovery(env.stateDir);
    await writeFile(discovery!.tokenPath, "not-the-daemon-token\n");
    const menu = await openMenu();
    expect(menu.props).toMatchObject({
      icon: "Warning",
      tooltip: "Kokoro Speech: the speech daemon refused the connection",
    });
    expect(topLevelTitles(menu)[0]).toBe("Speech daemon refused the connection");
    expect(topLevelTitles(menu)).not.toContain("Speech daemon is not running");
  });

  it("says nothing when a control races the end of its stream, and shows any other failure", async () => {
    await speakLongText();
    await openMenu();
    // The menu's own actions, awaited (a click does not wait for its answer).
    const { actions } = opened.at(-1)!;
    // Speaking showed its own progress toasts; only what the controls show counts here.
    const toastsBefore = recorded.toasts.length;
    const observer = await env.connect();
    await observer.request({ type: "stop" });
    await observer.close();
    await actions.stop();
    await actions.skip("next");
    expect(recorded.toasts.slice(toastsBefore)).toEqual([]);
    // The daemon goes away while the menu is open: its controls now fail, and say so.
    process.kill((await env.discoveryPid())!, "SIGKILL");
    await actions.pause();
    expect(recorded.toasts.slice(toastsBefore).map((toast) => toast.title)).toEqual([
      "Speech daemon is not reachable: run Restart Speech Daemon",
    ]);
  });

  it("opens the daemon's log", async () => {
    click(await openMenu(), "Open Log");
    await waitFor(() => recorded.opened.length === 1);
    expect(recorded.opened[0]).toBe(`${env.stateDir}/daemon.log`);
  });
});
