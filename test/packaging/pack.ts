/**
 * The repository's two publishable packages as npm packs them: the tarballs a registry would serve. Packing skips the
 * packages' `prepack` (a clean rebuild of dist/, which would pull dist/ from under tests running beside this one):
 * `npm test` has just built dist/ with `tsc -b`.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../helpers/daemon-process.js";

const run = promisify(execFile);

export const PROTOCOL_PACKAGE_DIR = join(REPO_ROOT, "shared");
export const DAEMON_PACKAGE_DIR = join(REPO_ROOT, "daemon");

export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

export interface PackResult {
  readonly name: string;
  readonly version: string;
  /** The tarball's absolute path. */
  readonly tarball: string;
  readonly integrity: string;
  readonly files: readonly PackedFile[];
}

interface NpmPackJson {
  name: string;
  version: string;
  filename: string;
  integrity: string;
  files: PackedFile[];
}

/** `npm pack` of the package in `packageDir` into `destination`; `dryRun` lists what would be packed. */
export async function npmPack(packageDir: string, destination: string, dryRun = false): Promise<PackResult> {
  const args = ["pack", "--json", "--ignore-scripts", "--pack-destination", destination];
  if (dryRun) args.push("--dry-run");
  const { stdout } = await run("npm", args, { cwd: packageDir, maxBuffer: 64 * 1024 * 1024 });
  const [result] = JSON.parse(stdout) as NpmPackJson[];
  if (result === undefined) throw new Error(`npm pack printed no result in ${packageDir}`);
  return {
    name: result.name,
    version: result.version,
    tarball: join(destination, result.filename),
    integrity: result.integrity,
    files: result.files,
  };
}
