/**
 * Runs before `ray build` and `ray develop`:
 * - in a checkout of the repository, records where the checkout's daemon lives, so that a developer's build runs the
 *   daemon they are working on (the build ships no node_modules and copies the bundle out of the repository); the
 *   file is generated on the building machine and never committed, and the "Daemon Script" preference overrides it;
 * - in the extension's folder alone (the Store's build), records nothing and removes a stale record: the extension
 *   then finds or installs its engine itself (docs/raycast.md, "How the extension finds and runs the daemon");
 * - points `node_modules/.bin/tsc` here at the workspace's TypeScript in a checkout: npm hoists it to the repository
 *   root, but `ray build -e dist` only looks for `./node_modules/.bin/tsc`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const daemonScript = fileURLToPath(new URL("../../daemon/dist/cli.js", import.meta.url));
const daemonManifest = fileURLToPath(new URL("../../daemon/package.json", import.meta.url));
const locationFile = fileURLToPath(new URL("../assets/daemon-location.json", import.meta.url));

/** The folder sits in a checkout when its parent holds the daemon package. */
function inCheckout() {
  try {
    return JSON.parse(readFileSync(daemonManifest, "utf8")).name === "kokoro-speech";
  } catch {
    return false;
  }
}

if (inCheckout()) {
  writeFileSync(locationFile, `${JSON.stringify({ daemonScript }, null, 2)}\n`);
} else {
  rmSync(locationFile, { force: true });
}

const binDir = fileURLToPath(new URL("../node_modules/.bin/", import.meta.url));
const localTsc = `${binDir}tsc`;
if (!existsSync(localTsc)) {
  mkdirSync(binDir, { recursive: true });
  symlinkSync(createRequire(import.meta.url).resolve("typescript/bin/tsc"), localTsc);
}
