/**
 * One temporary folder per Vitest run. Helpers and the @raycast/api stand-in create their folders inside it and the
 * teardown removes it, so a run leaves nothing behind in the temp directory even when a test fails before its own
 * cleanup, or a test file's module-level folders have no cleanup at all.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_RUN_DIR_ENV } from "./helpers/temp-dir.js";

export default async function setup(): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(join(tmpdir(), "kokoro-tests-"));
  process.env[TEST_RUN_DIR_ENV] = runDir;
  return async () => {
    delete process.env[TEST_RUN_DIR_ENV];
    // A daemon that a failed test left running may still be writing its state files: retry on ENOTEMPTY.
    await rm(runDir, { recursive: true, force: true, maxRetries: 5 });
  };
}
