import { execFile } from "node:child_process";

/**
 * Runs a tool that reads one JSON document on stdin and answers on stdout (the reference engines, the peers).
 * Resolves with its stdout on exit 0; rejects with its stderr, named after `label`, otherwise.
 */
export function runWithJsonInput(
  command: string,
  args: string[],
  input: object,
  options: { label: string; timeoutMs: number; maxBuffer: number },
): Promise<string> {
  const child = execFile(command, args, { timeout: options.timeoutMs, maxBuffer: options.maxBuffer });
  child.stdin!.end(JSON.stringify(input));
  return new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (data: Buffer) => (out += data.toString()));
    child.stderr!.on("data", (data: Buffer) => (err += data.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${options.label}: ${err}`))));
  });
}
