import { readFileSync } from "node:fs";

/** The daemon package's version, reported in `welcome`, `/health` and `--version`. */
export const DAEMON_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
