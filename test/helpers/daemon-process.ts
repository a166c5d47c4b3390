/**
 * Starts the real daemon (`daemon/dist/cli.js serve`, built by `tsc -b` before the tests) as a child process on
 * a free port with its own state directory, and connects protocol clients to it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DAEMON_PROCESS_ENV, DaemonClient, STATE_FILES } from "@kokoro-speech/protocol";
import { testTempRoot } from "./temp-dir.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI_PATH = join(REPO_ROOT, "daemon", "dist", "cli.js");
export const FIXTURE_SYNTHESIZER = join(REPO_ROOT, "test", "fixtures", "tone-synthesizer.ts");

export interface DaemonProcessOptions {
  /** `speaker` (default), `null` or `wav:<path>`. */
  sink?: string;
  /** Environment for the daemon (e.g. an ALSA capture HOME from test/helpers/alsa.ts). */
  env?: NodeJS.ProcessEnv;
  /** Load the test fixture synthesizer so `speak` works without the model. */
  withFixtureSynthesizer?: boolean;
  /** Reuse a state directory (to test single-instance behaviour), which is then left in place; by default a fresh
   * one that `stop()` removes. */
  stateDir?: string;
  extraArgs?: string[];
}

export interface DaemonProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly pid: number;
  readonly stateDir: string;
  readonly token: string;
  /** Everything the daemon wrote on stderr so far (its log). */
  stderr(): string;
  connect(clientName?: string): Promise<DaemonClient>;
  /** SIGTERM and wait for exit; removes the state directory it created. */
  stop(): Promise<number | null>;
}

export async function startDaemonProcess(options: DaemonProcessOptions = {}): Promise<DaemonProcess> {
  const ownStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(join(testTempRoot(), "kokoro-state-")));
  const args = [
    ...(options.withFixtureSynthesizer ? ["--import", "tsx"] : []),
    CLI_PATH,
    "serve",
    "--port",
    "0",
    "--state-dir",
    stateDir,
    "--sink",
    options.sink ?? "speaker",
    "--log-level",
    "debug",
    ...(options.withFixtureSynthesizer ? ["--synthesizer-module", FIXTURE_SYNTHESIZER] : []),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    // As the extension and the CLI start it (see DAEMON_PROCESS_ENV), so memory measurements are the product's.
    env: { ...(options.env ?? process.env), ...DAEMON_PROCESS_ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const code = await exited;
    if (ownStateDir) await rm(stateDir, { recursive: true, force: true });
    return code;
  };

  let port: number;
  let token: string;
  try {
    port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on("data", (data: Buffer) => {
        stdout += data.toString();
        const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      void exited.then((code) => reject(new Error(`daemon exited (${code}) before listening:\n${stdout}\n${stderr}`)));
    });
    token = (await readFile(join(stateDir, STATE_FILES.token), "utf8")).trim();
  } catch (error) {
    // The caller gets no handle to stop, so the daemon and its fresh state directory go now.
    await stop();
    throw error;
  }

  return {
    child,
    port,
    pid: child.pid!,
    stateDir,
    token,
    stderr: () => stderr,
    connect: (clientName = "test") => DaemonClient.connect({ port, token, clientName }),
    stop,
  };
}
