/**
 * Save Selected Text as Audio against a real daemon: the daemon renders for us (nothing reaches the device) and the
 * WAV file must hold exactly the PCM the fixture synthesizer makes of the text, under a valid header. If these fail,
 * the user gets a silent, truncated or unplayable file, or no way to find it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SaveSelectedTextAsAudio from "../../raycast/src/save-selected-text-as-audio.js";
import { audioFileName, audioFolder } from "../../raycast/src/lib/save-audio.js";
import { recorded, setPreferences, setSelectedText } from "../mocks/raycast-api.js";
import { fixtureAudioFor } from "../fixtures/tone-synthesizer.js";
import { FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "./helpers/extension-env.js";

let env: ExtensionTestEnv;
let folder: string;

beforeEach(async () => {
  env = await setupExtensionEnv();
  folder = await mkdtemp(join(tmpdir(), "kokoro-audio-out-"));
  setPreferences({ daemonScript: FIXTURE_DAEMON_SCRIPT, daemonPort: "0", audioFolder: folder });
});

afterEach(async () => {
  await env.cleanup();
  await rm(folder, { recursive: true, force: true });
});

/** The fields of a canonical 44-byte PCM WAV header, read independently of the code that wrote it. */
function readWav(bytes: Buffer): { format: number; channels: number; rate: number; bits: number; data: Buffer } {
  expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
  expect(bytes.readUInt32LE(4)).toBe(bytes.byteLength - 8);
  expect(bytes.toString("ascii", 8, 16)).toBe("WAVEfmt ");
  expect(bytes.toString("ascii", 36, 40)).toBe("data");
  const dataBytes = bytes.readUInt32LE(40);
  expect(dataBytes).toBe(bytes.byteLength - 44);
  return {
    format: bytes.readUInt16LE(20),
    channels: bytes.readUInt16LE(22),
    rate: bytes.readUInt32LE(24),
    bits: bytes.readUInt16LE(34),
    data: bytes.subarray(44),
  };
}

describe("Save Selected Text as Audio", () => {
  it("writes the rendered speech to a WAV file, shows progress, and offers Show in Finder", async () => {
    const text = "First sentence to save. Second sentence! And a third one?";
    setSelectedText(text);
    await SaveSelectedTextAsAudio();
    const files = await readdir(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^Kokoro Speech \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.wav$/);
    const path = join(folder, files[0]!);
    const wav = readWav(await readFile(path));
    expect(wav).toMatchObject({ format: 1, channels: 1, rate: 24_000, bits: 16 });
    expect(wav.data.equals(fixtureAudioFor(text))).toBe(true);
    // Progress: the percent of the text rendered after each of the three segments, ending at 100%.
    const messages = recorded.toasts.filter((toast) => toast.title === "Rendering audio…").map((t) => t.message);
    expect(messages.filter(Boolean).at(-1)).toBe("100%");
    const done = recorded.toasts.at(-1)!;
    expect(done).toMatchObject({
      style: "SUCCESS",
      title: `Saved “${files[0]}” in ${folder.split("/").at(-1)}`,
      message: path,
    });
    await done.primaryAction!.onAction(undefined);
    expect(recorded.shownInFinder).toEqual([path]);
    // Rendered for us, not played.
    expect((await env.status()).counters.streamsStarted).toBe(0);
  });

  it("says what to do when nothing is selected, and writes nothing", async () => {
    await SaveSelectedTextAsAudio();
    expect(recorded.toasts).toMatchObject([{ style: "FAILURE", title: "Nothing to read: select some text first" }]);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe("audioFolder and audioFileName", () => {
  it("uses Downloads unless the preference names a folder", () => {
    expect(audioFolder(undefined, "/Users/me")).toBe("/Users/me/Downloads");
    expect(audioFolder("", "/Users/me")).toBe("/Users/me/Downloads");
    expect(audioFolder("/Volumes/Audio", "/Users/me")).toBe("/Volumes/Audio");
  });

  it("names the file by the local date and time", () => {
    expect(audioFileName(new Date(2026, 11, 2, 7, 5, 9))).toBe("Kokoro Speech 2026-12-02 07.05.09.wav");
  });
});
