import { Option, type Command } from "commander";
import { DAEMON_PROCESS_ENV } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import { ConfigError, resolveConfig, secondsToMs, type ConfigOverrides } from "../config.js";
import { PortInUseError, startDaemon, type RunningDaemon } from "../daemon.js";
import { createLogger } from "../telemetry/logger.js";
import { attachStartupLog, markStartup } from "../telemetry/startup-timeline.js";
import { CliError, EXIT_USAGE } from "./errors.js";

interface ServeFlags {
  port?: string;
  stateDir?: string;
  dataDir?: string;
  sink?: string;
  logLevel?: string;
  synthesizerModule?: string;
  modelPath?: string;
  voicesPath?: string;
  provider?: string;
  trimSilence?: boolean;
  fallbackVoice?: boolean;
  espeakIdleSeconds?: string;
  exitWhenIdle?: string;
  retryFailedSegment?: boolean;
}

function toOverrides(flags: ServeFlags): ConfigOverrides {
  return {
    port: flags.port === undefined ? undefined : Number(flags.port),
    stateDir: flags.stateDir,
    dataDir: flags.dataDir,
    sink: flags.sink,
    logLevel: flags.logLevel as ConfigOverrides["logLevel"],
    synthesizerModule: flags.synthesizerModule,
    modelPath: flags.modelPath,
    voicesPath: flags.voicesPath,
    provider: flags.provider as ConfigOverrides["provider"],
    trimSilence: flags.trimSilence,
    // commander sets `fallbackVoice: true` whenever --no-fallback-voice is absent; only its presence may override.
    fallbackVoice: flags.fallbackVoice === false ? false : undefined,
    espeakIdleMs: flags.espeakIdleSeconds === undefined ? undefined : secondsToMs(flags.espeakIdleSeconds),
    exitWhenIdleMs: flags.exitWhenIdle === undefined ? undefined : secondsToMs(flags.exitWhenIdle),
    retryFailedSegment: flags.retryFailedSegment,
  } as ConfigOverrides;
}

/** Started by hand (`npm run daemon`) rather than by a launcher: say what that costs, once. */
function warnIfLaunchedWithoutProcessEnv(log: Logger): void {
  const missing = Object.keys(DAEMON_PROCESS_ENV).filter((name) => process.env[name] === undefined);
  if (process.platform !== "linux" || missing.length === 0) return;
  log.warn(
    { missing },
    "started without the launchers' environment (DAEMON_PROCESS_ENV): glibc keeps the model's load-time copies resident",
  );
}

/** Polls often enough that the exit comes within a tenth of the idle time (at most 10 s) after it is due. */
function watchIdle(daemon: RunningDaemon, idleMs: number, onIdle: () => void): void {
  const timer = setInterval(
    () => {
      if (daemon.idleForMs() < idleMs) return;
      clearInterval(timer);
      onIdle();
    },
    Math.max(50, Math.min(idleMs / 10, 10_000)),
  );
  timer.unref();
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("run the daemon in the foreground (exits 0 at once if one is already running)")
    .option("--port <port>", "TCP port on 127.0.0.1 (0 = any free port, published in the discovery file)")
    .option("--state-dir <dir>", "folder for the lock, discovery, token and log files")
    .option("--data-dir <dir>", "folder for the model and voice files")
    .option("--sink <sink>", "audio output: speaker, null or wav:<path>")
    .option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent")
    .option("--model-path <file>", "use this Kokoro .onnx model in place (verified, not copied); needs --voices-path")
    .option("--voices-path <path>", "voices for --model-path: a folder of <voice>.bin packs or voices-v1.0.bin")
    .option(
      "--no-fallback-voice",
      "answer model_unavailable instead of speaking with espeak-ng until the model is ready",
    )
    .option("--trim-silence", "trim silence around segments, keeping natural pauses at sentence ends")
    .option("--retry-failed-segment", "synthesize a segment that failed once more before the stream fails")
    .option("--provider <provider>", "inference provider: cpu (default), coreml (macOS) or cuda (Linux)")
    .option(
      "--espeak-idle-seconds <seconds>",
      "stop the espeak-ng helper (pronounces words the lexicon lacks) after this idle time, freeing its memory (300)",
    )
    .option(
      "--exit-when-idle <seconds>",
      "exit after this long with nothing playing, rendering or downloading and no request but status (0 = never)",
    )
    .addOption(
      new Option("--synthesizer-module <path>", "test hook: a module exporting createSynthesizer()").hideHelp(),
    )
    .action(async (flags: ServeFlags) => {
      let config;
      try {
        config = resolveConfig(toOverrides(flags));
      } catch (error) {
        if (error instanceof ConfigError) throw new CliError(error.message, EXIT_USAGE);
        throw error;
      }
      const log = createLogger(config.logLevel);
      markStartup("imported");
      attachStartupLog(log);
      let result;
      try {
        result = await startDaemon(config, log);
      } catch (error) {
        if (error instanceof PortInUseError) throw new CliError(error.message);
        throw error;
      }
      if (!result.started) {
        process.stdout.write(`already running (pid ${result.runningPid})\n`);
        return;
      }
      const { daemon } = result;
      process.stdout.write(`listening on 127.0.0.1:${daemon.port} (pid ${process.pid})\n`);
      warnIfLaunchedWithoutProcessEnv(log);
      await new Promise<void>((resolve) => {
        const shutdown = (signal: NodeJS.Signals): void => {
          log.info({ signal }, "shutting down");
          void daemon.close().then(resolve, (error: unknown) => {
            log.error({ err: error }, "error during shutdown");
            resolve();
          });
        };
        process.once("SIGTERM", shutdown);
        process.once("SIGINT", shutdown);
        if (config.exitWhenIdleMs > 0) {
          watchIdle(daemon, config.exitWhenIdleMs, () => {
            log.info({ idleMs: config.exitWhenIdleMs }, "idle: exiting");
            shutdown("SIGTERM");
          });
        }
      });
      // Everything is closed; a handle left behind (a device host still exiting) must not keep the daemon alive.
      process.exit(0);
    });
}
