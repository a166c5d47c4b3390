import { describe, expect, it } from "vitest";
import { runCliWithStdin } from "../../helpers/run-cli.js";

const TEXT =
  "When the daemon starts, it loads the model and warms it up before any request arrives. It costs $5.50.\n\n" +
  "```\ncode\n```\nDone";

describe("kokoro-speech segments", () => {
  it("prints the spoken text of each segment, primer first", async () => {
    const result = await runCliWithStdin(["segments"], TEXT);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("When the daemon starts,");
    expect(lines.join(" ")).toBe(
      "When the daemon starts, it loads the model and warms it up before any request arrives. " +
        "It costs five dollars and fifty cents. Code block skipped. Done.",
    );
  });

  it("prints JSON segments whose spans cover the text in order with --json", async () => {
    const result = await runCliWithStdin(["segments", "--json"], TEXT);
    const segments = result.stdout
      .trimEnd()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as { index: number; start: number; end: number; sourceText: string; isPrimer: boolean },
      );
    expect(segments[0]).toMatchObject({ index: 0, start: 0, isPrimer: true });
    expect(segments.at(-1)?.end).toBe(TEXT.length);
    expect(segments.map((segment) => segment.sourceText).join("")).toBe(TEXT);
  });

  it.each([
    ["empty text", "", "empty_text"],
    ["whitespace", " \n\t", "empty_text"],
    ["only emoji", "😀 🎉", "empty_text"],
  ])("fails on %s with %s", async (_name, input, code) => {
    const result = await runCliWithStdin(["segments"], input);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^kokoro-speech: ${code}: `));
  });
});
