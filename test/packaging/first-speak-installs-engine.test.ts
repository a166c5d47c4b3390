/**
 * A Raycast user's first Speak on a machine that never saw the repository: no daemon anywhere, an empty supportPath,
 * and a real npm registry on loopback (verdaccio) that serves the two packed tarballs and fetches every third-party
 * package from the configured registry as its uplink. The Speak command installs the pinned engine with npm
 * (`speaker` compiles), starts it, and speaks; what reached ALSA is decoded back to token ids and compared with what
 * the text phonemises to. Then each way an install fails, with its message and no half-installed engine left behind.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { delimiter, dirname, join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import SpeakSelectedText from "../../raycast/src/speak-selected-text.js";
import { findInstalledEngine } from "../../raycast/src/lib/engine-discovery.js";
import { installEngine } from "../../raycast/src/lib/engine-install.js";
import { ENGINE_RECORD_FILE, engineRoot, installLogPath } from "../../raycast/src/lib/engine-paths.js";
import { ENGINE_VERSION } from "../../raycast/src/lib/engine-pin.js";
import { INSTALLING_TITLE } from "../../raycast/src/lib/startup-toast.js";
import { SupervisorError } from "../../raycast/src/lib/supervisor-error.js";
import { environment, recorded, setSelectedText } from "../mocks/raycast-api.js";
import { extractKokoroJsVoice } from "../fixtures/kokoro-js-voices.js";
import { writeStandInModel } from "../fixtures/stand-in-model.js";
import { startLocalRegistry, type LocalRegistry } from "../helpers/local-registry.js";
import { expectedTokenIds, spokenTokenIds } from "../helpers/stand-in-speech.js";
import { testTempRoot } from "../helpers/temp-dir.js";
import { setupExtensionEnv, type ExtensionTestEnv } from "../raycast/helpers/extension-env.js";
import { DAEMON_PACKAGE_DIR, PROTOCOL_PACKAGE_DIR, npmPack } from "./pack.js";

const run = promisify(execFile);

const INSTALL_TIMEOUT_MS = 600_000;
const TEXT = "Installed on first use. Then it speaks, like any other time.";

let root: string;
let registry: LocalRegistry;
let modelDir: string;
const savedEnv = { PATH: process.env.PATH, model: process.env.KOKORO_SPEECH_MODEL_PATH };
const savedSupportPath = environment.supportPath;

/** A PATH like a Mac login's: the Node running the tests and the system's folders, not the checkout's node_modules. */
const USER_PATH = [dirname(process.execPath), "/usr/bin", "/bin"].join(delimiter);

/**
 * A HOME whose npm config points at the loopback registry (`extra` lines added). node-gyp compiles `speaker` against
 * this Node's own headers (installed beside it here; a Mac downloads them from nodejs.org, which this machine cannot
 * reach).
 */
async function npmHome(home: string, registryUrl: string, extra: string[] = []): Promise<void> {
  const nodePrefix = dirname(dirname(process.execPath));
  const headers = existsSync(join(nodePrefix, "include", "node", "node.h")) ? [`nodedir=${nodePrefix}`] : [];
  await writeFile(join(home, ".npmrc"), [`registry=${registryUrl}`, ...headers, ...extra, ""].join("\n"));
}

/** What the engine folder holds: the install log and finished version folders only, never a leftover or a lock. */
async function engineFolderEntries(supportPath: string): Promise<string[]> {
  return (await readdir(engineRoot(supportPath))).sort();
}

/** A minimal package of the engine's name, for the failure cases. */
async function publishFakeEngine(version: string, scripts: Record<string, string> = {}): Promise<string> {
  const dir = join(root, `fake-${version}`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "kokoro-speech", version, scripts, files: ["index.js"] }, null, 2),
  );
  await writeFile(join(dir, "index.js"), "export {};\n");
  await registry.publish(dir, "test");
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(testTempRoot(), "kokoro-first-speak-"));
  registry = await startLocalRegistry({ root: join(root, "registry") });
  await mkdir(join(root, "packs"));
  const protocol = await npmPack(PROTOCOL_PACKAGE_DIR, join(root, "packs"));
  const daemon = await npmPack(DAEMON_PACKAGE_DIR, join(root, "packs"));
  expect(daemon.version).toBe(ENGINE_VERSION);
  await registry.publish(protocol.tarball);
  await registry.publish(daemon.tarball);
  modelDir = join(root, "model");
  await mkdir(join(modelDir, "voices"), { recursive: true });
  await writeStandInModel(join(modelDir, "model.onnx"), "kokoro-onnx");
  // The default voice's real pack (it must match its published checksum): the stand-in's audio still encodes tokens.
  await extractKokoroJsVoice("af_heart", join(modelDir, "voices"));
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the first Speak with no engine installed", () => {
  let env: ExtensionTestEnv;

  afterEach(async () => {
    await env?.cleanup();
    process.env.PATH = savedEnv.PATH;
    if (savedEnv.model === undefined) delete process.env.KOKORO_SPEECH_MODEL_PATH;
    else process.env.KOKORO_SPEECH_MODEL_PATH = savedEnv.model;
    delete process.env.KOKORO_SPEECH_VOICES_PATH;
    environment.supportPath = savedSupportPath;
  });

  it(
    "installs the pinned engine into supportPath with progress, starts it and speaks the text",
    async () => {
      env = await setupExtensionEnv({ daemonScript: "" });
      const supportPath = await mkdtemp(join(root, "support-"));
      environment.supportPath = supportPath;
      process.env.PATH = USER_PATH;
      process.env.KOKORO_SPEECH_MODEL_PATH = join(modelDir, "model.onnx");
      process.env.KOKORO_SPEECH_VOICES_PATH = join(modelDir, "voices");
      await npmHome(env.capture.home, registry.url);
      // The premise: nothing on this machine is an engine the extension could use instead.
      expect(
        findInstalledEngine({
          supportPath,
          nodeBinary: process.execPath,
          home: env.capture.home,
          pathDirs: USER_PATH.split(delimiter),
        }),
      ).toBeUndefined();

      setSelectedText(TEXT);
      await SpeakSelectedText();

      expect(recorded.huds, JSON.stringify(recorded.toasts.at(-1))).toEqual(["Speaking with Heart"]);
      const installing = recorded.toasts.filter((toast) => toast.title === INSTALLING_TITLE);
      expect(installing.length).toBeGreaterThan(0);
      expect(installing.every((toast) => toast.style === "ANIMATED")).toBe(true);
      expect(installing.map((toast) => toast.message).join("\n")).toMatch(
        new RegExp(`kokoro-speech ${ENGINE_VERSION.replaceAll(".", "\\.")} · \\d+ packages downloaded`),
      );
      expect(await engineFolderEntries(supportPath)).toEqual([ENGINE_VERSION, "install.log"]);
      const record = JSON.parse(
        await readFile(join(engineRoot(supportPath), ENGINE_VERSION, ENGINE_RECORD_FILE), "utf8"),
      ) as { version: string; nodeBinary: string };
      expect(record).toMatchObject({ version: ENGINE_VERSION, nodeBinary: process.execPath });

      // The daemon that spoke runs from the installed engine.
      const pid = await env.discoveryPid();
      if (pid === null) throw new Error("the command left no daemon running");
      const { stdout: commandLine } = await run("ps", ["-o", "args=", "-p", String(pid)]);
      expect(commandLine).toContain(join(engineRoot(supportPath), ENGINE_VERSION, "node_modules", "kokoro-speech"));
      const spoken = spokenTokenIds(await env.capturedAfter(1));
      expect(spoken.length).toBeGreaterThan(30);
      expect(spoken).toEqual(await expectedTokenIds(TEXT, "en-us"));

      // The next Speak finds the engine and installs nothing.
      const log = await readFile(installLogPath(supportPath), "utf8");
      recorded.toasts.length = 0;
      recorded.huds.length = 0;
      await SpeakSelectedText();
      expect(recorded.huds).toEqual(["Speaking with Heart"]);
      expect(recorded.toasts.map((toast) => toast.title)).not.toContain(INSTALLING_TITLE);
      expect(await readFile(installLogPath(supportPath), "utf8")).toBe(log);
    },
    INSTALL_TIMEOUT_MS + 60_000,
  );

  it("says so when the registry cannot be reached, offers the install command, and leaves nothing", async () => {
    env = await setupExtensionEnv({ daemonScript: "" });
    const supportPath = await mkdtemp(join(root, "support-offline-"));
    environment.supportPath = supportPath;
    process.env.PATH = USER_PATH;
    // Nothing listens on the discard port.
    await npmHome(env.capture.home, "http://127.0.0.1:9/", ["fetch-retries=0"]);
    setSelectedText(TEXT);
    await SpeakSelectedText();
    const failure = recorded.toasts.at(-1);
    expect(failure).toMatchObject({
      style: "FAILURE",
      title: "Speech engine install failed: try again, or copy the install command",
      primaryAction: { title: "Copy Install Command" },
      secondaryAction: { title: "Open Log" },
    });
    expect(failure?.message).toMatch(/npm registry could not be reached \(ECONNREFUSED\).*Nothing was installed/);
    expect(failure?.message).toContain(installLogPath(supportPath));
    expect(await engineFolderEntries(supportPath)).toEqual(["install.log"]);
    expect(await env.discoveryPid()).toBeNull();
  });
});

describe("an engine install that fails", () => {
  async function failedInstall(
    version: string | undefined,
    npmCli?: null,
  ): Promise<{ error: SupervisorError; entries: string[] }> {
    const supportPath = await mkdtemp(join(root, "support-failing-"));
    const home = await mkdtemp(join(root, "home-"));
    await npmHome(home, registry.url, ["fetch-retries=0"]);
    const error = await installEngine({
      supportPath,
      nodeBinary: process.execPath,
      parentEnv: { HOME: home, PATH: USER_PATH },
      ...(version === undefined ? {} : { version }),
      ...(npmCli === null ? { npmCli } : {}),
    }).then(
      () => {
        throw new Error("the install succeeded");
      },
      (caught: unknown) => caught,
    );
    if (!(error instanceof SupervisorError)) throw error;
    const entries = await readdir(engineRoot(supportPath)).catch(() => []);
    return { error, entries: entries.sort() };
  }

  it("without npm names the missing tool and offers the command that installs it", async () => {
    const { error, entries } = await failedInstall(undefined, null);
    expect(error.code).toBe("npm_missing");
    expect(error.message).toMatch(/No npm was found .* brew install node/);
    expect(error.hint.copyCommand).toBe("brew install node");
    expect(entries).toEqual([]);
  });

  it("whose install script fails names the package", async () => {
    await publishFakeEngine("0.0.1-failing-script", { install: 'node -e "process.exit(3)"' });
    const { error, entries } = await failedInstall("0.0.1-failing-script");
    expect(error.code).toBe("engine_install_failed");
    expect(error.message).toMatch(/^The install script of kokoro-speech failed\. Nothing was installed/);
    expect(error.hint.copyCommand).toBe(`npm install --global kokoro-speech@${ENGINE_VERSION}`);
    expect(entries).toEqual(["install.log"]);
  });

  it("whose tarball does not match the registry's integrity hash refuses it", async () => {
    await publishFakeEngine("0.0.2-corrupt");
    const stored = join(registry.storage, "kokoro-speech", "kokoro-speech-0.0.2-corrupt.tgz");
    const bytes = await readFile(stored);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    await writeFile(stored, bytes);
    const { error, entries } = await failedInstall("0.0.2-corrupt");
    expect(error.code).toBe("engine_install_failed");
    expect(error.message).toMatch(/did not match its published checksum \(EINTEGRITY\)\. Nothing was installed/);
    expect(entries).toEqual(["install.log"]);
  });
});
