/**
 * What the daemon remembers about files it has hashed: a start after the first no longer reads the whole model and
 * every voice pack to hash them again (about 120 MB, a quarter of a second on a laptop before the model can load).
 *
 * A file's sha256 is taken on trust only while the file is provably the one hashed: same device, inode, size,
 * modification time and change time (`ctime`, which no program can set back: any write, rename over or `touch`
 * moves it). Anything else, or a stamp for another expected hash, hashes the file again. The stamps live in one JSON
 * file in the data directory; a missing, unreadable or malformed one only means hashing again.
 */
import type { Stats } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";

export const VERIFIED_FILES_NAME = "verified-files.json";

const stampSchema = z.object({
  sha256: z.string(),
  bytes: z.number(),
  dev: z.number(),
  ino: z.number(),
  mtimeMs: z.number(),
  ctimeMs: z.number(),
});
type Stamp = z.infer<typeof stampSchema>;
const recordSchema = z.object({ version: z.literal(1), files: z.record(z.string(), stampSchema) });

function stampOf(stats: Stats, sha256: string): Stamp {
  return { sha256, bytes: stats.size, dev: stats.dev, ino: stats.ino, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

function sameFile(a: Stamp, b: Stamp): boolean {
  return (
    a.bytes === b.bytes && a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs
  );
}

export class VerifiedFiles {
  readonly #recordPath: string;
  readonly #files: Map<string, Stamp>;
  #changed = false;

  private constructor(recordPath: string, files: Map<string, Stamp>) {
    this.#recordPath = recordPath;
    this.#files = files;
  }

  /** The record in `dataDir` (an empty one when there is none yet or it cannot be read). */
  static async open(dataDir: string): Promise<VerifiedFiles> {
    const recordPath = join(dataDir, VERIFIED_FILES_NAME);
    const text = await readFile(recordPath, "utf8").catch(() => undefined);
    let files = new Map<string, Stamp>();
    if (text !== undefined) {
      try {
        const parsed = recordSchema.safeParse(JSON.parse(text));
        if (parsed.success) files = new Map(Object.entries(parsed.data.files));
      } catch {
        // Not JSON (a torn write by another tool, a user's edit): every file is hashed again and the record rewritten.
      }
    }
    return new VerifiedFiles(recordPath, files);
  }

  /** Whether `path`, as it is now, was hashed before with the result `sha256`. */
  async knows(path: string, sha256: string): Promise<boolean> {
    const stamp = this.#files.get(path);
    if (stamp === undefined || stamp.sha256 !== sha256) return false;
    const now = await stat(path).catch(() => undefined);
    return now !== undefined && sameFile(stamp, stampOf(now, sha256));
  }

  /** Records that `path` hashed to `sha256`, given its stats taken before the hash; a file that changed meanwhile is not. */
  async remember(path: string, before: Stats, sha256: string): Promise<void> {
    const after = await stat(path).catch(() => undefined);
    if (after === undefined || !sameFile(stampOf(before, sha256), stampOf(after, sha256))) {
      this.forget(path);
      return;
    }
    this.#files.set(path, stampOf(after, sha256));
    this.#changed = true;
  }

  forget(path: string): void {
    this.#changed = this.#files.delete(path) || this.#changed;
  }

  /** Writes the record if it changed (to a temporary file renamed into place, so a reader never sees half of it). */
  async save(): Promise<void> {
    if (!this.#changed) return;
    await mkdir(dirname(this.#recordPath), { recursive: true });
    const temporary = `${this.#recordPath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ version: 1, files: Object.fromEntries(this.#files) })}\n`, {
      mode: 0o600,
    });
    await rename(temporary, this.#recordPath);
    this.#changed = false;
  }
}
