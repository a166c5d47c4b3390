/**
 * Finds a speech engine that is already installed, before the extension installs one: the version this release pins
 * in `environment.supportPath` (installed by the extension for the Node that runs it), else a `kokoro-speech` the
 * user installed: on PATH or in the usual global prefixes (Homebrew, /usr/local, nvm, Volta, ~/.npm-global). Native
 * add-ons are built for one Node, so an engine found next to a Node binary runs with that binary.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { EXTRA_PATH_DIRS } from "./daemon-launch.js";
import { compareVersionsDescending } from "./daemon-location.js";
import { ENGINE_RECORD_FILE, engineDir, engineScript, type EngineRecord } from "./engine-paths.js";
import { ENGINE_PACKAGE, ENGINE_VERSION } from "./engine-pin.js";

export interface FoundEngine {
  /** The daemon's entry script, run as `<nodeBinary> <script> serve`. */
  readonly script: string;
  readonly nodeBinary: string;
  readonly source: "support" | "global";
}

export interface FileSystem {
  exists(path: string): boolean;
  realpath(path: string): string;
  readText(path: string): string;
  listDir(path: string): string[];
}

const REAL_FILE_SYSTEM: FileSystem = {
  exists: existsSync,
  realpath: (path) => realpathSync(path),
  readText: (path) => readFileSync(path, "utf8"),
  listDir: (path) => readdirSync(path),
};

export interface EngineSearch {
  /** `environment.supportPath`; no extension-installed engine is looked for without it. */
  readonly supportPath?: string | undefined;
  /** The Node the extension runs daemons with (`locateNodeBinary`). */
  readonly nodeBinary: string;
  readonly home: string;
  /** The directories of the inherited PATH. */
  readonly pathDirs: readonly string[];
  readonly fs?: FileSystem;
}

function readJson(fs: FileSystem, path: string): unknown {
  try {
    return JSON.parse(fs.readText(path));
  } catch {
    return undefined;
  }
}

/** The engine this release pins, installed in supportPath for this Node; any other version or Node is not usable. */
export function supportEngine(search: EngineSearch): FoundEngine | undefined {
  if (search.supportPath === undefined) return undefined;
  const fs = search.fs ?? REAL_FILE_SYSTEM;
  const dir = engineDir(search.supportPath, ENGINE_VERSION);
  const record = readJson(fs, join(dir, ENGINE_RECORD_FILE)) as Partial<EngineRecord> | undefined;
  if (record?.package !== ENGINE_PACKAGE || record.version !== ENGINE_VERSION) return undefined;
  if (record.nodeBinary !== search.nodeBinary) return undefined;
  const script = engineScript(dir);
  return fs.exists(script) ? { script, nodeBinary: search.nodeBinary, source: "support" } : undefined;
}

/** A package folder that really holds the daemon package with its built entry script. */
function daemonPackageScript(fs: FileSystem, packageDir: string): string | undefined {
  const manifest = readJson(fs, join(packageDir, "package.json")) as { name?: unknown } | undefined;
  const script = join(packageDir, "dist", "cli.js");
  return manifest?.name === ENGINE_PACKAGE && fs.exists(script) ? script : undefined;
}

function listOrEmpty(fs: FileSystem, path: string): string[] {
  try {
    return fs.listDir(path);
  } catch {
    return [];
  }
}

/** Folders where npm links global commands: PATH first, then the usual prefixes, newest nvm Node first. */
function binDirs(search: EngineSearch, fs: FileSystem): string[] {
  const nvm = join(search.home, ".nvm", "versions", "node");
  const nvmBins = listOrEmpty(fs, nvm)
    .sort(compareVersionsDescending)
    .map((version) => join(nvm, version, "bin"));
  return [...new Set([...search.pathDirs, ...EXTRA_PATH_DIRS, ...nvmBins, join(search.home, ".npm-global", "bin")])];
}

/** `<bin>/kokoro-speech` links to `<package>/bin/kokoro-speech.js`; the Node beside the link built its add-ons. */
function linkedEngine(search: EngineSearch, fs: FileSystem, bin: string): FoundEngine | undefined {
  const command = join(bin, ENGINE_PACKAGE);
  if (!fs.exists(command)) return undefined;
  let target: string;
  try {
    target = fs.realpath(command);
  } catch {
    return undefined;
  }
  if (!target.endsWith(join("bin", `${ENGINE_PACKAGE}.js`))) return undefined;
  const script = daemonPackageScript(fs, dirname(dirname(target)));
  if (script === undefined) return undefined;
  const siblingNode = join(bin, "node");
  return { script, nodeBinary: fs.exists(siblingNode) ? siblingNode : search.nodeBinary, source: "global" };
}

/** Volta keeps a global package in its image folder, with the Node it was installed under recorded beside it. */
function voltaEngine(search: EngineSearch, fs: FileSystem): FoundEngine | undefined {
  const volta = join(search.home, ".volta", "tools");
  const script = daemonPackageScript(
    fs,
    join(volta, "image", "packages", ENGINE_PACKAGE, "lib", "node_modules", ENGINE_PACKAGE),
  );
  if (script === undefined) return undefined;
  const record = readJson(fs, join(volta, "user", "packages", `${ENGINE_PACKAGE}.json`)) as
    { platform?: { node?: unknown } } | undefined;
  const version = record?.platform?.node;
  const node = typeof version === "string" ? join(volta, "image", "node", version, "bin", "node") : undefined;
  return { script, nodeBinary: node !== undefined && fs.exists(node) ? node : search.nodeBinary, source: "global" };
}

/** A `kokoro-speech` the user installed globally, wherever npm, Homebrew's Node, nvm or Volta put it. */
export function globalEngine(search: EngineSearch): FoundEngine | undefined {
  const fs = search.fs ?? REAL_FILE_SYSTEM;
  for (const bin of binDirs(search, fs)) {
    const found = linkedEngine(search, fs, bin);
    if (found) return found;
  }
  return voltaEngine(search, fs);
}

/** The extension's own engine first (its version is the one this release was tested with), then a global one. */
export function findInstalledEngine(search: EngineSearch): FoundEngine | undefined {
  return supportEngine(search) ?? globalEngine(search);
}
