import { execFile } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { phonemize } from "phonemizer";
import { afterEach, describe, expect, it } from "vitest";
import { EspeakProcess, type EspeakProcessOptions } from "../../../daemon/src/g2p/espeak-process.js";

// Real espeak-ng in its real host process (daemon/dist/g2p/espeak-host.js, built by `npm test`'s pretest).
describe("EspeakProcess", () => {
  const opened: EspeakProcess[] = [];
  function start(options: EspeakProcessOptions = {}): EspeakProcess {
    const espeak = new EspeakProcess(options);
    opened.push(espeak);
    return espeak;
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((espeak) => espeak.close()));
  });

  function isAlive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  it("answers what espeak-ng answers in this process, and reports the host's memory", async () => {
    const espeak = start();
    const text = "zorblaxian, grumbletoff, kubernetes";
    expect(await espeak.phonemize(text, "en-us")).toEqual(await phonemize(text, "en-us"));
    expect(await espeak.phonemize(text, "en")).toEqual(await phonemize(text, "en"));
    const stats = espeak.stats();
    expect(stats.starts).toBe(1);
    expect(stats.rssBytes).toBeGreaterThan(0);
    expect(isAlive(stats.pid!)).toBe(true);
  });

  it("gives overlapping calls each their own answer from one host", async () => {
    const espeak = start();
    const words = ["flibber", "wugglet", "snorkeldash", "quibbit", "trundlewhip"];
    const answers = await Promise.all(words.map((word) => espeak.phonemize(word, "en-us")));
    for (const [index, word] of words.entries()) expect(answers[index]).toEqual(await phonemize(word, "en-us"));
    expect(espeak.stats().starts).toBe(1);
  });

  it("stops an idle host to free its memory, counts it, and starts a new one for the next call", async () => {
    let released = 0;
    const espeak = start({ idleReleaseMs: 0, onRelease: () => (released += 1) });
    const first = await espeak.phonemize("flibber", "en-us");
    const pid = espeak.stats().pid!;
    while (released === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(espeak.stats()).toMatchObject({ releases: 1, rssBytes: 0, pid: undefined });
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 5));

    expect(await espeak.phonemize("flibber", "en-us")).toEqual(first);
    expect(espeak.stats().starts).toBe(2);
    // The old host is gone (waited for above); the one that answered is running.
    expect(isAlive(espeak.stats().pid!)).toBe(true);
  });

  it("keeps a host that is busy past its idle time", async () => {
    const espeak = start({ idleReleaseMs: 0 });
    const calls = Array.from({ length: 20 }, (_, index) => espeak.phonemize(`word${"a".repeat(index)}bix`, "en-us"));
    await Promise.all(calls);
    expect(espeak.stats().starts).toBe(1);
  });

  it("fails the calls of a host that died, then recovers with a new host", async () => {
    const espeak = start();
    await espeak.phonemize("flibber", "en-us");
    const pid = espeak.stats().pid!;
    const pending = espeak.phonemize("wugglet", "en-us");
    process.kill(pid, "SIGKILL");
    await expect(pending).rejects.toThrow(/espeak-ng host exited \(signal SIGKILL\)/);
    expect(await espeak.phonemize("wugglet", "en-us")).toEqual(await phonemize("wugglet", "en-us"));
    expect(espeak.stats().starts).toBe(2);
  });

  it("rejects pending and later calls once closed, and its host is gone", async () => {
    const espeak = start();
    await espeak.phonemize("flibber", "en-us");
    const pid = espeak.stats().pid!;
    const pending = espeak.phonemize("wugglet", "en-us");
    await espeak.close();
    await expect(pending).rejects.toThrow(/espeak-ng host exited/);
    await expect(espeak.phonemize("flibber", "en-us")).rejects.toThrow(/closed/);
    expect(isAlive(pid)).toBe(false);
  });

  it("does not keep a one-shot process alive once its calls are answered", async () => {
    const moduleUrl = new URL("../../../daemon/dist/g2p/espeak-process.js", import.meta.url).href;
    const script = `
      const { EspeakProcess } = await import(${JSON.stringify(moduleUrl)});
      const espeak = new EspeakProcess();
      console.log(JSON.stringify(await espeak.phonemize("flibber", "en-us")));
    `;
    const child = execFile(process.execPath, ["--input-type=module", "-e", script]);
    let stdout = "";
    child.stdout?.on("data", (text: string) => (stdout += text));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await phonemize("flibber", "en-us"));
  });

  it("refuses to run when started by hand", async () => {
    const hostPath = fileURLToPath(new URL("../../../daemon/dist/g2p/espeak-host.js", import.meta.url));
    const error = await promisify(execFile)(process.execPath, [hostPath]).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 2, stderr: expect.stringMatching(/not by hand/) });
  });
});
