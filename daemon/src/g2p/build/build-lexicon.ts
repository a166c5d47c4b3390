/**
 * Build step: writes `assets/lexicon/en-us.tsv` and `en-gb.tsv` from Misaki's lexicons (the committed
 * `assets/misaki/<variant>.tsv.gz`) and, for the words Misaki lacks, CMUdict. Run after `tsc -b` as
 * `node daemon/dist/g2p/build/build-lexicon.js [outputDirectory]`.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dictionary } from "cmu-pronouncing-dictionary";
import {
  DEFAULT_LEXICON_DIRECTORY,
  indexLexicon,
  lexiconFileName,
  lexiconIndexFileName,
  serializeLexicon,
  serializeLexiconIndex,
} from "../lexicon.js";
import { VARIANTS } from "../phoneme-sets.js";
import { compileLexicon } from "./compile-lexicon.js";
import { readMisakiTable } from "./misaki-table.js";

const outputDirectory = process.argv[2] ?? DEFAULT_LEXICON_DIRECTORY;
await mkdir(outputDirectory, { recursive: true });
for (const variant of VARIANTS) {
  const path = join(outputDirectory, lexiconFileName(variant));
  const asset = compileLexicon(dictionary, variant, readMisakiTable(variant));
  const bytes = Buffer.from(serializeLexicon(asset));
  await writeFile(path, bytes);
  await writeFile(join(outputDirectory, lexiconIndexFileName(variant)), serializeLexiconIndex(indexLexicon(bytes)));
  process.stdout.write(`wrote ${path}: ${Object.keys(asset.words).length} words\n`);
}
