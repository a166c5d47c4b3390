import { Command } from "commander";
import { registerDownloadCommand } from "./download.js";
import { describeCliFailure, EXIT_USAGE } from "./errors.js";
import { registerNormalizeCommand } from "./normalize.js";
import { registerPhonemizeCommand } from "./phonemize.js";
import { registerPlaybackControlCommands } from "./playback-control.js";
import { registerSegmentsCommand } from "./segments.js";
import { registerSpeakCommand } from "./speak.js";
import { registerSentencesCommand } from "./sentences.js";
import { registerServeCommand } from "./serve.js";
import { registerStatusCommand } from "./status.js";
import { registerVoicesCommand } from "./voices.js";
import { DAEMON_VERSION } from "../version.js";

const program = new Command();
program
  .name("kokoro-speech")
  .description("Read text aloud with a local Kokoro voice. The daemon does the work; these commands drive it.")
  .version(DAEMON_VERSION)
  .showHelpAfterError()
  .exitOverride((error) => {
    // commander reports usage errors itself; keep its exit code for --help/--version (0) and use 2 for misuse.
    process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE);
  });

registerServeCommand(program);
registerSpeakCommand(program);
registerVoicesCommand(program);
registerStatusCommand(program);
registerPlaybackControlCommands(program);
registerPhonemizeCommand(program);
registerNormalizeCommand(program);
registerSegmentsCommand(program);
registerSentencesCommand(program);
registerDownloadCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const { line, exitCode } = describeCliFailure(error);
  process.stderr.write(`${line}\n`);
  process.exitCode = exitCode;
}
