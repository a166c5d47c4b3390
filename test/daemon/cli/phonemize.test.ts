import { runCliWithStdin, type CliResult } from "../../helpers/run-cli.js";
import { describe, expect, it } from "vitest";

function runPhonemize(args: string[], input: string): Promise<CliResult> {
  return runCliWithStdin(["phonemize", ...args], input);
}

describe("kokoro-speech phonemize", () => {
  it("writes one phoneme line per input line, blank lines included", async () => {
    const result = await runPhonemize(["--no-fallback"], "Hello, world.\n\nThe water is hot.\n");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("həlˈO, wˈɜɹld.\n\nðə wˈɔTəɹ ɪz hˈɑt.\n");
  });

  it("uses the British lexicon for a b… voice", async () => {
    const result = await runPhonemize(["--voice", "bf_emma", "--no-fallback"], "The water is hot.");
    expect(result.stdout).toBe("ðə wˈɔːtə ɪz hˈɒt.\n");
  });

  it("asks espeak-ng for words the lexicon lacks", async () => {
    const result = await runPhonemize([], "the flibber");
    expect(result.stdout).toBe("ðə flˈɪbəɹ\n");
  });

  it("reports characters it cannot pronounce on stderr", async () => {
    const result = await runPhonemize(["--no-fallback"], "a # b");
    expect(result.stdout).toBe("ɐ bˈi\n");
    expect(result.stderr).toBe("kokoro-speech: line 1: not pronounced: #\n");
  });

  it("fails with unsupported_language for a voice without an English front end", async () => {
    const result = await runPhonemize(["--voice", "jf_alpha"], "hello");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unsupported_language/);
  });
});
