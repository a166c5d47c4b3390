import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

// The built CLI (npm test builds first with tsc -b).
const CLI = fileURLToPath(new URL("../../daemon/dist/cli.js", import.meta.url));

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/** Runs `kokoro-speech <args>` with `input` on stdin and collects its output and exit code. */
export function runCliWithStdin(
  args: readonly string[],
  input: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}
