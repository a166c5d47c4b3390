import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  APP_DIR_NAME,
  DATA_DIR_ENV,
  resolveDataDir,
  resolveStateDir,
  STATE_DIR_ENV,
  STATE_FILES,
} from "@kokoro-speech/protocol";

const HOME = join("/", "home", "ada");

describe("resolveStateDir", () => {
  it.each<[string, NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ["macOS", "darwin", {}, join(HOME, "Library", "Application Support", APP_DIR_NAME)],
    [
      "macOS, ignoring XDG",
      "darwin",
      { XDG_STATE_HOME: "/x/state" },
      join(HOME, "Library", "Application Support", APP_DIR_NAME),
    ],
    ["Linux without XDG_STATE_HOME", "linux", {}, join(HOME, ".local", "state", APP_DIR_NAME)],
    ["Linux with XDG_STATE_HOME", "linux", { XDG_STATE_HOME: "/x/state" }, join("/x/state", APP_DIR_NAME)],
    [
      "Linux with an empty XDG_STATE_HOME",
      "linux",
      { XDG_STATE_HOME: "" },
      join(HOME, ".local", "state", APP_DIR_NAME),
    ],
    [
      "Linux with a relative XDG_STATE_HOME",
      "linux",
      { XDG_STATE_HOME: "state" },
      join(HOME, ".local", "state", APP_DIR_NAME),
    ],
    ["FreeBSD", "freebsd", {}, join(HOME, ".local", "state", APP_DIR_NAME)],
    ["macOS with the override", "darwin", { [STATE_DIR_ENV]: "/run/ks" }, "/run/ks"],
    ["Linux with the override and XDG", "linux", { [STATE_DIR_ENV]: "/run/ks", XDG_STATE_HOME: "/x/state" }, "/run/ks"],
    ["Linux with an empty override", "linux", { [STATE_DIR_ENV]: "" }, join(HOME, ".local", "state", APP_DIR_NAME)],
  ])("resolves the state directory on %s", (_name, platform, env, expected) => {
    expect(resolveStateDir({ platform, env, home: HOME })).toBe(expected);
  });

  it("is not moved by the data directory's override", () => {
    expect(resolveStateDir({ platform: "linux", env: { [DATA_DIR_ENV]: "/data" }, home: HOME })).toBe(
      join(HOME, ".local", "state", APP_DIR_NAME),
    );
  });
});

describe("resolveDataDir", () => {
  it.each<[string, NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ["macOS", "darwin", {}, join(HOME, "Library", "Application Support", APP_DIR_NAME)],
    ["Linux without XDG_DATA_HOME", "linux", {}, join(HOME, ".local", "share", APP_DIR_NAME)],
    ["Linux with XDG_DATA_HOME", "linux", { XDG_DATA_HOME: "/x/data" }, join("/x/data", APP_DIR_NAME)],
    [
      "Linux with a relative XDG_DATA_HOME",
      "linux",
      { XDG_DATA_HOME: "data" },
      join(HOME, ".local", "share", APP_DIR_NAME),
    ],
    ["macOS with the override", "darwin", { [DATA_DIR_ENV]: "/models" }, "/models"],
    ["Linux with the override and XDG", "linux", { [DATA_DIR_ENV]: "/models", XDG_DATA_HOME: "/x/data" }, "/models"],
  ])("resolves the data directory on %s", (_name, platform, env, expected) => {
    expect(resolveDataDir({ platform, env, home: HOME })).toBe(expected);
  });

  it("is not moved by the state directory's override", () => {
    expect(resolveDataDir({ platform: "linux", env: { [STATE_DIR_ENV]: "/state" }, home: HOME })).toBe(
      join(HOME, ".local", "share", APP_DIR_NAME),
    );
  });
});

describe("the state files", () => {
  it("pins the names clients look for", () => {
    expect(APP_DIR_NAME).toBe("kokoro-speech");
    expect(STATE_DIR_ENV).toBe("KOKORO_SPEECH_STATE_DIR");
    expect(DATA_DIR_ENV).toBe("KOKORO_SPEECH_DATA_DIR");
    expect(STATE_FILES).toEqual({ lock: "daemon.lock", discovery: "daemon.json", token: "token", log: "daemon.log" });
  });
});
