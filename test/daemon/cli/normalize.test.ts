import { MAX_TEXT_CHARS } from "@kokoro-speech/protocol";
import { describe, expect, it } from "vitest";
import { runCliWithStdin } from "../../helpers/run-cli.js";

describe("kokoro-speech normalize", () => {
  it("writes the spoken text of each input line on its own line, keeping empty lines", async () => {
    const result = await runCliWithStdin(["normalize"], "It costs $5.50.\n\nDr. Smith, 2024-01-15\r\nv2.3.1\n");
    expect(result).toEqual({
      stdout:
        "It costs five dollars and fifty cents.\n\nDoctor Smith, January fifteenth, twenty twenty-four\nversion two point three point one\n",
      stderr: "",
      code: 0,
    });
  });

  it("handles a last line without a line break and empty input", async () => {
    expect((await runCliWithStdin(["normalize"], "10-20")).stdout).toBe("ten to twenty\n");
    expect(await runCliWithStdin(["normalize"], "")).toEqual({ stdout: "", stderr: "", code: 0 });
  });

  it("recognises a code fence across lines as segments does, one output line per input line", async () => {
    const input = "Install it:\n```sh\nnpm i --save-dev x\n```\nThen run `npx tsc --noEmit`.\n";
    const result = await runCliWithStdin(["normalize"], input);
    expect(result.stdout).toBe("Install it:\nCode block skipped.\n\n\nThen run N-P-X T-S-C dash dash no emit.\n");
    const segments = await runCliWithStdin(["segments"], input);
    expect(segments.stdout.replace(/\n/g, " ").trim()).toBe(
      "Install it. Code block skipped. Then run N-P-X T-S-C dash dash no emit.",
    );
  });

  it("refuses text over the limit with text_too_long", async () => {
    const result = await runCliWithStdin(["normalize"], "a".repeat(MAX_TEXT_CHARS + 1));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^kokoro-speech: text_too_long: /);
    expect(result.stdout).toBe("");
  });
});
