/**
 * Stop Speaking and Pause or Resume Speaking: no-view commands, so a hotkey reaches them even with the menu bar
 * hidden. They talk to a running daemon only (a control never starts one), refresh the menu bar, then show a HUD.
 */
import { showHUD } from "@raycast/api";
import { isProtocolError, type DaemonClient } from "@kokoro-speech/protocol";
import { connectToDaemon } from "./connection.js";
import { showFailure } from "./failure-toast.js";
import { refreshMenuBar } from "./refresh-menu-bar.js";
import { logPathOf, stateDirOf } from "./supervisor.js";

export type PlaybackControl = "stop" | "toggle";

export const NOTHING_PLAYING = "Nothing is playing";

/** Stops the stream playing and every queued one; the HUD says whether there was anything. */
async function stopAll(client: DaemonClient): Promise<string> {
  const ack = await client.request({ type: "stop", all: true });
  const stopped = (ack.result as { stopped?: unknown } | undefined)?.stopped;
  return typeof stopped === "number" && stopped > 0 ? "Stopped speaking" : NOTHING_PLAYING;
}

/** Pauses what plays, resumes what is paused. */
async function toggle(client: DaemonClient): Promise<string> {
  const { state } = (await client.status()).player;
  if (state === "idle") return NOTHING_PLAYING;
  try {
    await client.request({ type: state === "playing" ? "pause" : "resume" });
  } catch (error) {
    // The stream ended between the status and the request: there is nothing left to pause.
    if (isProtocolError(error) && error.code === "no_such_stream") return NOTHING_PLAYING;
    throw error;
  }
  return state === "playing" ? "Paused speaking" : "Resumed speaking";
}

export async function runPlaybackControl(control: PlaybackControl): Promise<void> {
  const logPath = logPathOf({});
  try {
    const connected = await connectToDaemon(stateDirOf({}));
    if (!connected) {
      // No daemon runs, so nothing can be playing; starting one just to stop it would be absurd.
      await showHUD(NOTHING_PLAYING);
      return;
    }
    let hud: string;
    try {
      hud = control === "stop" ? await stopAll(connected.client) : await toggle(connected.client);
    } finally {
      await connected.client.close();
    }
    await refreshMenuBar();
    await showHUD(hud);
  } catch (error) {
    await showFailure(error, logPath);
  }
}
