/** Asks a running daemon (never starting one: a menu refresh must not spawn processes) for its state. */
import { isProtocolError, type DaemonClient } from "@kokoro-speech/protocol";
import { connectToDaemon } from "./connection.js";
import type { DaemonRefusal, ReportedStatus } from "./player-view.js";

export interface LiveDaemon {
  /** Left open for the menu's actions; `null` when the daemon is down or refused us. */
  readonly client: DaemonClient | null;
  readonly status: ReportedStatus | null;
  /** Why a daemon that answered would not talk to us; `null` when it did, or when none answered. */
  readonly refusal: DaemonRefusal | null;
}

const DOWN: LiveDaemon = { client: null, status: null, refusal: null };

/** A daemon that answers but refuses this extension (another version, another token): not a daemon that is down. */
function refusalOf(error: unknown): DaemonRefusal | undefined {
  if (!isProtocolError(error)) return undefined;
  return error.code === "unauthorized" || error.code === "protocol_mismatch" ? error.code : undefined;
}

export async function loadLiveDaemon(stateDir: string): Promise<LiveDaemon> {
  let connected: Awaited<ReturnType<typeof connectToDaemon>>;
  try {
    connected = await connectToDaemon(stateDir);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === undefined) throw error;
    return { ...DOWN, refusal };
  }
  if (!connected) return DOWN;
  try {
    return { client: connected.client, status: (await connected.client.status()) as ReportedStatus, refusal: null };
  } catch (error) {
    await connected.client.close();
    // A daemon that dies mid-answer is, for the menu, a daemon that is down; anything else is a failure to show.
    if (isProtocolError(error) && error.code === "daemon_unreachable") return DOWN;
    throw error;
  }
}
