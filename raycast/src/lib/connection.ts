/**
 * Connecting to a running daemon through its discovery file and token, trusting it only after the handshake (the
 * file may be stale and its port owned by another program), and waiting with backoff for one that is starting.
 */
import { connectToDiscoveredDaemon, type DaemonClient, type Discovery } from "@kokoro-speech/protocol";
import { isProcessAlive } from "./process-info.js";
import { SupervisorError } from "./supervisor-error.js";

export const CLIENT_NAME = "raycast";
/** A local daemon answers in milliseconds; a listener that does not is not worth waiting for. */
export const CONNECT_TIMEOUT_MS = 1_500;

export interface Connected {
  readonly client: DaemonClient;
  readonly discovery: Discovery;
}

/**
 * Connects to the daemon the discovery file names; `null` when there is none or nothing answers. A daemon that
 * answers but refuses (another protocol version, another token) is reported by throwing its `ProtocolError`.
 */
export async function connectToDaemon(stateDir: string): Promise<Connected | null> {
  const connection = await connectToDiscoveredDaemon(stateDir, {
    clientName: CLIENT_NAME,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  return connection.kind === "connected" ? { client: connection.client, discovery: connection.discovery } : null;
}

export interface WaitOptions {
  stateDir: string;
  timeoutMs: number;
  /** The process we just started: if it dies before a daemon answers, waiting longer is pointless. */
  spawnedPid?: number;
  /** A daemon that is going away: answers from it do not count. */
  excludePid?: number;
}

/**
 * Polling a local file and a loopback port is cheap (a failed attempt costs well under a millisecond); every
 * millisecond waited past the daemon's listening adds itself to every cold start (with an 800 ms cap, a daemon ready
 * after 1 s was seen after 1.55 s: docs/benchmarks.md, "Speak after an idle exit"; a 100 ms cap still cost the cold
 * first Speak about 50 ms, "Cold first Speak").
 */
const FIRST_RETRY_MS = 10;
const MAX_RETRY_MS = 20;

/** Connects as soon as a daemon answers, retrying with exponential backoff until `timeoutMs`. */
export async function waitForDaemon(options: WaitOptions): Promise<Connected> {
  const deadline = Date.now() + options.timeoutMs;
  let delayMs = FIRST_RETRY_MS;
  for (;;) {
    const connected = await connectToDaemon(options.stateDir);
    if (connected && connected.client.welcome.daemon.pid !== options.excludePid) return connected;
    await connected?.client.close();
    // The spawned process may be a second instance that exits at once because a daemon already runs: keep
    // polling only while it lives or something else answered.
    if (!connected && options.spawnedPid !== undefined && !(await isProcessAlive(options.spawnedPid))) {
      const again = await connectToDaemon(options.stateDir);
      if (again && again.client.welcome.daemon.pid !== options.excludePid) return again;
      await again?.client.close();
      throw new SupervisorError("start_failed");
    }
    if (Date.now() + delayMs > deadline) throw new SupervisorError("start_timeout");
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
  }
}
