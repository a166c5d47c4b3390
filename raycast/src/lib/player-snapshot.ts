/** Asks a running daemon (never starting one: a menu refresh must not spawn processes) for its state. */
import type { DaemonClient } from "@kokoro-speech/shared";
import { connectToDaemon } from "./connection.js";
import type { ReportedStatus } from "./player-view.js";

export interface LiveDaemon {
  /** Left open for the menu's actions; `null` when the daemon is down. */
  readonly client: DaemonClient | null;
  readonly status: ReportedStatus | null;
}

const DOWN: LiveDaemon = { client: null, status: null };

export async function loadLiveDaemon(stateDir: string): Promise<LiveDaemon> {
  // A daemon that refuses us or dies mid-answer is, for the menu, a daemon that is down.
  const connected = await connectToDaemon(stateDir).catch(() => null);
  if (!connected) return DOWN;
  try {
    return { client: connected.client, status: (await connected.client.status()) as ReportedStatus };
  } catch {
    await connected.client.close();
    return DOWN;
  }
}
