/**
 * The discovery file: written by the daemon once it listens, read by clients to find it. Clients still verify the
 * daemon's identity in the handshake: a stale file may point at a port another program now owns.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { DaemonClient } from "./client.js";
import { isProtocolError } from "./errors.js";
import { STATE_FILES } from "./paths.js";

export const discoverySchema = z.object({
  name: z.string(),
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65_535),
  host: z.string(),
  version: z.string(),
  protocol: z.number().int(),
  tokenPath: z.string(),
  startedAt: z.string(),
});
export type Discovery = z.infer<typeof discoverySchema>;

/** Reads and validates the discovery file; `null` when it is missing or unreadable. */
export async function readDiscovery(stateDir: string): Promise<Discovery | null> {
  let text: string;
  try {
    text = await readFile(join(stateDir, STATE_FILES.discovery), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = discoverySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads the token the discovery file points at; `null` when it cannot be read. */
export async function readToken(tokenPath: string): Promise<string | null> {
  try {
    return (await readFile(tokenPath, "utf8")).trim();
  } catch {
    return null;
  }
}

/** How a connection through the discovery file turned out, when no daemon refused it. */
export type DiscoveredConnection =
  | { kind: "connected"; client: DaemonClient; discovery: Discovery }
  /** No (valid) discovery file: no daemon has started in this state directory, or it shut down cleanly. */
  | { kind: "absent" }
  | { kind: "no_token"; tokenPath: string }
  /** The discovery file names a port where nothing answers (the daemon was killed). */
  | { kind: "unreachable"; port: number };

/** Errors that mean "no daemon answers there", as opposed to a daemon that refused the client. */
export function isDaemonUnreachableError(error: unknown): boolean {
  if (isProtocolError(error)) return error.code === "daemon_unreachable";
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "ECONNRESET";
}

/**
 * Connects to the daemon that owns `stateDir` through its discovery file and token, trusting it only after the
 * handshake (the file may be stale and its port now another program's). A daemon that answers but refuses (another
 * protocol version, another token) throws its `ProtocolError`.
 */
export async function connectToDiscoveredDaemon(
  stateDir: string,
  options: { clientName: string; connectTimeoutMs?: number },
): Promise<DiscoveredConnection> {
  const discovery = await readDiscovery(stateDir);
  if (!discovery) return { kind: "absent" };
  const token = await readToken(discovery.tokenPath);
  if (token === null) return { kind: "no_token", tokenPath: discovery.tokenPath };
  try {
    const client = await DaemonClient.connect({
      port: discovery.port,
      host: discovery.host,
      token,
      clientName: options.clientName,
      ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
    });
    return { kind: "connected", client, discovery };
  } catch (error) {
    if (isDaemonUnreachableError(error)) return { kind: "unreachable", port: discovery.port };
    throw error;
  }
}
