/**
 * The Speech Player's state as a React hook: the last known view from `Cache` at once, then the daemon's answer.
 * `isLoading` always returns to false, or Raycast would keep the menu-bar command loaded.
 */
import { useEffect, useState } from "react";
import { Cache } from "@raycast/api";
import { DEFAULT_VOICE, SPEED_DEFAULT } from "@kokoro-speech/shared";
import { readConfig } from "./config.js";
import { showFailure } from "./failure-toast.js";
import { createPlayerActions, type PlayerActions } from "./player-actions.js";
import { loadPlayerState, PLAYER_VIEW_CACHE_KEY } from "./player-state.js";
import type { PlayerView } from "./player-view.js";
import { logPathOf } from "./supervisor.js";

const FIRST_RUN_VIEW: PlayerView = {
  mode: "idle",
  downloadPercent: null,
  nowSpeaking: null,
  daemonLine: null,
  voice: DEFAULT_VOICE,
  speed: SPEED_DEFAULT,
};

function cachedView(cache: Cache): PlayerView {
  const stored = cache.get(PLAYER_VIEW_CACHE_KEY);
  try {
    return stored === undefined ? FIRST_RUN_VIEW : (JSON.parse(stored) as PlayerView);
  } catch (error) {
    // A cached copy that is not JSON (written by an older version, or cut short) is as good as none.
    if (error instanceof SyntaxError) return FIRST_RUN_VIEW;
    throw error;
  }
}

export function usePlayer(): { view: PlayerView; isLoading: boolean; actions: PlayerActions } {
  const [cache] = useState(() => new Cache());
  const [view, setView] = useState(() => cachedView(cache));
  const [isLoading, setIsLoading] = useState(true);
  // Until the daemon answers, items act without a socket: controls do nothing, Restart and Open Log still work.
  const [actions, setActions] = useState(() => createPlayerActions({ client: null, logPath: logPathOf({}) }));

  useEffect(() => {
    let close: (() => Promise<void>) | undefined;
    (async () => {
      const state = await loadPlayerState(readConfig(), cache);
      close = state.close;
      setView(state.view);
      setActions(state.actions);
    })()
      // A failed refresh keeps the last known view and says why; opening the menu again asks again. (A daemon that
      // is down or refuses us is no failure here: loadPlayerState reports it in the view.)
      .catch((error: unknown) => showFailure(error, logPathOf({})))
      .finally(() => setIsLoading(false));
    return () => void close?.();
  }, []);

  return { view, isLoading, actions };
}
