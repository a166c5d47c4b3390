/**
 * The Raycast extension's folder as the Store's CI gets it: `raycast/` alone, out of the repository, without what a
 * checkout's install or build left in it.
 */
import { cp } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { REPO_ROOT } from "../helpers/daemon-process.js";

export const EXTENSION_DIR = join(REPO_ROOT, "raycast");

/** Generated in a checkout, never part of the folder: installs, builds and the build-time daemon location. */
const LEFT_OUT = ["node_modules", "dist", "raycast-env.d.ts", join("assets", "daemon-location.json")];

export async function copyExtensionFolder(destination: string): Promise<void> {
  await cp(EXTENSION_DIR, destination, {
    recursive: true,
    filter: (source) => {
      const path = relative(EXTENSION_DIR, source);
      return !LEFT_OUT.some((left) => path === left || path.startsWith(`${left}${sep}`));
    },
  });
}
