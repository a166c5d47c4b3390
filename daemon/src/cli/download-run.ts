/** The `download` command's work: the model manager with a progress display (registered in download.ts). */
import { resolve } from "node:path";
import { resolveDataDir } from "@kokoro-speech/protocol";
import cliProgress from "cli-progress";
import { isModelError, ModelManager, type ModelStatus, type TransferProgress } from "../models/index.js";
import type { DownloadFlags } from "./download.js";
import { CliError, EXIT_FAILURE } from "./errors.js";

/** The shell convention for "stopped by Ctrl-C" (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;
/** Without a TTY, one progress line per this many percent keeps logs short. */
const PLAIN_PROGRESS_STEP_PERCENT = 10;

export async function runDownload(flags: DownloadFlags): Promise<void> {
  const dataDir = flags.dataDir === undefined ? resolveDataDir() : resolve(flags.dataDir);
  const manager = new ModelManager({ dataDir });
  const reporter: StatusReporter = process.stderr.isTTY ? new BarReporter() : new LineReporter();
  manager.on("status", (status) => reporter.update(status));
  // Ctrl-C stops cleanly: the `.part` file is closed and kept, so running the command again resumes.
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  try {
    const paths = await manager.ensure({ model: flags.model, voices: flags.voices, signal: controller.signal });
    reporter.stop?.();
    process.stdout.write(`model   ${paths.modelPath}\nvoices  ${paths.voicesPath}\n`);
  } catch (error) {
    reporter.stop?.();
    if (!isModelError(error)) throw error;
    throw new CliError(`${error.code}: ${error.message}`, error.code === "aborted" ? EXIT_INTERRUPTED : EXIT_FAILURE);
  } finally {
    process.off("SIGINT", stop);
  }
}

interface StatusReporter {
  update(status: ModelStatus): void;
  /** Ends a live display; plain lines need no ending. */
  stop?(): void;
}

/** A live bar on a terminal: bytes, percent, speed and time left. */
class BarReporter implements StatusReporter {
  readonly #bar = new cliProgress.SingleBar({
    stream: process.stderr,
    // Payload names avoid cli-progress's own `total`, `eta` and `value`, which it fills itself.
    format: "downloading {bar} {percentage}% | {doneText} of {totalText} | {speedText} | ETA {etaText}",
    hideCursor: true,
    clearOnComplete: false,
  });
  #started = false;

  update(status: ModelStatus): void {
    const progress = status.progress;
    if (progress?.bytesTotal === undefined) return;
    const payload = {
      doneText: formatBytes(progress.bytesDone),
      totalText: formatBytes(progress.bytesTotal),
      speedText: formatSpeed(progress.bytesPerSecond),
      etaText: formatDuration(progress.etaSeconds),
    };
    if (this.#started) {
      this.#bar.update(progress.bytesDone, payload);
    } else {
      this.#bar.start(progress.bytesTotal, progress.bytesDone, payload);
      this.#started = true;
    }
  }

  stop(): void {
    if (this.#started) this.#bar.stop();
  }
}

/** Plain lines for logs and pipes: each state change, then every tenth of the download. */
class LineReporter implements StatusReporter {
  #lastState: ModelStatus["state"] | undefined;
  #lastStep = -1;

  update(status: ModelStatus): void {
    if (status.state !== this.#lastState) {
      this.#lastState = status.state;
      if (status.state === "verifying" || status.state === "downloading") process.stderr.write(`${status.state}\n`);
    }
    const percent = status.progress?.percent;
    if (status.progress === undefined || percent === undefined) return;
    const step = Math.floor(percent / PLAIN_PROGRESS_STEP_PERCENT);
    if (step === this.#lastStep) return;
    this.#lastStep = step;
    process.stderr.write(`${formatProgressLine(status.progress)}\n`);
  }
}

/** One line such as `downloading  40%  36.9 MB of 92.4 MB  12.0 MB/s  ETA 5 s`. */
export function formatProgressLine(progress: TransferProgress): string {
  const percent = progress.percent === undefined ? "" : `${Math.floor(progress.percent)}%`.padStart(4);
  const total = progress.bytesTotal === undefined ? "" : ` of ${formatBytes(progress.bytesTotal)}`;
  const parts = [
    `downloading ${percent}`,
    `${formatBytes(progress.bytesDone)}${total}`,
    formatSpeed(progress.bytesPerSecond),
    `ETA ${formatDuration(progress.etaSeconds)}`,
  ];
  return parts.join("  ");
}

/** Decimal units, as the publishers state sizes ("92.4 MB"). */
export function formatBytes(byteCount: number): string {
  if (byteCount < 1000) return `${byteCount} B`;
  if (byteCount < 1_000_000) return `${(byteCount / 1000).toFixed(1)} kB`;
  if (byteCount < 1_000_000_000) return `${(byteCount / 1_000_000).toFixed(1)} MB`;
  return `${(byteCount / 1_000_000_000).toFixed(2)} GB`;
}

function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "?";
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
