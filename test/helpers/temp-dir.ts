/**
 * Where tests create their temporary folders: inside the run folder that test/global-setup.ts creates and removes, or
 * in the system temp directory outside Vitest (the benchmarks import the same helpers).
 */
import { tmpdir } from "node:os";

/** Set by the global setup; Vitest 4 runs it before it spawns the test workers, which copy its environment. */
export const TEST_RUN_DIR_ENV = "KOKORO_SPEECH_TEST_RUN_DIR";

export function testTempRoot(): string {
  return process.env[TEST_RUN_DIR_ENV] ?? tmpdir();
}
