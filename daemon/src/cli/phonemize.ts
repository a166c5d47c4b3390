import { DEFAULT_VOICE } from "@kokoro-speech/protocol";
import type { Command } from "commander";
import { readStdin } from "./read-stdin.js";

interface PhonemizeFlags {
  voice: string;
  fallback: boolean;
}

/**
 * `kokoro-speech phonemize`: stdin → one phoneme line per input line, exactly what the engine would tokenise.
 * Runs the front end in-process; needs neither the daemon nor the model.
 */
export function registerPhonemizeCommand(program: Command): void {
  program
    .command("phonemize")
    .description("print the phonemes of each stdin line (normalised spoken text) without the daemon or the model")
    .option("--voice <id>", "voice whose language picks the lexicon (a… American, b… British)", DEFAULT_VOICE)
    .option("--no-fallback", "do not ask espeak-ng for words the lexicon cannot resolve (they are spelled)")
    .action(async (flags: PhonemizeFlags) => {
      const { createEspeakFallback, createG2P, loadLexicon, variantForVoice } = await import("../g2p/index.js");
      const variant = variantForVoice(flags.voice);
      const g2p = createG2P({
        lexicons: { [variant]: await loadLexicon(variant) },
        fallback: flags.fallback ? createEspeakFallback() : undefined,
      });
      const lines = (await readStdin()).split(/\r?\n/);
      if (lines.at(-1) === "") lines.pop();
      let output = "";
      for (const [index, line] of lines.entries()) {
        const result = await g2p.phonemize(line, variant);
        output += `${result.phonemes}\n`;
        if (result.unknownSymbols.length > 0) {
          process.stderr.write(
            `kokoro-speech: line ${index + 1}: not pronounced: ${result.unknownSymbols.join(" ")}\n`,
          );
        }
      }
      process.stdout.write(output);
    });
}
