import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The real-model suite (`npm run test:real`): the Kokoro-82M weights from the test cache (test/real-model/). Only
 * its own files, one at a time (each loads the model; two at once would crowd a 2-core machine), with long timeouts:
 * a real sentence takes about a second on an idle 2-core machine and 30 s on a crowded one.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/real-model/**/*.test.ts"],
    exclude: [],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
