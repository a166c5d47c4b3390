/** Stops a daemon that a command started on its own, found through its state directory's discovery file. */
import { readDiscovery } from "@kokoro-speech/protocol";

/** SIGTERM to the discovered pid, then waits (up to 3 s) for the daemon to remove its discovery file. */
export async function stopDaemonDiscoveredIn(stateDir: string): Promise<void> {
  const discovery = await readDiscovery(stateDir);
  if (discovery === null) return;
  try {
    process.kill(discovery.pid, "SIGTERM");
  } catch (error) {
    // A daemon that crashed leaves its discovery file behind: nothing left to stop.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
    throw error;
  }
  for (let i = 0; i < 150 && (await readDiscovery(stateDir)) !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
