/** If these fail, the daemon inherits Raycast's NODE_OPTIONS/NODE_PATH, or disagrees with us on its folders. */
import { describe, expect, it } from "vitest";
import { DAEMON_PROCESS_ENV } from "@kokoro-speech/protocol";
import { buildDaemonLaunch, daemonEnvironment } from "../../../raycast/src/lib/daemon-launch.js";

const PARENT: NodeJS.ProcessEnv = {
  HOME: "/Users/someone",
  PATH: "/usr/bin:/bin:/usr/sbin:/sbin",
  NODE_OPTIONS: "--inspect",
  NODE_PATH: "/Applications/Raycast.app/api/node_modules",
  NODE_ENV: "production",
  KOKORO_SPEECH_STATE_DIR: "/tmp/state",
  XDG_CONFIG_HOME: "/tmp/config",
  SECRET_TOKEN: "do-not-leak",
};

describe("daemonEnvironment", () => {
  it("drops NODE_OPTIONS, NODE_PATH and unrelated variables", () => {
    const env = daemonEnvironment(PARENT);
    for (const name of ["NODE_OPTIONS", "NODE_PATH", "NODE_ENV", "SECRET_TOKEN"]) expect(env).not.toHaveProperty(name);
  });

  it("keeps HOME, the XDG folders and every KOKORO_SPEECH_ setting", () => {
    expect(daemonEnvironment(PARENT)).toMatchObject({
      HOME: "/Users/someone",
      XDG_CONFIG_HOME: "/tmp/config",
      KOKORO_SPEECH_STATE_DIR: "/tmp/state",
    });
  });

  it("adds the daemon's own process settings (the allocator's mmap threshold)", () => {
    expect(Object.keys(DAEMON_PROCESS_ENV)).toContain("MALLOC_MMAP_THRESHOLD_");
    expect(daemonEnvironment(PARENT)).toMatchObject(DAEMON_PROCESS_ENV);
  });

  it("extends launchd's minimal PATH with Homebrew's folders, without duplicates", () => {
    const dirs = daemonEnvironment(PARENT).PATH!.split(":");
    expect(dirs.slice(0, 4)).toEqual(["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
    expect(dirs).toContain("/opt/homebrew/bin");
    expect(new Set(dirs).size).toBe(dirs.length);
  });
});

describe("buildDaemonLaunch", () => {
  const base = { nodeBinary: "/n/node", script: "/d/cli.js", parentEnv: PARENT };

  it.each([
    ["neither port nor state directory", {}, ["serve"]],
    ["a port", { port: 0 }, ["serve", "--port", "0"]],
    ["a state directory", { stateDir: "/s" }, ["serve", "--state-dir", "/s"]],
    ["both", { port: 47_315, stateDir: "/s" }, ["serve", "--port", "47315", "--state-dir", "/s"]],
    ["an idle exit", { exitWhenIdleSeconds: 1_800 }, ["serve", "--exit-when-idle", "1800"]],
    ["no idle exit (0 = never)", { exitWhenIdleSeconds: 0 }, ["serve"]],
  ])("passes only what is configured: %s", (_name, input, args) => {
    expect(buildDaemonLaunch({ ...base, ...input }).args).toEqual(args);
  });
});
