import type { Command } from "commander";
import { readStdin } from "./read-stdin.js";

/**
 * `kokoro-speech sentences`: all of stdin is one text; prints one sentence per line, in order, as the source wrote
 * it (line breaks inside a sentence shown as spaces). Only the sentence splitter's decisions, the ones `speak` uses:
 * no primer, no merging, no token budget. Needs neither the daemon nor the model.
 */
export function registerSentencesCommand(program: Command): void {
  program
    .command("sentences")
    .description("print the sentences of stdin's text, one per line, as the source wrote them")
    .action(async () => {
      const { splitSentences, validateText } = await import("../text/index.js");
      const text = await readStdin();
      validateText(text);
      process.stdout.write(
        splitSentences(text)
          .map((sentence) => `${sentence.text}\n`)
          .join(""),
      );
    });
}
