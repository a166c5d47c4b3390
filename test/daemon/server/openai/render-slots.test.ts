import { describe, expect, it } from "vitest";
import { RenderSlots } from "../../../../daemon/src/server/openai/render-slots.js";

const never = new AbortController().signal;

describe("RenderSlots", () => {
  it("grants slots at once up to maxActive", async () => {
    const slots = new RenderSlots({ maxActive: 2, maxQueued: 0 });
    await slots.acquire(never);
    await slots.acquire(never);
    expect(slots.active).toBe(2);
  });

  it("refuses with queue_full once maxQueued requests are already waiting", async () => {
    const slots = new RenderSlots({ maxActive: 1, maxQueued: 1 });
    await slots.acquire(never);
    void slots.acquire(never);
    await expect(slots.acquire(never)).rejects.toMatchObject({ code: "queue_full" });
    expect(slots.queued).toBe(1);
  });

  it("hands released slots to waiting requests in arrival order", async () => {
    const slots = new RenderSlots({ maxActive: 1, maxQueued: 3 });
    const release = await slots.acquire(never);
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) =>
      slots.acquire(never).then((next) => {
        order.push(n);
        next();
      }),
    );
    release();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
    expect(slots.active).toBe(0);
  });

  it("drops a waiting request whose signal aborts, rejecting with the signal's reason", async () => {
    const slots = new RenderSlots({ maxActive: 1, maxQueued: 1 });
    const release = await slots.acquire(never);
    const abort = new AbortController();
    const waiting = slots.acquire(abort.signal);
    abort.abort(new Error("client left"));
    await expect(waiting).rejects.toThrow("client left");
    expect(slots.queued).toBe(0);
    release();
    expect(slots.active).toBe(0);
  });

  it("refuses an already aborted signal without taking a slot", async () => {
    const slots = new RenderSlots();
    const abort = new AbortController();
    abort.abort(new Error("gone"));
    await expect(slots.acquire(abort.signal)).rejects.toThrow("gone");
    expect(slots.active).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const slots = new RenderSlots({ maxActive: 1, maxQueued: 1 });
    const release = await slots.acquire(never);
    const second = slots.acquire(never);
    release();
    release();
    await second;
    expect(slots.active).toBe(1);
  });

  it("refuses limits that could never admit a render", () => {
    expect(() => new RenderSlots({ maxActive: 0 })).toThrow(RangeError);
    expect(() => new RenderSlots({ maxQueued: -1 })).toThrow(RangeError);
  });
});
