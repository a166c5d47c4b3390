/**
 * Finds npm's entry script to install the engine with. npm runs under the same Node binary that will run the daemon
 * (`<node> <npm-cli.js> install …`), because the native add-ons it compiles are built for the Node that runs npm.
 * Looked for beside that Node first (a Node install ships npm in `<prefix>/lib/node_modules/npm`), then wherever an
 * `npm` command is on PATH or in Homebrew's and the system's folders.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { EXTRA_PATH_DIRS } from "./daemon-launch.js";

export interface NpmSearch {
  readonly nodeBinary: string;
  readonly pathDirs: readonly string[];
  readonly exists?: (path: string) => boolean;
  readonly realpath?: (path: string) => string;
}

const NPM_CLI = join("lib", "node_modules", "npm", "bin", "npm-cli.js");

/** The npm-cli.js of the install prefix that holds `bin`, if any. */
function cliOfPrefix(bin: string, exists: (path: string) => boolean): string | undefined {
  const cli = join(dirname(bin), NPM_CLI);
  return exists(cli) ? cli : undefined;
}

/** `npm-cli.js` to run with `nodeBinary`, or `undefined` when this machine has no npm. */
export function findNpmCli(search: NpmSearch): string | undefined {
  const exists = search.exists ?? existsSync;
  const realpath = search.realpath ?? ((path: string) => realpathSync(path));
  const besideNode = cliOfPrefix(dirname(search.nodeBinary), exists);
  if (besideNode) return besideNode;
  for (const dir of [...new Set([dirname(search.nodeBinary), ...search.pathDirs, ...EXTRA_PATH_DIRS])]) {
    const command = join(dir, "npm");
    if (!exists(command)) continue;
    let target: string;
    try {
      target = realpath(command);
    } catch {
      continue;
    }
    // Usually a link to npm-cli.js itself; a wrapper script sits in a prefix whose lib holds npm.
    if (target.endsWith(join("bin", "npm-cli.js"))) return target;
    const inPrefix = cliOfPrefix(dir, exists);
    if (inPrefix) return inPrefix;
  }
  return undefined;
}
