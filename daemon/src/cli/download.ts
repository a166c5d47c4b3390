import { Option, type Command } from "commander";
import { DATA_DIR_ENV } from "@kokoro-speech/protocol";
import {
  DEFAULT_MODEL_DTYPE,
  DEFAULT_VOICES_SOURCE,
  MODEL_DTYPES,
  VOICES_SOURCES,
  type ModelDtype,
  type VoicesSource,
} from "../models/catalog.js";

export interface DownloadFlags {
  model: ModelDtype;
  voices: VoicesSource;
  dataDir?: string;
}

export function registerDownloadCommand(program: Command): void {
  program
    .command("download")
    .description("download the Kokoro model and voices into the data folder (resumable, sha256-verified)")
    .addOption(new Option("--model <dtype>", "model precision").choices(MODEL_DTYPES).default(DEFAULT_MODEL_DTYPE))
    .addOption(
      new Option("--voices <source>", "where the voices come from: the model release or the kokoro-js npm package")
        .choices(VOICES_SOURCES)
        .default(DEFAULT_VOICES_SOURCE),
    )
    .option("--data-dir <dir>", `data folder (default: $${DATA_DIR_ENV}, else the platform's data folder)`)
    // The downloader (model manager, archive and progress libraries) loads only when this command runs, so other
    // commands, `serve` above all, do not pay for it at start-up.
    .action(async (flags: DownloadFlags) => (await import("./download-run.js")).runDownload(flags));
}
