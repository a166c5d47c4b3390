import { rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { STATE_FILES, type Discovery } from "@kokoro-speech/protocol";

/** Writes the discovery file atomically (temp file + rename) so a client never reads half of it. */
export async function writeDiscoveryFile(stateDir: string, discovery: Discovery): Promise<void> {
  const path = join(stateDir, STATE_FILES.discovery);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(discovery, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
}

export async function removeDiscoveryFile(stateDir: string): Promise<void> {
  await rm(join(stateDir, STATE_FILES.discovery), { force: true });
}
