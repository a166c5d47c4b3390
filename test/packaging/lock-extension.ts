/**
 * Writes `raycast/package-lock.json` (`npm run lock:extension`): the extension's dependency tree as a standalone
 * folder resolves it, with the protocol package taken from its packed tarball. The packed tarball is served by a
 * loopback registry (every other package comes through it from the configured registry), so the lock pins that
 * tarball's integrity; run this again whenever `shared/` or the extension's dependencies change
 * (test/packaging/standalone-extension.test.ts fails until then). Registry addresses stay out of the lock.
 */
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startLocalRegistry, withoutNpmScriptEnv } from "../helpers/local-registry.js";
import { copyExtensionFolder, EXTENSION_DIR } from "./extension-folder.js";
import { npmPack, PROTOCOL_PACKAGE_DIR } from "./pack.js";

const run = promisify(execFile);

const root = await mkdtemp(join(tmpdir(), "kokoro-lock-"));
const registry = await startLocalRegistry({ root: join(root, "registry") });
try {
  const protocol = await npmPack(PROTOCOL_PACKAGE_DIR, root);
  await registry.publish(protocol.tarball);
  const folder = join(root, "raycast");
  await copyExtensionFolder(folder);
  await rm(join(folder, "package-lock.json"), { force: true });
  await run(
    "npm",
    [
      "install",
      "--package-lock-only",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--omit-lockfile-registry-resolved",
      "--userconfig",
      registry.userconfig,
      "--registry",
      registry.url,
    ],
    { cwd: folder, env: withoutNpmScriptEnv(process.env), maxBuffer: 64 * 1024 * 1024 },
  );
  const lock = await readFile(join(folder, "package-lock.json"), "utf8");
  if (lock.includes("127.0.0.1")) throw new Error("the lock recorded the loopback registry's address");
  await copyFile(join(folder, "package-lock.json"), join(EXTENSION_DIR, "package-lock.json"));
  console.log(`wrote raycast/package-lock.json (${protocol.name}@${protocol.version} ${protocol.integrity})`);
} finally {
  await registry.stop();
  await rm(root, { recursive: true, force: true });
}
