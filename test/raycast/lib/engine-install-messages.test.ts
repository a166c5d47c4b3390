/**
 * npm's output turned into what the user reads, for the failures the end-to-end test cannot produce on this machine
 * (a Mac without the Command Line Tools, node-gyp unable to fetch headers); the rest are produced for real in
 * test/packaging/first-speak-installs-engine.test.ts. Also: where npm is found, and the install progress line.
 */
import { describe, expect, it } from "vitest";
import { explainNpmFailure, INSTALL_NODE_COMMAND } from "../../../raycast/src/lib/engine-install.js";
import { showFailure } from "../../../raycast/src/lib/failure-toast.js";
import { SupervisorError } from "../../../raycast/src/lib/supervisor-error.js";
import { Clipboard, recorded, resetRaycastMock } from "../../mocks/raycast-api.js";
import { findNpmCli } from "../../../raycast/src/lib/find-npm.js";
import { installProgressMessage } from "../../../raycast/src/lib/startup-toast.js";

const SPEAKER_FAILED = [
  "npm info run speaker@0.5.5 install node_modules/speaker node-gyp rebuild",
  "npm error code 1",
  "npm error path /Users/ada/engine/.install-0.1.0-x/node_modules/speaker",
  "npm error command failed",
  "npm error command sh -c node-gyp rebuild",
];

describe("explainNpmFailure", () => {
  it("sends a Mac without a compiler to the Command Line Tools", () => {
    const output = [
      ...SPEAKER_FAILED,
      "npm error xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun",
    ].join("\n");
    expect(explainNpmFailure(output, 1, "kokoro-speech@0.1.0")).toEqual({
      message: expect.stringMatching(/^The audio add-on \(speaker\) could not be compiled: install the Xcode/),
      copyCommand: "xcode-select --install",
    });
  });

  it("tells a headers download that failed from a missing compiler", () => {
    const output = [...SPEAKER_FAILED, "npm error gyp ERR! stack is related to network connectivity."].join("\n");
    const explained = explainNpmFailure(output, 1, "kokoro-speech@0.1.0");
    expect(explained.message).toMatch(/could not download Node's headers/);
    expect(explained.copyCommand).toBeUndefined();
  });

  it("names a version the registry does not have", () => {
    const output = "npm error code E404\nnpm error 404 Not Found - GET …/kokoro-speech - Not found";
    expect(explainNpmFailure(output, 1, "kokoro-speech@9.9.9").message).toMatch(
      /^kokoro-speech@9\.9\.9 was not found on the npm registry\./,
    );
  });

  it("falls back to npm's exit status", () => {
    expect(explainNpmFailure("something else", 7, "kokoro-speech@0.1.0").message).toMatch(/^npm exited with code 7\./);
  });
});

describe("findNpmCli", () => {
  const files = new Set([
    "/opt/homebrew/lib/node_modules/npm/bin/npm-cli.js",
    "/opt/homebrew/bin/npm",
    "/raycast/runtime/22/bin/node",
  ]);
  const links: Record<string, string> = {
    "/opt/homebrew/bin/npm": "/opt/homebrew/lib/node_modules/npm/bin/npm-cli.js",
  };
  const fs = { exists: (path: string) => files.has(path), realpath: (path: string) => links[path] ?? path };

  it("uses the npm of the Node's own install when it has one", () => {
    const withOwn = new Set([...files, "/raycast/runtime/22/lib/node_modules/npm/bin/npm-cli.js"]);
    expect(
      findNpmCli({ nodeBinary: "/raycast/runtime/22/bin/node", pathDirs: [], ...fs, exists: (p) => withOwn.has(p) }),
    ).toBe("/raycast/runtime/22/lib/node_modules/npm/bin/npm-cli.js");
  });

  it("else an npm on PATH or in Homebrew's folder", () => {
    expect(findNpmCli({ nodeBinary: "/raycast/runtime/22/bin/node", pathDirs: [], ...fs })).toBe(
      "/opt/homebrew/lib/node_modules/npm/bin/npm-cli.js",
    );
  });

  it("else none", () => {
    expect(
      findNpmCli({ nodeBinary: "/raycast/runtime/22/bin/node", pathDirs: ["/nowhere"], exists: () => false }),
    ).toBeUndefined();
  });
});

describe("installProgressMessage", () => {
  it("says what npm is doing and for how long", () => {
    expect(installProgressMessage({ version: "0.1.0", downloaded: 0, building: undefined, elapsedMs: 900 })).toBe(
      "kokoro-speech 0.1.0 · 0 s",
    );
    expect(installProgressMessage({ version: "0.1.0", downloaded: 41, building: "speaker", elapsedMs: 42_300 })).toBe(
      "kokoro-speech 0.1.0 · 41 packages downloaded · building speaker · 42 s",
    );
  });
});

describe("the toast of a missing npm", () => {
  it("names the fix in its title and copies the command that installs Node.js", async () => {
    resetRaycastMock();
    await showFailure(
      new SupervisorError("npm_missing", "No npm was found.", {
        logPath: "/support/engine/install.log",
        copyCommand: INSTALL_NODE_COMMAND,
      }),
      "/state/daemon.log",
    );
    const [toast] = recorded.toasts;
    expect(toast).toMatchObject({
      style: "FAILURE",
      title: "Speech engine needs npm: install Node.js (brew install node)",
      message: "No npm was found. Log: /support/engine/install.log",
      primaryAction: { title: "Copy Install Command" },
      secondaryAction: { title: "Open Log" },
    });
    await toast?.primaryAction?.onAction(toast);
    expect(await Clipboard.readText()).toBe("brew install node");
  });
});
