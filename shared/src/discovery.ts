/**
 * The discovery file: written by the daemon once it listens, read by clients to find it. Clients still verify the
 * daemon's identity in the handshake: a stale file may point at a port another program now owns.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
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
