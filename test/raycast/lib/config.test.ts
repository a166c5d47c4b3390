/** If these fail, a bad preference reaches the daemon (or a good one is refused) instead of one clear message. */
import { describe, expect, it } from "vitest";
import { DEFAULT_VOICE, SPEED_DEFAULT, SPEED_MAX, SPEED_MIN } from "@kokoro-speech/protocol";
import { buildConfig, ConfigError, readConfig, type RawPreferences } from "../../../raycast/src/lib/config.js";
import { resetRaycastMock, setPreferences } from "../../mocks/raycast-api.js";

const VALID: RawPreferences = { voice: "af_heart", speed: "1.0", modelQuality: "int8", useClipboardFallback: true };

describe("buildConfig", () => {
  it("reads the manifest's defaults into a frozen config, and they are the daemon's own defaults", () => {
    resetRaycastMock();
    const config = readConfig();
    // The expected values do not come from the manifest: the voice and speed are the daemon's defaults (shared/),
    // int8 is the model docs/models.md names the default, and the clipboard fallback is off until the user opts in.
    expect(config).toEqual({
      voice: DEFAULT_VOICE,
      speed: SPEED_DEFAULT,
      modelQuality: "int8",
      useClipboardFallback: false,
      daemonPort: undefined,
      daemonScript: undefined,
      audioFolder: undefined,
      // The default: a daemon the extension started exits after 30 idle minutes.
      idleExitMinutes: 30,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ["the lowest speed", { speed: String(SPEED_MIN) }, { speed: SPEED_MIN }],
    ["the highest speed", { speed: String(SPEED_MAX) }, { speed: SPEED_MAX }],
    ["a British voice", { voice: "bm_george" }, { voice: "bm_george" }],
    ["the fp32 model", { modelQuality: "fp32" }, { modelQuality: "fp32" }],
    ["port 0 (any free port)", { daemonPort: "0" }, { daemonPort: 0 }],
    ["a port with spaces around it", { daemonPort: " 47315 " }, { daemonPort: 47_315 }],
    ["an empty port as the daemon's default", { daemonPort: "" }, { daemonPort: undefined }],
    [
      "a daemon script path",
      { daemonScript: "/opt/ks/daemon/dist/cli.js" },
      { daemonScript: "/opt/ks/daemon/dist/cli.js" },
    ],
    ["the clipboard fallback turned off", { useClipboardFallback: false }, { useClipboardFallback: false }],
    ["a daemon that never stops when idle", { idleExitMinutes: "0" }, { idleExitMinutes: 0 }],
  ])("accepts %s", (_name, overrides, expected) => {
    expect(buildConfig({ ...VALID, ...overrides })).toMatchObject(expected);
  });

  it.each([
    ["a speed below the range", { speed: String(SPEED_MIN - 0.01) }, "Speed"],
    ["a speed above the range", { speed: String(SPEED_MAX + 0.01) }, "Speed"],
    ["a speed that is not a number", { speed: "fast" }, "Speed"],
    ["a voice that is not English", { voice: "jf_alpha" }, "Voice"],
    ["a model quality the daemon does not know", { modelQuality: "q4" }, "Model quality"],
    ["a port out of range", { daemonPort: "70000" }, "Daemon port"],
    ["a fractional port", { daemonPort: "80.5" }, "Daemon port"],
    ["an idle time that is not a number", { idleExitMinutes: "soon" }, "Idle time"],
  ])("refuses %s", (_name, overrides, field) => {
    expect(() => buildConfig({ ...VALID, ...overrides })).toThrow(ConfigError);
    expect(() => buildConfig({ ...VALID, ...overrides })).toThrow(field);
  });

  it("reports every invalid preference at once", () => {
    const error = (() => {
      try {
        buildConfig({ voice: "nobody", speed: "9", modelQuality: "x", daemonPort: "-1" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it("reads the user's preferences over the defaults", () => {
    setPreferences({ voice: "bf_emma", speed: "0.75" });
    expect(readConfig()).toMatchObject({ voice: "bf_emma", speed: 0.75 });
    resetRaycastMock();
  });
});
