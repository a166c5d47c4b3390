import { describe, expect, it } from "vitest";
import { WASHING_TEXT } from "../text/sample-texts.js";
import { runCliWithStdin } from "../../helpers/run-cli.js";

describe("kokoro-speech sentences", () => {
  it("prints one sentence per line as the source wrote it", async () => {
    const result = await runCliWithStdin(
      ["sentences"],
      "  He lives in the U.S. Then he met Dr. Smith at 6 p.m. Don't be late!\nVisit example.com.\n\n- item one\n",
    );
    expect(result).toEqual({
      stdout: "He lives in the U.S.\nThen he met Dr. Smith at 6 p.m.\nDon't be late!\nVisit example.com.\n- item one\n",
      stderr: "",
      code: 0,
    });
  });

  it("shows soft wraps inside a sentence as spaces", async () => {
    const result = await runCliWithStdin(["sentences"], WASHING_TEXT);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "Cycle for normal, regular, or typical use for washing up to a full load of normally soiled cotton clothing.",
    );
    expect(lines.join(" ").split(" ")).toEqual(WASHING_TEXT.split(/\s+/));
  });

  it.each([
    ["empty text", ""],
    ["whitespace", "  \n\n "],
  ])("fails on %s with empty_text", async (_name, input) => {
    const result = await runCliWithStdin(["sentences"], input);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^kokoro-speech: empty_text: /);
  });
});
