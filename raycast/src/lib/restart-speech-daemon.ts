/**
 * The Restart Speech Daemon flow: an animated toast at once, a verified stop (by the handshake, or — for a daemon that
 * refuses it — by the discovery file's pid and the process's command line), start, handshake, then a HUD naming the
 * new process.
 */
import { showHUD, showToast, Toast } from "@raycast/api";
import { readConfig } from "./config.js";
import { supervisorOptionsFor } from "./extension-context.js";
import { showFailure } from "./failure-toast.js";
import { refreshMenuBar } from "./refresh-menu-bar.js";
import { logPathOf, restartDaemon } from "./supervisor.js";

export async function runRestartSpeechDaemon(): Promise<void> {
  try {
    await showToast({ style: Toast.Style.Animated, title: "Restarting the speech daemon…" });
    const { client } = await restartDaemon(supervisorOptionsFor(readConfig()));
    await client.close();
    await refreshMenuBar();
    const { pid, version } = client.welcome.daemon;
    await showHUD(`Speech daemon restarted (pid ${pid}, version ${version})`);
  } catch (error) {
    await showFailure(error, logPathOf({}));
  }
}
