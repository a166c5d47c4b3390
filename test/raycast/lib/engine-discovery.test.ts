/**
 * Which installed engine the extension runs before it installs one, on a file system described here (a Mac's
 * folders cannot be made on this machine): its own pinned install first, then a global `kokoro-speech`, each run by
 * the Node its add-ons were built for.
 */
import { describe, expect, it } from "vitest";
import { findInstalledEngine, type FileSystem } from "../../../raycast/src/lib/engine-discovery.js";
import { ENGINE_VERSION } from "../../../raycast/src/lib/engine-pin.js";

const HOME = "/Users/ada";
const SUPPORT = `${HOME}/Library/Application Support/com.raycast.macos/extensions/kokoro-speech`;
const RAYCAST_NODE = `${HOME}/Library/Application Support/com.raycast.macos/NodeJS/runtime/22.14.0/bin/node`;

/** Files (with their text), links (path → target) and folders listing their entries. */
function fakeFs(files: Record<string, string>, links: Record<string, string> = {}): FileSystem {
  return {
    exists: (path) => path in files || path in links,
    realpath: (path) => {
      const target = links[path];
      if (target === undefined) {
        if (path in files) return path;
        throw new Error(`ENOENT ${path}`);
      }
      return target;
    },
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT ${path}`);
      return text;
    },
    listDir: (path) => {
      const prefix = `${path}/`;
      const names = Object.keys(files)
        .filter((file) => file.startsWith(prefix))
        .map((file) => file.slice(prefix.length).split("/")[0]!);
      if (names.length === 0) throw new Error(`ENOENT ${path}`);
      return [...new Set(names)];
    },
  };
}

function supportInstall(version: string, nodeBinary: string): Record<string, string> {
  const dir = `${SUPPORT}/engine/${version}`;
  return {
    [`${dir}/engine.json`]: JSON.stringify({ package: "kokoro-speech", version, nodeBinary }),
    [`${dir}/node_modules/kokoro-speech/dist/cli.js`]: "",
  };
}

function globalPackage(packageDir: string): Record<string, string> {
  return {
    [`${packageDir}/package.json`]: JSON.stringify({ name: "kokoro-speech", version: "0.0.9" }),
    [`${packageDir}/dist/cli.js`]: "",
    [`${packageDir}/bin/kokoro-speech.js`]: "",
  };
}

const search = { supportPath: SUPPORT, nodeBinary: RAYCAST_NODE, home: HOME, pathDirs: ["/usr/bin", "/bin"] };

describe("findInstalledEngine", () => {
  it("runs the extension's own install of the pinned version with the Node it was built for", () => {
    const fs = fakeFs(supportInstall(ENGINE_VERSION, RAYCAST_NODE));
    expect(findInstalledEngine({ ...search, fs })).toEqual({
      script: `${SUPPORT}/engine/${ENGINE_VERSION}/node_modules/kokoro-speech/dist/cli.js`,
      nodeBinary: RAYCAST_NODE,
      source: "support",
    });
  });

  it.each([
    ["another version (the extension was updated)", supportInstall("0.0.1", RAYCAST_NODE)],
    ["another Node (Raycast moved to a new runtime)", supportInstall(ENGINE_VERSION, "/old/runtime/bin/node")],
  ])("does not use an install for %s", (_name, files) => {
    expect(findInstalledEngine({ ...search, fs: fakeFs(files) })).toBeUndefined();
  });

  it("takes a Homebrew global install, run by Homebrew's Node beside it", () => {
    const packageDir = "/opt/homebrew/lib/node_modules/kokoro-speech";
    const fs = fakeFs(
      { ...globalPackage(packageDir), "/opt/homebrew/bin/node": "" },
      { "/opt/homebrew/bin/kokoro-speech": `${packageDir}/bin/kokoro-speech.js` },
    );
    expect(findInstalledEngine({ ...search, fs })).toEqual({
      script: `${packageDir}/dist/cli.js`,
      nodeBinary: "/opt/homebrew/bin/node",
      source: "global",
    });
  });

  it("prefers the pinned install to a global one", () => {
    const packageDir = "/usr/local/lib/node_modules/kokoro-speech";
    const fs = fakeFs(
      { ...supportInstall(ENGINE_VERSION, RAYCAST_NODE), ...globalPackage(packageDir) },
      { "/usr/local/bin/kokoro-speech": `${packageDir}/bin/kokoro-speech.js` },
    );
    expect(findInstalledEngine({ ...search, fs })?.source).toBe("support");
  });

  it("finds the newest nvm Node's global install", () => {
    const nvm = `${HOME}/.nvm/versions/node`;
    const files: Record<string, string> = {
      ...globalPackage(`${nvm}/v22.3.0/lib/node_modules/kokoro-speech`),
      ...globalPackage(`${nvm}/v20.11.1/lib/node_modules/kokoro-speech`),
      [`${nvm}/v22.3.0/bin/node`]: "",
      [`${nvm}/v20.11.1/bin/node`]: "",
    };
    const links = {
      [`${nvm}/v22.3.0/bin/kokoro-speech`]: `${nvm}/v22.3.0/lib/node_modules/kokoro-speech/bin/kokoro-speech.js`,
      [`${nvm}/v20.11.1/bin/kokoro-speech`]: `${nvm}/v20.11.1/lib/node_modules/kokoro-speech/bin/kokoro-speech.js`,
    };
    expect(findInstalledEngine({ ...search, fs: fakeFs(files, links) })).toMatchObject({
      script: `${nvm}/v22.3.0/lib/node_modules/kokoro-speech/dist/cli.js`,
      nodeBinary: `${nvm}/v22.3.0/bin/node`,
    });
  });

  it("finds a Volta install and the Node Volta recorded for it", () => {
    const tools = `${HOME}/.volta/tools`;
    const files = {
      ...globalPackage(`${tools}/image/packages/kokoro-speech/lib/node_modules/kokoro-speech`),
      [`${tools}/user/packages/kokoro-speech.json`]: JSON.stringify({ platform: { node: "20.18.0" } }),
      [`${tools}/image/node/20.18.0/bin/node`]: "",
    };
    expect(findInstalledEngine({ ...search, fs: fakeFs(files) })).toEqual({
      script: `${tools}/image/packages/kokoro-speech/lib/node_modules/kokoro-speech/dist/cli.js`,
      nodeBinary: `${tools}/image/node/20.18.0/bin/node`,
      source: "global",
    });
  });

  it("ignores a command of that name that is not the daemon package", () => {
    const fs = fakeFs(
      { "/usr/local/lib/other/bin/kokoro-speech.js": "", "/usr/local/lib/other/package.json": '{"name":"other"}' },
      { "/usr/local/bin/kokoro-speech": "/usr/local/lib/other/bin/kokoro-speech.js" },
    );
    expect(findInstalledEngine({ ...search, fs })).toBeUndefined();
  });
});
