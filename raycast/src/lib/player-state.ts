/** Everything the Speech Player needs for one render: the view derived from the daemon and the item actions. */
import type { Cache } from "@raycast/api";
import { choicesArePreferences, loadSpeechChoices } from "./choices.js";
import type { ExtensionConfig } from "./config.js";
import { recallFailure } from "./last-failure.js";
import { recallNowSpeaking } from "./now-speaking.js";
import { createPlayerActions, type PlayerActions } from "./player-actions.js";
import { loadLiveDaemon } from "./player-snapshot.js";
import { derivePlayerView, type PlayerView } from "./player-view.js";
import { logPathOf, stateDirOf } from "./supervisor.js";

export const PLAYER_VIEW_CACHE_KEY = "player-view";

export interface PlayerState {
  readonly view: PlayerView;
  readonly actions: PlayerActions;
  /** Closes the socket the actions send on; call it when the menu goes away. */
  close(): Promise<void>;
}

/** Asks the daemon, derives the view, stores it in `cache` for the next instant render, and wires the actions. */
export async function loadPlayerState(config: ExtensionConfig, cache: Cache): Promise<PlayerState> {
  const [live, choices] = await Promise.all([loadLiveDaemon(stateDirOf({})), loadSpeechChoices(config)]);
  const view = derivePlayerView({
    status: live.status,
    refusal: live.refusal,
    nowSpeaking: recallNowSpeaking(cache),
    choices,
    choicesArePreferences: choicesArePreferences(choices, config),
    lastFailure: recallFailure()?.title ?? null,
  });
  cache.set(PLAYER_VIEW_CACHE_KEY, JSON.stringify(view));
  return {
    view,
    actions: createPlayerActions({ client: live.client, logPath: logPathOf({}) }),
    close: async () => {
      await live.client?.close();
    },
  };
}
