/**
 * Converts Misaki's English lexicons (`us_gold.json`, `us_silver.json`, `gb_gold.json`, `gb_silver.json` from the
 * `misaki` Python package, Apache-2.0) into `assets/misaki/<variant>.tsv.gz`, which is committed so that the
 * lexicon build never needs Python or PyPI. Run by hand when Misaki's data changes:
 *
 *   node daemon/dist/g2p/build/import-misaki.js <misaki package's data folder> "<source, e.g. misaki 0.9.4>"
 *
 * Gold wins over silver. Misaki grows each dictionary with case variants before looking words up (a lowercase key
 * answers for its Capitalised form and the reverse); the merged table keeps the original keys plus only those
 * grown keys whose answer the run-time case rule would otherwise get wrong, so its lookups equal Misaki's.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Variant } from "../phoneme-sets.js";
import { MISAKI_TABLE_DIRECTORY, misakiTableFileName, serializeMisakiTable, type MisakiTable } from "./misaki-table.js";
import { mergeGoldSilver, parseMisakiDictionary } from "./merge-misaki.js";
import { MISAKI_NOTICE } from "./misaki-notice.js";

const [dataDirectory, source = "misaki"] = process.argv.slice(2);
if (dataDirectory === undefined) {
  process.stderr.write("usage: import-misaki.js <misaki data folder> [source label]\n");
  process.exit(2);
}
const PREFIXES: Readonly<Record<Variant, string>> = { "en-us": "us", "en-gb": "gb" };
await mkdir(MISAKI_TABLE_DIRECTORY, { recursive: true });
for (const [variant, prefix] of Object.entries(PREFIXES) as [Variant, string][]) {
  const read = (name: string) => parseMisakiDictionary(readFileSync(join(dataDirectory, name), "utf8"), name);
  const gold = read(`${prefix}_gold.json`);
  const silver = read(`${prefix}_silver.json`);
  const table: MisakiTable = { variant, source, notice: MISAKI_NOTICE, entries: mergeGoldSilver(gold, silver) };
  const path = join(MISAKI_TABLE_DIRECTORY, misakiTableFileName(variant));
  await writeFile(path, gzipSync(serializeMisakiTable(table), { level: 9 }));
  process.stdout.write(`wrote ${path}: ${table.entries.size} entries (gold ${gold.size}, silver ${silver.size})\n`);
}
