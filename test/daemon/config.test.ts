import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "../../daemon/src/config.js";
import { DEFAULT_ESPEAK_IDLE_RELEASE_MS } from "../../daemon/src/g2p/espeak-process.js";
import { thrownBy } from "../helpers/errors.js";

const NO_ENV: NodeJS.ProcessEnv = { HOME: "/home/someone" };

describe("resolveConfig", () => {
  it("keeps the espeak-ng helper for five minutes and does not retry failed segments by default", () => {
    const config = resolveConfig({}, NO_ENV);
    expect(config.espeakIdleMs).toBe(DEFAULT_ESPEAK_IDLE_RELEASE_MS);
    expect(config.retryFailedSegment).toBe(false);
  });

  it("never exits when idle unless asked (the extension asks for a daemon it starts)", () => {
    expect(resolveConfig({}, NO_ENV).exitWhenIdleMs).toBe(0);
    expect(resolveConfig({ exitWhenIdleMs: 1_800_000 }, NO_ENV).exitWhenIdleMs).toBe(1_800_000);
    const error = thrownBy(() => resolveConfig({ exitWhenIdleMs: -1 }, NO_ENV));
    expect((error as ConfigError).problems.join("; ")).toMatch(/^exitWhenIdleMs: /);
  });

  it("reads the idle time in seconds and the retry switch from the environment", () => {
    const env = { ...NO_ENV, KOKORO_SPEECH_ESPEAK_IDLE_SECONDS: "1.5", KOKORO_SPEECH_RETRY_FAILED_SEGMENT: "1" };
    expect(resolveConfig({}, env)).toMatchObject({ espeakIdleMs: 1500, retryFailedSegment: true });
  });

  it("lets flags win over the environment", () => {
    const env = { ...NO_ENV, KOKORO_SPEECH_ESPEAK_IDLE_SECONDS: "10", KOKORO_SPEECH_RETRY_FAILED_SEGMENT: "1" };
    expect(resolveConfig({ espeakIdleMs: 0, retryFailedSegment: false }, env)).toMatchObject({
      espeakIdleMs: 0,
      retryFailedSegment: false,
    });
  });

  it.each(["soon", "-3", "Infinity"])("refuses an espeak idle time of %s seconds, naming the setting", (seconds) => {
    const error = thrownBy(() => resolveConfig({}, { ...NO_ENV, KOKORO_SPEECH_ESPEAK_IDLE_SECONDS: seconds }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join("; ")).toMatch(/^espeakIdleMs: /);
  });
});
