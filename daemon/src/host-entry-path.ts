import { fileURLToPath } from "node:url";

/**
 * The path of a child-process entry point (`<folder>/<name>.js`, e.g. `audio/speaker-host.js` or
 * `server/openai/encoder-host.js`) next to the module
 * at `moduleUrl`. Hosts always run as compiled JavaScript: when the caller runs from its TypeScript source (tests
 * import daemon/src), the host is taken from daemon/dist, so those tests need a prior `tsc -b`, as `npm test` does.
 * Running a .ts host through a loader instead would put a dev dependency and its start-up cost on every start.
 */
export function hostEntryPath(moduleUrl: string, folder: string, name: string): string {
  // From daemon/src/<folder>/ up to daemon/: one step per folder level, one for src.
  const toDaemonRoot = "../".repeat(folder.split("/").length + 1);
  const hostUrl = moduleUrl.endsWith(".ts")
    ? new URL(`${toDaemonRoot}dist/${folder}/${name}.js`, moduleUrl)
    : new URL(`./${name}.js`, moduleUrl);
  return fileURLToPath(hostUrl);
}
