/**
 * Temporary HOME directories whose `.asoundrc` redirects ALSA's `default` PCM, so the real `speaker` addon can run
 * on machines without a sound card. Pass `env` (or `{ ...process.env, HOME: home }`) to the process that plays;
 * the test process's own HOME stays untouched.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testTempRoot } from "./temp-dir.js";

export interface AlsaHome {
  readonly home: string;
  /** This process's environment with HOME replaced, and XDG_CONFIG_HOME moved inside it so that no user-level
   * `alsa/asoundrc` (read after `.asoundrc`) can override the test's device. */
  readonly env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export interface AlsaCapture extends AlsaHome {
  /** Where ALSA's `file` plugin writes every byte "played" on the default device (raw, no header). */
  readonly capturePath: string;
  /** The bytes captured so far; empty if nothing was played yet. */
  read(): Promise<Buffer>;
}

async function createAlsaHome(prefix: string, asoundrc: (home: string) => string): Promise<AlsaHome> {
  const home = await mkdtemp(join(testTempRoot(), prefix));
  const configHome = join(home, ".config");
  await mkdir(configHome);
  await writeFile(join(home, ".asoundrc"), asoundrc(home));
  return {
    home,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: configHome },
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}

/** A HOME whose default PCM is a `file` plugin in front of the `null` device: playback lands in `capturePath`. */
export async function createAlsaCapture(): Promise<AlsaCapture> {
  let capturePath = "";
  const alsaHome = await createAlsaHome("kokoro-alsa-capture-", (home) => {
    capturePath = join(home, "capture.raw");
    // JSON string syntax is valid ALSA config string syntax (double quotes, backslash escapes).
    return `pcm.!default { type file slave.pcm "null" file ${JSON.stringify(capturePath)} format "raw" }\n`;
  });
  return {
    ...alsaHome,
    capturePath,
    read: async () => {
      try {
        return await readFile(capturePath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return Buffer.alloc(0);
        throw error;
      }
    },
  };
}

/** A HOME whose default PCM is a sound card that does not exist: the `speaker` addon aborts its process on it. */
export function createUnopenableAlsaHome(): Promise<AlsaHome> {
  // ALSA allows card indices 0-31; the last one is as good as never present on a build machine.
  return createAlsaHome("kokoro-alsa-unopenable-", () => "pcm.!default { type hw card 31 device 31 }\n");
}
