/**
 * One extension "install" per test: temporary state and data directories, an ALSA capture HOME for the real
 * `speaker` sink, the mock reset to the manifest's defaults, and the "Daemon Script" preference pointing at the
 * fixture daemon. Every daemon the extension starts is detached from the test process, so cleanup finds it through
 * its discovery file (and any pid a test registers) and stops it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DaemonClient, readDiscovery, readToken, type DaemonStatus } from "@kokoro-speech/protocol";
import { resetRaycastMock, setPreferences } from "../../mocks/raycast-api.js";
import { createAlsaCapture, type AlsaCapture } from "../../helpers/alsa.js";
import { CLI_PATH } from "../../helpers/daemon-process.js";
import { waitFor } from "../../helpers/pcm.js";
import { isProcessAlive, waitForExit } from "../../../raycast/src/lib/process-info.js";

export const FIXTURE_DAEMON_SCRIPT = fileURLToPath(new URL("./fixture-daemon.mjs", import.meta.url));
export { CLI_PATH };

const ENV_NAMES = [
  "HOME",
  "XDG_CONFIG_HOME",
  "KOKORO_SPEECH_STATE_DIR",
  "KOKORO_SPEECH_DATA_DIR",
  "KOKORO_SPEECH_MODEL_BASE_URL",
  "KOKORO_SPEECH_LOG_LEVEL",
  "NODE_OPTIONS",
] as const;

export interface ExtensionTestEnv {
  readonly stateDir: string;
  readonly capture: AlsaCapture;
  /** The pid in the discovery file, or `null` when no daemon published one. */
  discoveryPid(): Promise<number | null>;
  /** A protocol client of the running daemon, as a test's own observer. */
  connect(): Promise<DaemonClient>;
  status(): Promise<DaemonStatus>;
  /** Waits until the daemon has played and completed `count` streams, then stops it so the capture is complete. */
  capturedAfter(completedStreams: number): Promise<Buffer>;
  /** Registers a process to stop at cleanup (e.g. a daemon the test replaced but wants to be sure is gone). */
  track(pid: number): void;
  cleanup(): Promise<void>;
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  if (!(await waitForExit(pid, 5_000))) process.kill(pid, "SIGKILL");
}

export async function setupExtensionEnv(options: { daemonScript?: string } = {}): Promise<ExtensionTestEnv> {
  const stateDir = await mkdtemp(join(tmpdir(), "kokoro-raycast-state-"));
  const dataDir = await mkdtemp(join(tmpdir(), "kokoro-raycast-data-"));
  const capture = await createAlsaCapture();
  const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    HOME: capture.home,
    XDG_CONFIG_HOME: capture.env.XDG_CONFIG_HOME,
    KOKORO_SPEECH_STATE_DIR: stateDir,
    KOKORO_SPEECH_DATA_DIR: dataDir,
    // Nothing listens on the discard port: a daemon that tries to download fails at once, offline.
    KOKORO_SPEECH_MODEL_BASE_URL: "http://127.0.0.1:9",
    KOKORO_SPEECH_LOG_LEVEL: "debug",
    // Must not reach the daemon (the supervisor gives it a clean environment).
    NODE_OPTIONS: "--max-old-space-size=64 --definitely-not-a-node-flag",
  });
  resetRaycastMock();
  setPreferences({ daemonScript: options.daemonScript ?? FIXTURE_DAEMON_SCRIPT, daemonPort: "0" });
  const tracked = new Set<number>();

  const connect = async (): Promise<DaemonClient> => {
    const discovery = await readDiscovery(stateDir);
    if (!discovery) throw new Error("no daemon is running");
    const token = await readToken(discovery.tokenPath);
    return DaemonClient.connect({ port: discovery.port, token: token ?? "", clientName: "test-observer" });
  };
  const status = async (): Promise<DaemonStatus> => {
    const client = await connect();
    try {
      return await client.status();
    } finally {
      await client.close();
    }
  };
  const discoveryPid = async (): Promise<number | null> => (await readDiscovery(stateDir))?.pid ?? null;

  return {
    stateDir,
    capture,
    discoveryPid,
    connect,
    status,
    capturedAfter: async (completedStreams) => {
      await waitFor(async () => (await status()).counters.streamsCompleted >= completedStreams);
      const pid = await discoveryPid();
      if (pid !== null) await stopPid(pid);
      return capture.read();
    },
    track: (pid) => tracked.add(pid),
    cleanup: async () => {
      const pid = await discoveryPid();
      if (pid !== null) tracked.add(pid);
      for (const trackedPid of tracked) if (await isProcessAlive(trackedPid)) await stopPid(trackedPid);
      for (const name of ENV_NAMES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      await capture.cleanup();
      await rm(stateDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
