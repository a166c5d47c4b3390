import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { ownStartTimeMs, processStartTimeMs } from "../../../daemon/src/server/process-start-time.js";

const children: Array<{ kill(signal: NodeJS.Signals): boolean }> = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** `ps` and /proc's boot time both round to whole seconds. */
const READ_PRECISION_MS = 2_000;

describe("processStartTimeMs", () => {
  it("reads when another process started, as that process itself saw it", async () => {
    const child = spawn(process.execPath, ["-e", "console.log(performance.timeOrigin); setInterval(() => {}, 1e3)"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    children.push(child);
    const ownView = await new Promise<number>((resolve) =>
      child.stdout.once("data", (data: Buffer) => resolve(Number(data.toString()))),
    );
    const read = await processStartTimeMs(child.pid!);
    expect(read).not.toBeNull();
    expect(Math.abs(read! - ownView)).toBeLessThanOrEqual(READ_PRECISION_MS);
  });

  it("reads this process's own start as recorded in a lock", async () => {
    const read = await processStartTimeMs(process.pid);
    expect(Math.abs(read! - ownStartTimeMs())).toBeLessThanOrEqual(READ_PRECISION_MS);
  });

  it("is null for a pid no process holds", async () => {
    expect(await processStartTimeMs(2 ** 22 + 12_345)).toBeNull();
  });
});
