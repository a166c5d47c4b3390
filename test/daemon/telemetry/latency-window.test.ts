import { describe, expect, it } from "vitest";
import { LatencyWindow } from "../../../daemon/src/telemetry/latency-window.js";

describe("LatencyWindow", () => {
  it("reports null percentiles while empty", () => {
    expect(new LatencyWindow(3).summary()).toEqual({ p50: null, p95: null, count: 0 });
  });

  it("computes nearest-rank percentiles", () => {
    const window = new LatencyWindow(100);
    for (let value = 1; value <= 100; value++) window.add(value);
    expect(window.summary()).toEqual({ p50: 50, p95: 95, count: 100 });
  });

  it("keeps only the most recent values", () => {
    const window = new LatencyWindow(3);
    for (const value of [100, 200, 1, 2, 3]) window.add(value);
    expect(window.summary()).toEqual({ p50: 2, p95: 3, count: 3 });
  });

  it("ignores values that are not finite", () => {
    const window = new LatencyWindow(3);
    window.add(Number.NaN);
    window.add(Number.POSITIVE_INFINITY);
    expect(window.count).toBe(0);
  });
});
