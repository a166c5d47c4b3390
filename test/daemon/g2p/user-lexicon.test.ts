import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadUserLexicon, parseUserLexicon, watchUserLexicon } from "../../../daemon/src/g2p/user-lexicon.js";
import type { UserLexicon } from "../../../daemon/src/g2p/resolve-word.js";

describe("parseUserLexicon", () => {
  it("reads word → phonemes pairs", () => {
    expect(parseUserLexicon({ Kokoro: " kˈOkəɹO " })).toEqual(new Map([["Kokoro", "kˈOkəɹO"]]));
  });

  for (const bad of [[], null, "x", { word: 3 }, { word: " " }]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(() => parseUserLexicon(bad)).toThrow(/user lexicon/);
    });
  }
});

describe("loadUserLexicon and watchUserLexicon", () => {
  let directory: string;
  let stop: (() => void) | undefined;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "kokoro-user-lexicon-"));
  });
  afterEach(async () => {
    stop?.();
    await rm(directory, { recursive: true, force: true });
  });

  it("treats a missing file as an empty lexicon", async () => {
    expect((await loadUserLexicon(join(directory, "none.json"))).size).toBe(0);
  });

  it("reloads the file when it changes", async () => {
    const path = join(directory, "lexicon.json");
    await writeFile(path, JSON.stringify({ hello: "hˈɛlO" }));
    expect((await loadUserLexicon(path)).get("hello")).toBe("hˈɛlO");
    const reloaded = new Promise<UserLexicon>((resolve) => {
      stop = watchUserLexicon(path, resolve);
    });
    // watchFile compares modification times; make sure the rewrite gets a later one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(path, JSON.stringify({ hello: "hˈʌlO", world: "wˈɜɹld" }));
    const lexicon = await reloaded;
    expect(lexicon.get("hello")).toBe("hˈʌlO");
    expect(lexicon.get("world")).toBe("wˈɜɹld");
  });
});
