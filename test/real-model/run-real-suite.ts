/**
 * `npm run test:real`: runs the real-model suite (vitest.real.config.ts) when the fixture is in the test cache.
 * Without it, one line says so and nothing runs (exit 0, or 1 with `KOKORO_SPEECH_REQUIRE_REAL_MODEL=1`, so CI can
 * insist once it fetched the model); a corrupt fixture fails with the file's name. Extra arguments go to Vitest.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { locateFixture, realModelPath } from "./fixture-paths.js";

const REQUIRE_ENV = "KOKORO_SPEECH_REQUIRE_REAL_MODEL";
const root = fileURLToPath(new URL("../..", import.meta.url));

const fixture = await locateFixture();
if (fixture.state === "absent") {
  const required = process.env[REQUIRE_ENV] === "1";
  process.stdout.write(
    `real-model suite NOT RUN: no model at ${realModelPath()} (npm run fetch:real-model fetches it)\n`,
  );
  process.exit(required ? 1 : 0);
}
if (fixture.state === "corrupt") {
  process.stderr.write(`real-model suite: ${fixture.reason}\n`);
  process.exit(1);
}
const vitest = spawnSync(
  process.execPath,
  [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    "vitest.real.config.ts",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);
process.exit(vitest.status ?? 1);
