/**
 * The extension's folder stands alone, as the Store's CI builds it: copied out of the repository, `npm ci` from its
 * committed lock (the protocol package from its packed tarball, served by a loopback registry with every other
 * package coming through it from the configured registry), then `npm run build`.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/daemon-process.js";
import { startLocalRegistry, withoutNpmScriptEnv, type LocalRegistry } from "../helpers/local-registry.js";
import { testTempRoot } from "../helpers/temp-dir.js";
import { copyExtensionFolder, EXTENSION_DIR } from "./extension-folder.js";
import { npmPack, PROTOCOL_PACKAGE_DIR, type PackResult } from "./pack.js";

const run = promisify(execFile);
const STEP_TIMEOUT_MS = 300_000;

interface Lock {
  packages: Record<string, { version?: string; integrity?: string; resolved?: string }>;
}

let root: string;
let registry: LocalRegistry;
let protocol: PackResult;
let folder: string;

function npmEnv(): NodeJS.ProcessEnv {
  return { ...withoutNpmScriptEnv(process.env), npm_config_userconfig: registry.userconfig };
}

beforeAll(async () => {
  root = await mkdtemp(join(testTempRoot(), "kokoro-standalone-"));
  registry = await startLocalRegistry({ root: join(root, "registry") });
  await mkdir(join(root, "packs"));
  protocol = await npmPack(PROTOCOL_PACKAGE_DIR, join(root, "packs"));
  await registry.publish(protocol.tarball);
  folder = join(root, "raycast");
  await copyExtensionFolder(folder);
}, STEP_TIMEOUT_MS);

afterAll(async () => {
  await registry?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the extension folder on its own", () => {
  it("has a committed lock that pins the protocol package's packed tarball and records no registry address", async () => {
    const lock = JSON.parse(await readFile(join(EXTENSION_DIR, "package-lock.json"), "utf8")) as Lock;
    const entry = lock.packages["node_modules/@kokoro-speech/protocol"];
    // A mismatch means shared/ changed since the lock was written: run `npm run lock:extension`.
    expect({ version: entry?.version, integrity: entry?.integrity }).toEqual({
      version: protocol.version,
      integrity: protocol.integrity,
    });
    expect(Object.values(lock.packages).filter((entry) => entry.resolved !== undefined)).toEqual([]);
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies["@kokoro-speech/protocol"]).toBe(`^${protocol.version}`);
  });

  it(
    "installs with npm ci and builds with npm run build, recording no daemon location",
    async () => {
      await run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: folder,
        env: npmEnv(),
        timeout: STEP_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      });
      const installed = JSON.parse(
        await readFile(join(folder, "node_modules", "@kokoro-speech", "protocol", "package.json"), "utf8"),
      ) as { version: string };
      expect(installed.version).toBe(protocol.version);

      const out = join(root, "build");
      await run("npm", ["run", "build", "--", "-o", out], {
        cwd: folder,
        env: npmEnv(),
        timeout: STEP_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      });
      const manifest = JSON.parse(await readFile(join(folder, "package.json"), "utf8")) as {
        commands: { name: string }[];
      };
      const built = await readdir(out);
      for (const command of manifest.commands) expect(built).toContain(`${command.name}.js`);
      expect(await readdir(join(out, "assets"))).toEqual(["extension-icon.png"]);
      expect(await readdir(join(folder, "assets"))).not.toContain("daemon-location.json");
      // Nothing in the bundle points back into this checkout.
      for (const command of manifest.commands) {
        expect(await readFile(join(out, `${command.name}.js`), "utf8")).not.toContain(REPO_ROOT);
      }
    },
    2 * STEP_TIMEOUT_MS,
  );
});
