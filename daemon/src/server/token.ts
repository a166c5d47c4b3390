import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { STATE_FILES } from "@kokoro-speech/protocol";

/** 32 random bytes, hex: the secret every client must present in `hello`. */
const TOKEN_BYTES = 32;

/** Reads the token from the state directory, creating it (mode 0600) on first start. Returns token and path. */
export async function ensureToken(stateDir: string): Promise<{ token: string; tokenPath: string }> {
  const tokenPath = join(stateDir, STATE_FILES.token);
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  try {
    const token = (await readFile(tokenPath, "utf8")).trim();
    if (/^[0-9a-f]{64}$/.test(token)) {
      await chmod(tokenPath, 0o600);
      return { token, tokenPath };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const token = randomBytes(TOKEN_BYTES).toString("hex");
  await writeFile(tokenPath, `${token}\n`, { mode: 0o600 });
  await chmod(tokenPath, 0o600);
  return { token, tokenPath };
}

/** Constant-time comparison, so response timing reveals nothing about the token. */
export function isTokenValid(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(presented, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
