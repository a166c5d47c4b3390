/**
 * `serve --exit-when-idle <seconds>`, which the Raycast extension sets for a daemon it starts. If these fail, an idle
 * daemon holds its memory forever, or — worse — one exits in the middle of speech or while a menu bar polls it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { STATE_FILES } from "@kokoro-speech/protocol";
import { startDaemonProcess, type DaemonProcess } from "../helpers/daemon-process.js";

const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(idleSeconds: string): Promise<DaemonProcess> {
  const daemon = await startDaemonProcess({
    sink: "null",
    withFixtureSynthesizer: true,
    extraArgs: ["--exit-when-idle", idleSeconds],
  });
  cleanups.push(() => daemon.stop());
  return daemon;
}

const exitCode = (daemon: DaemonProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (daemon.child.exitCode !== null) resolve(daemon.child.exitCode);
    else daemon.child.once("exit", (code) => resolve(code));
  });

describe("serve --exit-when-idle", () => {
  it("exits cleanly after the idle time, removing its discovery file", async () => {
    const daemon = await started("0.5");
    expect(await exitCode(daemon)).toBe(0);
    expect(existsSync(join(daemon.stateDir, STATE_FILES.discovery))).toBe(false);
    expect(daemon.stderr()).toContain("idle: exiting");
  });

  it("stays up while speaking and while only status is asked, then exits once idle", async () => {
    const daemon = await started("1");
    const client = await daemon.connect();
    // About 4 s of fixture audio on the null sink, which plays in real time.
    const text = `${"A sentence that keeps the null sink busy for a while. ".repeat(6)}`;
    const { streamId } = await client.request({ type: "speak", text });
    const startedAt = Date.now();
    await client.waitForTerminal(streamId!);
    expect(Date.now() - startedAt).toBeGreaterThan(1_500);
    expect(daemon.child.exitCode).toBeNull();
    // Polling status (as the menu bar does) is not a use: the daemon still exits about a second later.
    const polling = setInterval(() => void client.status().catch(() => undefined), 200);
    const exitedAt = await exitCode(daemon).then(() => Date.now());
    clearInterval(polling);
    expect(exitedAt - startedAt).toBeGreaterThan(1_500);
    await client.close().catch(() => undefined);
  });

  it("refuses a value that is not a number of seconds", async () => {
    await expect(started("soon")).rejects.toThrow(/exitWhenIdleMs/);
  });
});
