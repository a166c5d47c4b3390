/**
 * The Speech Player's hook, rendered by React (react-test-renderer) against a real daemon: the cached view at once,
 * then the daemon's answer with `isLoading` back to false (or Raycast keeps the menu-bar command loaded), and a click
 * made before the answer that still reaches the daemon. If these fail, the menu stays loading, shows a stale state,
 * or drops an early click.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { act, create, type ReactTestRenderer } from "react-test-renderer";
import { Cache } from "@raycast/api";
import { usePlayer } from "../../raycast/src/lib/use-player.js";
import type { PlayerActions } from "../../raycast/src/lib/player-actions.js";
import type { PlayerView } from "../../raycast/src/lib/player-view.js";
import { PLAYER_VIEW_CACHE_KEY } from "../../raycast/src/lib/player-state.js";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { setSelectedText } from "../mocks/raycast-api.js";
import { waitFor } from "../helpers/pcm.js";
import { setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let env: ExtensionTestEnv;
let renderer: ReactTestRenderer | null;
const renders: Array<{ view: PlayerView; isLoading: boolean; actions: PlayerActions }> = [];

function Probe(): null {
  renders.push(usePlayer());
  return null;
}

async function mount(): Promise<void> {
  await act(async () => {
    renderer = create(h(Probe));
  });
}

beforeEach(async () => {
  env = await setupExtensionEnv();
  renders.length = 0;
  renderer = null;
});

afterEach(async () => {
  await act(async () => renderer?.unmount());
  await env.cleanup();
});

const LONG = `${"A sentence that keeps the daemon busy for a while. ".repeat(40)}The end.`;

describe("usePlayer", () => {
  it("renders the cached view at once, then the daemon's state, and stops loading", async () => {
    setSelectedText(LONG);
    await SpeakSelectedText();
    await waitFor(async () => (await env.status()).player.state === "playing");
    const stale = { ...JSON.parse(new Cache().get(PLAYER_VIEW_CACHE_KEY) ?? "{}"), mode: "down" } as PlayerView;
    new Cache().set(PLAYER_VIEW_CACHE_KEY, JSON.stringify(stale));
    await mount();
    expect(renders[0]).toMatchObject({ isLoading: true, view: { mode: "down" } });
    await waitFor(() => renders.at(-1)!.isLoading === false);
    expect(renders.at(-1)!.view.mode).toBe("speaking");
    expect(JSON.parse(new Cache().get(PLAYER_VIEW_CACHE_KEY)!)).toMatchObject({ mode: "speaking" });
  });

  it("runs a click made before the daemon answered once it answers", async () => {
    setSelectedText(LONG);
    await SpeakSelectedText();
    await waitFor(async () => (await env.status()).player.state === "playing");
    // A synchronous act renders and starts the effect, whose asking of the daemon is still under way after it.
    void act(() => {
      renderer = create(h(Probe));
    });
    expect(renders.at(-1)!.isLoading).toBe(true);
    // The first render's actions: the daemon's state is not known yet.
    const clicked = renders[0]!.actions.pause();
    await waitFor(() => renders.at(-1)!.isLoading === false);
    await clicked;
    await waitFor(async () => (await env.status()).player.state === "paused");
  });

  it("stops loading with the daemon down and shows it down", async () => {
    await mount();
    await waitFor(() => renders.at(-1)!.isLoading === false);
    expect(renders.at(-1)!.view.mode).toBe("down");
  });
});
