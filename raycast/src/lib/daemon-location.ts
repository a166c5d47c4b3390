/**
 * Finds the two things needed to run the daemon outside the extension bundle (`ray build` ships no node_modules):
 * its entry script and a Node binary. See docs/raycast.md, "How the extension finds the daemon".
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { SupervisorError } from "./supervisor-error.js";

/** Written into the extension's assets by scripts/prepare-build.js when the extension is built in a checkout. */
export const DAEMON_LOCATION_FILE = "daemon-location.json";

/**
 * The daemon's `cli.js` the user or the build chose: the "Daemon Script" preference if set, else the checkout's
 * location recorded by a developer's build; `undefined` when neither is set (the extension then finds or installs
 * its engine). A chosen file must exist: a moved or unbuilt checkout is reported, not discovered later as a spawn
 * that exits at once.
 */
export function locateDaemonScript(preference: string | undefined, assetsPath: string): string | undefined {
  const script = preference ?? recordedDaemonScript(assetsPath);
  if (script === undefined) return undefined;
  if (!existsSync(script)) {
    throw new SupervisorError("daemon_script_missing", `The daemon script ${script} does not exist; run npm install.`);
  }
  return script;
}

function recordedDaemonScript(assetsPath: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(assetsPath, DAEMON_LOCATION_FILE), "utf8"));
    const script = (parsed as { daemonScript?: unknown }).daemonScript;
    return typeof script === "string" && script !== "" ? script : undefined;
  } catch {
    return undefined;
  }
}

export interface NodeSearch {
  /** The running process's binary: Raycast's own Node when the extension runs in Raycast. */
  execPath: string;
  home: string;
  exists?: (path: string) => boolean;
  listDir?: (path: string) => string[];
}

/** Where Raycast installs its managed Node runtimes, one folder per version. */
function raycastRuntimeDir(home: string): string {
  return join(home, "Library", "Application Support", "com.raycast.macos", "NodeJS", "runtime");
}

/** Homebrew (Apple Silicon, Intel) and distribution locations, tried last. */
const SYSTEM_NODE_PATHS = ["/opt/homebrew/bin/node", "/usr/local/bin/node", "/usr/bin/node"];

/** Newest first, for folders named by version (`22.14.0`, nvm's `v22.14.0`). */
export function compareVersionsDescending(a: string, b: string): number {
  const pa = a.replace(/^v/, "").split(".").map(Number);
  const pb = b.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * A Node binary for the daemon: this process's own binary when it is `node` (Raycast runs extensions on its
 * managed Node, so the daemon's native addons see the same runtime the user already has); else the newest Raycast
 * runtime; else Homebrew or the system's Node.
 */
export function locateNodeBinary(search: NodeSearch): string {
  const exists = search.exists ?? existsSync;
  const listDir = search.listDir ?? ((path: string) => readdirSync(path));
  if (/^node(\.exe)?$/.test(basename(search.execPath))) return search.execPath;
  const runtimeDir = raycastRuntimeDir(search.home);
  let versions: string[] = [];
  try {
    versions = listDir(runtimeDir).sort(compareVersionsDescending);
  } catch {
    // No Raycast runtime folder: fall through to the system locations.
  }
  const candidates = [...versions.map((version) => join(runtimeDir, version, "bin", "node")), ...SYSTEM_NODE_PATHS];
  const found = candidates.find((candidate) => exists(candidate));
  if (!found) throw new SupervisorError("node_missing");
  return found;
}
