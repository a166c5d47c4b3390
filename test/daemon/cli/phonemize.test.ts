import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Runs the built CLI (npm test builds first; the lexicon assets come from the build step).
const CLI = fileURLToPath(new URL("../../../daemon/dist/cli.js", import.meta.url));

function runPhonemize(args: string[], input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "phonemize", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
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
