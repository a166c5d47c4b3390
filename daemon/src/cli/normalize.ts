import { MAX_TEXT_CHARS, ProtocolError } from "@kokoro-speech/protocol";
import type { Command } from "commander";
import { readStdin } from "./read-stdin.js";

/**
 * `kokoro-speech normalize`: stdin → the spoken-word text of each line, one output line per input line (an empty
 * line stays empty). A fenced code block is recognised across lines as `segments` does: its opening line gives the
 * notice, its other lines empty lines. Runs the text front end in-process; needs neither the daemon nor the model.
 */
export function registerNormalizeCommand(program: Command): void {
  program
    .command("normalize")
    .description("print the spoken-word text of each stdin line, one output line per input line")
    .action(async () => {
      // Loaded here, not at start-up: every other command (and the daemon) starts faster without the text stage.
      const { normalizeLines } = await import("../text/index.js");
      const input = await readStdin();
      if (input.length > MAX_TEXT_CHARS) {
        throw new ProtocolError(
          "text_too_long",
          `The text has ${input.length} characters; the limit is ${MAX_TEXT_CHARS}.`,
        );
      }
      const lines = input.split(/\r?\n/);
      if (lines.at(-1) === "") lines.pop();
      process.stdout.write(
        normalizeLines(lines)
          .map((line) => `${line}\n`)
          .join(""),
      );
    });
}
