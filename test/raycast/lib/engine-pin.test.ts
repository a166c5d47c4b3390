/** The engine the extension installs is the daemon package this repository builds, at its current version. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINE_PACKAGE, ENGINE_VERSION } from "../../../raycast/src/lib/engine-pin.js";
import { REPO_ROOT } from "../../helpers/daemon-process.js";

describe("the engine pin", () => {
  it("names the daemon package and its version", async () => {
    const manifest = JSON.parse(await readFile(join(REPO_ROOT, "daemon", "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    expect({ ENGINE_PACKAGE, ENGINE_VERSION }).toEqual({
      ENGINE_PACKAGE: manifest.name,
      ENGINE_VERSION: manifest.version,
    });
  });
});
