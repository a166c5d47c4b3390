/**
 * Runs before `ray build` and `ray develop`:
 * - records where this checkout's daemon lives, for the extension to find after the build (which ships no
 *   node_modules and copies the bundle out of the repository); the file is generated on the building machine and
 *   never committed, and the "Daemon Script" preference overrides it;
 * - points `node_modules/.bin/tsc` here at the workspace's TypeScript: npm hoists it to the repository root, but
 *   `ray build -e dist` only looks for `./node_modules/.bin/tsc`.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const daemonScript = fileURLToPath(new URL("../../daemon/dist/cli.js", import.meta.url));
const locationFile = fileURLToPath(new URL("../assets/daemon-location.json", import.meta.url));
writeFileSync(locationFile, `${JSON.stringify({ daemonScript }, null, 2)}\n`);

const binDir = fileURLToPath(new URL("../node_modules/.bin/", import.meta.url));
const localTsc = `${binDir}tsc`;
if (!existsSync(localTsc)) {
  mkdirSync(binDir, { recursive: true });
  symlinkSync(createRequire(import.meta.url).resolve("typescript/bin/tsc"), localTsc);
}
