/**
 * The Speech Player's state as a React hook: the last known view from `Cache` at once, then the daemon's answer.
 * `isLoading` always returns to false, or Raycast would keep the menu-bar command loaded.
 */
import { useEffect, useState } from "react";
import { Cache } from "@raycast/api";
import { DEFAULT_VOICE, SPEED_DEFAULT } from "@kokoro-speech/protocol";
import { readConfig } from "./config.js";
import { showFailure } from "./failure-toast.js";
import type { PlayerActions } from "./player-actions.js";
import { loadPlayerState, PLAYER_VIEW_CACHE_KEY } from "./player-state.js";
import type { PlayerView } from "./player-view.js";
import { logPathOf } from "./supervisor.js";
import { deferred, waitingActions } from "./waiting-actions.js";

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
  // Until the daemon answers, a click waits for it instead of doing nothing (waiting-actions.ts).
  const [loaded] = useState(() => deferred<PlayerActions | null>());
  const [actions, setActions] = useState(() => waitingActions(loaded.promise, logPathOf({})));

  useEffect(() => {
    let close: (() => Promise<void>) | undefined;
    (async () => {
      const state = await loadPlayerState(readConfig(), cache);
      close = state.close;
      setView(state.view);
      setActions(state.actions);
      loaded.resolve(state.actions);
    })()
      // A failed refresh keeps the last known view and says why; opening the menu again asks again. (A daemon that
      // is down or refuses us is no failure here: loadPlayerState reports it in the view.)
      .catch((error: unknown) => showFailure(error, logPathOf({})))
      .finally(() => {
        // After a failure, clicks waiting for the state go to the no-view commands (a no-op after success).
        loaded.resolve(null);
        setIsLoading(false);
      });
    return () => void close?.();
  }, []);

  return { view, isLoading, actions };
}
