/**
 * Commands run by hotkey: Raycast has no window open, so it shows each toast as a HUD with its title only — no
 * message, no actions (the mock does the same). If these fail, a hotkey user sees "Connecting…" and then nothing they
 * can act on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Cache } from "@raycast/api";
import { STATE_FILES } from "@kokoro-speech/protocol";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { readConfig } from "../../raycast/src/lib/config.js";
import { PlayerMenu } from "../../raycast/src/lib/player-menu.js";
import { loadPlayerState } from "../../raycast/src/lib/player-state.js";
import { ensureDaemon } from "../../raycast/src/lib/supervisor.js";
import { recorded, setPreferences, setSelectedText, setWindowOpen } from "../mocks/raycast-api.js";
import { click, findItem, renderMenu, topLevelTitles } from "./helpers/render-menu.js";
import { FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;

beforeEach(async () => {
  env = await setupExtensionEnv();
  setWindowOpen(false);
});

afterEach(async () => {
  await env.cleanup();
});

async function openMenu() {
  const state = await loadPlayerState(readConfig(), new Cache());
  await state.close();
  return renderMenu(PlayerMenu({ view: state.view, isLoading: false, actions: state.actions }));
}

describe("a Speak run by hotkey", () => {
  it("shows starting progress and the result as HUDs", async () => {
    setSelectedText("Hello.");
    await SpeakSelectedText();
    expect(recorded.toasts).toEqual([]);
    expect(recorded.huds).toEqual([
      "Connecting to the speech daemon…",
      "Starting the speech daemon…",
      "Speaking with Heart",
    ]);
  });

  it("names the fix in the HUD when the daemon refuses us, and the menu bar then offers the log", async () => {
    const { client } = await ensureDaemon({ daemonScript: FIXTURE_DAEMON_SCRIPT, port: 0, assetsPath: "" });
    await client.close();
    await writeFile(join(env.stateDir, STATE_FILES.token), `${"0".repeat(64)}\n`);
    setSelectedText("Hello.");
    await SpeakSelectedText();
    const title = "Speech daemon refused the connection: run Restart Speech Daemon";
    expect(recorded.huds).toEqual(["Connecting to the speech daemon…", title]);
    const menu = await openMenu();
    expect(topLevelTitles(menu)).toEqual(expect.arrayContaining([`Last problem: ${title}`, "Open Log"]));
    click(menu, "Open Log");
    expect(recorded.opened).toEqual([join(env.stateDir, STATE_FILES.log)]);
  });

  it("names the preference to fix when the daemon script is missing; a later success clears the problem", async () => {
    setPreferences({ daemonScript: join(env.stateDir, "moved", "cli.js"), daemonPort: "0" });
    setSelectedText("Hello.");
    await SpeakSelectedText();
    const title = "Speech daemon not found: check the extension's preferences";
    expect(recorded.huds).toEqual(["Connecting to the speech daemon…", title]);
    expect(findItem(await openMenu(), `Last problem: ${title}`).props.onAction).toBeUndefined();
    setPreferences({ daemonScript: FIXTURE_DAEMON_SCRIPT, daemonPort: "0" });
    await SpeakSelectedText();
    expect(recorded.huds.at(-1)).toBe("Speaking with Heart");
    expect(topLevelTitles(await openMenu()).filter((line) => line.startsWith("Last problem"))).toEqual([]);
  });
});
