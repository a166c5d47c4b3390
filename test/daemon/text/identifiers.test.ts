import { describe, expect, it } from "vitest";
import { pairedNumberWords } from "../../../daemon/src/text/code-numbers.js";
import { dottedNameWords, identifierWords, isIdentifier } from "../../../daemon/src/text/identifiers.js";
import { expandKeyCombos, expandKeySymbols } from "../../../daemon/src/text/keys.js";

describe("identifierWords", () => {
  it.each([
    ["WS_NO_BUFFER_UTIL", "WS no buffer util"],
    ["getUserById", "get user by ID"],
    ["XMLHttpRequest", "XML HTTP request"],
    ["parseJSON", "parse JSON"],
    ["__init__", "init"],
    ["OPENAI_API_KEY", "openai API key"],
    ["no-emit", "no emit"],
    ["userIds", "user IDs"],
  ])("reads %s as %s", (name, words) => {
    expect(identifierWords(name)).toBe(words);
  });
});

describe("isIdentifier", () => {
  it.each(["snake_case", "camelCase", "WebSocket", "XMLHttpRequest", "__dirname__"])("takes %s as code", (word) => {
    expect(isIdentifier(word)).toBe(true);
  });
  it.each(["iPhone", "eBay", "McDonald", "LaTeX", "APIs", "NVMe", "PhD", "Hello", "NASA"])(
    "leaves the name %s alone",
    (word) => {
      expect(isIdentifier(word)).toBe(false);
    },
  );
});

describe("dottedNameWords", () => {
  it.each([
    ["config.json", "config dot JSON"],
    ["Node.js", "Node JS"],
    ["process.env.NODE_ENV", "process dot env dot node env"],
    ["archive.tar.gz", "archive dot tar dot GZ"],
    ["x.constructor", "X dot constructor"],
  ])("reads %s as %s", (name, words) => {
    expect(dottedNameWords(name)).toBe(words);
  });
});

describe("pairedNumberWords", () => {
  it.each([
    ["404", "four oh four"],
    ["500", "five hundred"],
    ["429", "four twenty-nine"],
    ["8080", "eighty eighty"],
    ["3000", "three thousand"],
    ["1080", "ten eighty"],
    ["22", "twenty-two"],
    ["65535", "sixty-five thousand five hundred thirty-five"],
    ["007", "zero zero seven"],
  ])("reads %s as %s", (digits, words) => {
    expect(pairedNumberWords(digits)).toBe(words);
  });
});

describe("keys", () => {
  it.each([
    ["⌘⇧P", "Command Shift P"],
    ["⌥⌘I", "Option Command I"],
    ["⌘↩️", "Command Return"],
    ["⌃⇧→", "Control Shift Right"],
  ])("reads the symbols %s as %s", (keys, words) => {
    expect(expandKeySymbols(keys).trim()).toBe(words);
  });
  it.each([
    ["Ctrl+Alt+Del", "Control Alt Delete"],
    ["CTRL-R", "Control R"],
    ["Shift + Enter", "Shift Enter"],
    ["ctrl+c", "Control C"],
    ["Cmd+,", "Command comma"],
    ["win-win", "win-win"],
    ["shift-based", "shift-based"],
    ["Alt+F4", "Alt F4"],
  ])("reads %s as %s", (combo, words) => {
    expect(expandKeyCombos(combo)).toBe(words);
  });
});
