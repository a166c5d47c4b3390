/**
 * If these fail, the extension starts a second daemon beside a running one, waits forever for one that crashed,
 * or mistakes another program for the daemon.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isProtocolError } from "@kokoro-speech/protocol";
import { ensureDaemon, isDaemonCommandLine, type SupervisorOptions } from "../../../raycast/src/lib/supervisor.js";
import { isSupervisorError } from "../../../raycast/src/lib/supervisor-error.js";
import { isProcessAlive } from "../../../raycast/src/lib/process-info.js";
import { waitFor } from "../../helpers/pcm.js";
import { FIXTURE_DAEMON_SCRIPT, setupExtensionEnv, type ExtensionTestEnv } from "../helpers/extension-env.js";

let env: ExtensionTestEnv;
const options: SupervisorOptions = { daemonScript: FIXTURE_DAEMON_SCRIPT, port: 0, assetsPath: "" };

beforeEach(async () => {
  env = await setupExtensionEnv();
});

afterEach(async () => {
  await env.cleanup();
});

describe("ensureDaemon", () => {
  it("starts one daemon, then reuses it", async () => {
    const first = await ensureDaemon(options);
    const second = await ensureDaemon(options);
    expect(first.spawned).toBe(true);
    expect(second.spawned).toBe(false);
    expect(second.client.welcome.daemon.pid).toBe(first.client.welcome.daemon.pid);
    expect(first.client.welcome.daemon.pid).toBe(await env.discoveryPid());
    await first.client.close();
    await second.client.close();
  });

  it("fails with start_failed, not a timeout, when the daemon exits at once", async () => {
    const broken = join(env.stateDir, "broken.mjs");
    await writeFile(broken, "process.exit(3);\n");
    const error = await ensureDaemon({ ...options, daemonScript: broken, startTimeoutMs: 60_000 }).catch((e) => e);
    expect(isSupervisorError(error) && error.code).toBe("start_failed");
  });

  it("stops a started daemon that does not answer in time, by its pid after checking its command line", async () => {
    const silent = join(env.stateDir, "silent.mjs");
    const pidFile = join(env.stateDir, "silent.pid");
    await writeFile(
      silent,
      `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid));\n` +
        "setInterval(() => {}, 1000);\n",
    );
    const error = await ensureDaemon({ ...options, daemonScript: silent, startTimeoutMs: 2_000 }).catch((e) => e);
    expect(isSupervisorError(error) && error.code).toBe("start_timeout");
    await waitFor(async () => (await readFile(pidFile, "utf8").catch(() => "")) !== "");
    const pid = Number(await readFile(pidFile, "utf8"));
    env.track(pid);
    expect(await isProcessAlive(pid)).toBe(false);
  });

  it("reports a daemon that refuses our token instead of starting another one", async () => {
    const { client } = await ensureDaemon(options);
    await client.close();
    const pid = await env.discoveryPid();
    await writeFile(join(env.stateDir, "token"), `${"0".repeat(64)}\n`);
    const error = await ensureDaemon(options).catch((e) => e);
    expect(isProtocolError(error) && error.code).toBe("unauthorized");
    expect(await env.discoveryPid()).toBe(pid);
  });
});

describe("isDaemonCommandLine", () => {
  const script = "/Users/me/kokoro-speech/daemon/dist/cli.js";
  it.each([
    [`/usr/local/bin/node ${script} serve --port 0`, true],
    ["node daemon/dist/cli.js serve", true],
    ["/opt/homebrew/bin/node /somewhere/else/daemon/dist/cli.js serve --state-dir /s", true],
    ["kokoro-speech serve", true],
    ["node /engine/node_modules/kokoro-speech/bin/kokoro-speech.js serve --port 0", true],
    ["node /engine/node_modules/kokoro-speech/dist/cli.js serve", true],
    ["node /engine/node_modules/kokoro-speech/dist/cli.js status", false],
    ["node /tmp/kokoro-speech-notes.js serve", false],
    [`/usr/local/bin/node ${script} status`, false],
    ["sleep 60", false],
    ["/usr/bin/python3 -m http.server", false],
    ["node /tmp/serve.js", false],
  ])("%s → %s", (commandLine, expected) => {
    expect(isDaemonCommandLine(commandLine, script)).toBe(expected);
  });
});

describe("a daemon the extension started with an idle time", () => {
  it("exits once idle, and the next Speak starts it again", async () => {
    const idle: SupervisorOptions = { ...options, exitWhenIdleSeconds: 1 };
    const first = await ensureDaemon(idle);
    const firstPid = first.client.welcome.daemon.pid;
    await first.client.request({ type: "speak", text: "Before the pause." });
    await first.client.close();
    await waitFor(async () => !(await isProcessAlive(firstPid)));
    expect(await env.discoveryPid()).toBeNull();
    const second = await ensureDaemon(idle);
    expect(second.spawned).toBe(true);
    expect(second.client.welcome.daemon.pid).not.toBe(firstPid);
    await second.client.close();
  });
});
