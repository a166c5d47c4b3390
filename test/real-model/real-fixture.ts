/**
 * The real-model suite's entry check: the fixture must be present and verified, or the test fails with the reason.
 * (`run-real-suite.ts` prints the one "not present" line and never starts Vitest without the fixture.)
 */
import { locateFixture } from "./fixture-paths.js";

export interface RealFixture {
  readonly modelPath: string;
  readonly voicesDir: string;
}

export async function requireRealFixture(): Promise<RealFixture> {
  const fixture = await locateFixture();
  if (fixture.state === "absent") throw new Error("the real model is not in the test cache: npm run fetch:real-model");
  if (fixture.state === "corrupt") throw new Error(fixture.reason);
  return fixture;
}
