import { describe, expect, it } from "vitest";
import { overallProgress, TransferMeter } from "../../../daemon/src/models/progress.js";

/** A clock the test moves by hand, so speeds and ETAs are exact. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let nowMs = 1_000_000;
  return { now: () => nowMs, advance: (ms) => (nowMs += ms) };
}

describe("TransferMeter", () => {
  it("derives percent, speed and time left from bytes and elapsed time", () => {
    const clock = manualClock();
    const meter = new TransferMeter({ bytesTotal: 10_000, now: clock.now });
    clock.advance(2000);
    meter.add(2500);
    expect(meter.snapshot()).toEqual({
      bytesDone: 2500,
      bytesTotal: 10_000,
      percent: 25,
      bytesPerSecond: 1250,
      etaSeconds: 6,
    });
  });

  it("counts resumed bytes as done but not as speed", () => {
    const clock = manualClock();
    const meter = new TransferMeter({ bytesTotal: 10_000, bytesAlreadyDone: 6000, now: clock.now });
    clock.advance(1000);
    meter.add(1000);
    expect(meter.snapshot()).toMatchObject({ bytesDone: 7000, percent: 70, bytesPerSecond: 1000, etaSeconds: 3 });
  });

  it("leaves percent and time left undefined without a total", () => {
    const clock = manualClock();
    const meter = new TransferMeter({ bytesTotal: undefined, now: clock.now });
    clock.advance(1000);
    meter.add(10);
    expect(meter.snapshot()).toMatchObject({ percent: undefined, etaSeconds: undefined, bytesPerSecond: 10 });
  });

  it("leaves time left undefined before any time has passed", () => {
    const meter = new TransferMeter({ bytesTotal: 100, now: manualClock().now });
    expect(meter.snapshot()).toMatchObject({ bytesPerSecond: 0, etaSeconds: undefined, percent: 0 });
  });
});

describe("overallProgress", () => {
  it("adds finished files to the current one and estimates the rest at the current speed", () => {
    const current = { bytesDone: 100, bytesTotal: 400, percent: 25, bytesPerSecond: 50, etaSeconds: 6 };
    expect(overallProgress(current, 500, 1000)).toEqual({
      bytesDone: 600,
      bytesTotal: 1000,
      percent: 60,
      bytesPerSecond: 50,
      etaSeconds: 8,
    });
  });
});
