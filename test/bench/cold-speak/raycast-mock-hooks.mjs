/**
 * Registered with `--import` after tsx: `@raycast/api`, which has no runtime outside Raycast, resolves to the
 * recording stand-in the Vitest suites alias it to (test/mocks/raycast-api.ts), so a real extension command can run
 * in a plain Node process.
 */
import { register } from "node:module";

register("./raycast-mock-resolve.mjs", import.meta.url);
