/** The supervisor settings of this extension install: preferences plus Raycast's assets and support folders. */
import { environment } from "@raycast/api";
import type { ExtensionConfig } from "./config.js";
import type { SupervisorOptions } from "./supervisor.js";

export function supervisorOptionsFor(config: ExtensionConfig): SupervisorOptions {
  return {
    daemonScript: config.daemonScript,
    port: config.daemonPort,
    exitWhenIdleSeconds: config.idleExitMinutes * 60,
    assetsPath: environment.assetsPath,
    supportPath: environment.supportPath,
  };
}
