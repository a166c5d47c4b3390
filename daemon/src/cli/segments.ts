import type { Command } from "commander";
import { readStdin } from "./read-stdin.js";

interface SegmentsFlags {
  json: boolean;
}

/**
 * `kokoro-speech segments`: all of stdin is one text; prints the spoken text of each segment on its own line,
 * primer first, exactly as `speak` would synthesize them (with the estimated token budget). Needs neither the
 * daemon nor the model.
 */
export function registerSegmentsCommand(program: Command): void {
  program
    .command("segments")
    .description("print the segments of stdin's text (spoken text), one per line, primer first")
    .option("--json", "print each segment as a JSON object with its source span", false)
    .action(async (flags: SegmentsFlags) => {
      const { segmentTextInSlices } = await import("../text/index.js");
      let output = "";
      for (const segment of segmentTextInSlices(await readStdin())) {
        output += flags.json ? `${JSON.stringify(segment)}\n` : `${segment.spokenText}\n`;
      }
      process.stdout.write(output);
    });
}
