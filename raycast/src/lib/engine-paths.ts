/**
 * Where the extension keeps the engine it installs: `<supportPath>/engine/<version>/`, one folder per version, each
 * complete or absent (an install builds `.install-*` beside it and renames it into place), with the install log and
 * the lock that keeps two commands from installing at once.
 */
import { join } from "node:path";
import { ENGINE_PACKAGE } from "./engine-pin.js";

/** Written into a version folder once its install is verified: what it was installed for. */
export const ENGINE_RECORD_FILE = "engine.json";
export const INSTALL_PREFIX = ".install-";

export interface EngineRecord {
  readonly package: string;
  readonly version: string;
  /** The Node binary that built its native add-ons and that must run it. */
  readonly nodeBinary: string;
  readonly installedAt: string;
}

export function engineRoot(supportPath: string): string {
  return join(supportPath, "engine");
}

export function engineDir(supportPath: string, version: string): string {
  return join(engineRoot(supportPath), version);
}

export function installLogPath(supportPath: string): string {
  return join(engineRoot(supportPath), "install.log");
}

export function installLockPath(supportPath: string): string {
  return join(engineRoot(supportPath), ".install.lock");
}

/** The daemon's entry script inside an engine folder (an npm prefix). */
export function engineScript(prefix: string): string {
  return join(prefix, "node_modules", ENGINE_PACKAGE, "dist", "cli.js");
}
