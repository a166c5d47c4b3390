/**
 * The Store's manifest rules that can be checked without Raycast's servers (`ray lint` needs them): Title Case
 * titles, a 512×512 PNG icon, categories from the Store's list, a description on every command, a source file for
 * every command, and user-facing texts that speak to a user who never saw the repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/daemon-process.js";

const EXTENSION_DIR = join(REPO_ROOT, "raycast");

interface Manifest {
  name: string;
  title: string;
  description: string;
  icon: string;
  author: string;
  license: string;
  platforms: string[];
  categories: string[];
  keywords?: string[];
  commands: Array<{ name: string; title: string; description: string; mode: string }>;
  preferences: Array<{ name: string; title: string; description: string; data?: Array<{ title: string }> }>;
  dependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "package.json"), "utf8")) as Manifest;

/** The Store's categories (Raycast's manifest schema). */
const STORE_CATEGORIES = [
  "Applications",
  "Communication",
  "Data",
  "Documentation",
  "Design Tools",
  "Developer Tools",
  "Finance",
  "Fun",
  "Media",
  "News",
  "Productivity",
  "Security",
  "System",
  "Web",
  "Other",
];

/** Words Title Case leaves in lower case unless they open the title (AP and Chicago style, as `ray lint` applies it). */
const MINOR_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "but",
  "by",
  "for",
  "from",
  "in",
  "nor",
  "of",
  "on",
  "or",
  "per",
  "the",
  "to",
  "via",
  "vs",
  "when",
  "with",
]);

/** The words of `title` that Title Case would capitalise but are not. */
function notTitleCase(title: string): string[] {
  const words = title.split(" ").map((word) => word.replace(/^[("']+|[)"':,.]+$/g, ""));
  return words.filter((word, index) => {
    if (word === "" || !/^\p{L}/u.test(word)) return false;
    if (index > 0 && MINOR_WORDS.has(word)) return false;
    return word[0] !== word[0]!.toUpperCase();
  });
}

describe("the extension's manifest", () => {
  it("follows the Store's field rules", () => {
    expect(manifest.name).toMatch(/^[a-z0-9-~][a-z0-9-_~]*$/);
    expect(manifest.license).toBe("MIT");
    expect(manifest.platforms).toEqual(["macOS"]);
    expect(manifest.description.length).toBeGreaterThanOrEqual(16);
    expect(manifest.dependencies).toHaveProperty("@raycast/api");
    expect(manifest.categories.length).toBeGreaterThan(0);
    for (const category of manifest.categories) expect(STORE_CATEGORIES).toContain(category);
    expect(manifest.keywords?.length ?? 0).toBeLessThanOrEqual(12);
    for (const keyword of manifest.keywords ?? []) expect(keyword.length).toBeLessThanOrEqual(25);
  });

  it("has a 512×512 PNG icon", () => {
    const png = readFileSync(join(EXTENSION_DIR, "assets", manifest.icon));
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 512, height: 512 });
  });

  it("titles the extension, every command and every preference in Title Case", () => {
    const titles = [
      manifest.title,
      ...manifest.commands.map((c) => c.title),
      ...manifest.preferences.map((p) => p.title),
    ];
    expect(titles.length).toBeGreaterThan(10);
    for (const title of titles) {
      expect(notTitleCase(title), title).toEqual([]);
      expect(title).not.toMatch(/\s{2}|^\s|\s$/);
    }
  });

  it("the Title Case check itself tells a lower-case word from a minor one", () => {
    expect(notTitleCase("Speak selected Text")).toEqual(["selected"]);
    expect(notTitleCase("Pause or Resume Speaking")).toEqual([]);
    expect(notTitleCase("the Player")).toEqual(["the"]);
  });

  it("describes every command, and every command has its source file", () => {
    for (const command of manifest.commands) {
      expect(command.description.length, command.name).toBeGreaterThanOrEqual(12);
      const sources = ["ts", "tsx"].map((ext) => join(EXTENSION_DIR, "src", `${command.name}.${ext}`));
      expect(
        sources.some((source) => existsSync(source)),
        command.name,
      ).toBe(true);
    }
  });

  it("speaks to a Store user: no repository checkouts, no voice grades", () => {
    const texts = JSON.stringify(manifest.preferences);
    expect(texts).not.toMatch(/checkout|repositor|dist\/cli\.js/i);
    const voice = manifest.preferences.find((preference) => preference.name === "voice");
    expect(voice?.data?.length).toBeGreaterThan(20);
    for (const { title } of voice?.data ?? []) expect(title).not.toMatch(/grade|\b[A-F][+-]?\)/i);
  });

  it("ships a changelog and a README for users", () => {
    const changelog = readFileSync(join(EXTENSION_DIR, "CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(/^# Kokoro Speech Changelog\n/);
    expect(changelog).toMatch(/^## \[[^\]]+\] - (\{PR_MERGE_DATE\}|\d{4}-\d{2}-\d{2})$/m);
    const readme = readFileSync(join(EXTENSION_DIR, "README.md"), "utf8");
    for (const topic of [/accessibility/i, /privacy/i, /support/i, /uninstall|remov/i]) expect(readme).toMatch(topic);
  });
});
