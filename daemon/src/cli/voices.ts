import { access } from "node:fs/promises";
import { join } from "node:path";
import { resolveDataDir, VOICE_CATALOG, type CatalogVoice } from "@kokoro-speech/protocol";
import type { Command } from "commander";
import { VOICES_ARCHIVE, VOICES_DIR_NAME } from "../models/catalog.js";

const ENGLISH = new Set(["en-us", "en-gb"]);

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Installed: a pack in the data directory's voices folder, or the voices archive that holds all of them. */
async function installedVoices(dataDir: string): Promise<(voice: CatalogVoice) => boolean> {
  if (await exists(join(dataDir, VOICES_ARCHIVE.fileName))) return () => true;
  const present = new Set<string>();
  for (const voice of VOICE_CATALOG) {
    if (await exists(join(dataDir, VOICES_DIR_NAME, `${voice.name}.bin`))) present.add(voice.name);
  }
  return (voice) => present.has(voice.name);
}

export function registerVoicesCommand(program: Command): void {
  program
    .command("voices")
    .description("list the voices with language, grade and whether they are installed")
    .option("--all", "include the voices of languages without a text front end yet")
    .option("--data-dir <dir>", "data folder to look in")
    .option("--json", "print JSON")
    .action(async (flags: { all?: boolean; dataDir?: string; json?: boolean }) => {
      const isInstalled = await installedVoices(flags.dataDir ?? resolveDataDir());
      const rows = VOICE_CATALOG.filter((voice) => flags.all || ENGLISH.has(voice.language)).map((voice) => ({
        name: voice.name,
        language: voice.language,
        sex: voice.sex,
        grade: voice.grade,
        supported: ENGLISH.has(voice.language),
        installed: isInstalled(voice),
      }));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const lines = rows.map(
        (row) =>
          `${row.name.padEnd(14)}${row.language.padEnd(8)}${row.sex.padEnd(4)}${row.grade.padEnd(6)}${row.installed ? "installed" : "-"}${row.supported ? "" : "  (no front end yet)"}`,
      );
      process.stdout.write(
        `${"voice".padEnd(14)}${"lang".padEnd(8)}${"sex".padEnd(4)}${"grade".padEnd(6)}status\n${lines.join("\n")}\n`,
      );
    });
}
