import { describe, expect, it } from "vitest";
import { SerialQueue } from "../../../daemon/src/engine/serial-queue.js";

/** A task that stays open until the test releases it, recording when it starts. */
function gate(log: string[], name: string): { task: () => Promise<string>; release: () => void } {
  let release = (): void => undefined;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

describe("SerialQueue", () => {
  it("starts a task only after the previous one has finished, in call order", async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const results = [queue.run(a.task), queue.run(b.task)];
    expect(queue.pending).toBe(2);
    await Promise.resolve();
    b.release();
    a.release();
    expect(await Promise.all(results)).toEqual(["a", "b"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
    expect(queue.pending).toBe(0);
  });

  it("keeps going after a task fails and reports the failure to its caller only", async () => {
    const queue = new SerialQueue();
    const failed = queue.run(() => Promise.reject(new Error("boom")));
    const next = queue.run(async () => "ok");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
    expect(queue.pending).toBe(0);
  });
});
