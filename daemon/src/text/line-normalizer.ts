/**
 * Line-by-line normalization for the CLI's `normalize`: one output line per input line, and a fenced code block
 * recognised across lines as the speak path recognises it. The fence's opening line says the notice the speak path
 * says for the whole block; the block's other lines (up to and including the closing fence, or to the end of the
 * text when it is never closed) give empty lines.
 */
import { CODE_BLOCK_NOTICE, isCodeFence } from "./markdown.js";
import { normalizeText } from "./normalize.js";

/** The fence marker a line opens with ("```" or "~~~"), as the sentence splitter reads it. */
function fenceMarker(line: string): string | undefined {
  return isCodeFence(line) ? line.trimStart().slice(0, 3) : undefined;
}

/** Spoken text of each line, in order. */
export function normalizeLines(lines: readonly string[]): string[] {
  const spoken: string[] = [];
  let openFence: string | undefined;
  for (const line of lines) {
    if (openFence !== undefined) {
      if (line.trimStart().startsWith(openFence)) openFence = undefined;
      spoken.push("");
      continue;
    }
    openFence = fenceMarker(line);
    spoken.push(openFence === undefined ? normalizeText(line) : CODE_BLOCK_NOTICE);
  }
  return spoken;
}
