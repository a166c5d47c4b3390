/** If these fail, the extension cannot find the daemon after `ray build`, or runs it with the wrong Node. */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DAEMON_LOCATION_FILE,
  locateDaemonScript,
  locateNodeBinary,
} from "../../../raycast/src/lib/daemon-location.js";
import { SupervisorError } from "../../../raycast/src/lib/supervisor-error.js";
import { CLI_PATH } from "../../helpers/daemon-process.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function assetsWith(location: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kokoro-assets-"));
  dirs.push(dir);
  if (location !== undefined) await writeFile(join(dir, DAEMON_LOCATION_FILE), JSON.stringify(location));
  return dir;
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SupervisorError ? error.code : "not a SupervisorError";
  }
  return undefined;
}

describe("locateDaemonScript", () => {
  it("uses the location the build recorded", async () => {
    expect(locateDaemonScript(undefined, await assetsWith({ daemonScript: CLI_PATH }))).toBe(CLI_PATH);
  });

  it("lets the preference override the recorded location", async () => {
    const assets = await assetsWith({ daemonScript: "/nowhere/cli.js" });
    expect(locateDaemonScript(CLI_PATH, assets)).toBe(CLI_PATH);
  });

  it.each([
    ["nothing is recorded (the extension's folder built alone)", undefined],
    ["the recorded file is malformed", "not json {"],
  ])("chooses nothing when %s, leaving the engine to be found or installed", async (_name, location) => {
    const assets = await assetsWith(location);
    expect(locateDaemonScript(undefined, assets)).toBeUndefined();
  });

  it.each([
    ["the recorded script", undefined, { daemonScript: "/nowhere/daemon/dist/cli.js" }],
    ["the preference's script", "/nowhere/else/cli.js", undefined],
  ])("reports daemon_script_missing when %s no longer exists", async (_name, preference, location) => {
    const assets = await assetsWith(location);
    expect(codeOf(() => locateDaemonScript(preference, assets))).toBe("daemon_script_missing");
  });
});

describe("locateNodeBinary", () => {
  const home = "/Users/someone";
  const runtime = `${home}/Library/Application Support/com.raycast.macos/NodeJS/runtime`;

  it("uses the running Node when the process is node", () => {
    expect(locateNodeBinary({ execPath: "/opt/raycast/node", home, exists: () => false })).toBe("/opt/raycast/node");
  });

  it("otherwise picks Raycast's newest Node runtime", () => {
    const found = locateNodeBinary({
      execPath: "/Applications/Raycast.app/Contents/MacOS/Raycast Helper",
      home,
      listDir: () => ["22.9.0", "22.22.2", "20.1.0"],
      exists: (path) => path.startsWith(runtime),
    });
    expect(found).toBe(`${runtime}/22.22.2/bin/node`);
  });

  it("falls back to Homebrew, then the system", () => {
    const search = { execPath: "/x/Raycast", home, listDir: () => [] as string[] };
    expect(locateNodeBinary({ ...search, exists: (path) => path === "/usr/local/bin/node" })).toBe(
      "/usr/local/bin/node",
    );
    expect(locateNodeBinary({ ...search, exists: (path) => path === "/usr/bin/node" })).toBe("/usr/bin/node");
  });

  it("reports node_missing when there is no Node anywhere", () => {
    expect(codeOf(() => locateNodeBinary({ execPath: "/x/Raycast", home, exists: () => false }))).toBe("node_missing");
  });
});
