/**
 * G2P parity harness (issue 13 part 3): runs every sentence of g2p-sentences.txt through Python Misaki (the G2P
 * Kokoro was trained with) and through our normalize → G2P path, and reports the share of phoneme-identical
 * sentences, the phoneme error rate and the 30 most frequent differing words.
 *
 *   bash test/real-model/g2p-setup-venv.sh          # once: the Misaki venv in the test cache, outside the repo
 *   node --import tsx test/real-model/g2p-parity.ts [--british] [--details <file>]
 *
 * Misaki runs as Kokoro's pipeline configures it (espeak fallback, unknown words silent); ours as the speak path
 * does (normalizeText, then G2P with the espeak fallback). `--details` writes every differing sentence with both
 * phoneme strings. The Python is `$KOKORO_MISAKI_PYTHON`, or the venv that g2p-setup-venv.sh makes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEspeakFallback, createG2P, loadLexicon, type Variant } from "../../daemon/src/g2p/index.js";
import { normalizeText } from "../../daemon/src/text/index.js";
import { differingWords, editDistance, phonemeWords, referenceWords, type WordDifference } from "./g2p-compare.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const SENTENCES_FILE = join(HERE, "g2p-sentences.txt");
const REFERENCE_SCRIPT = join(HERE, "g2p-misaki-reference.py");
const DEFAULT_PYTHON = join(homedir(), ".cache", "kokoro-speech-test", "venv-misaki", "bin", "python");
const TOP_WORDS = 30;

interface Reference {
  readonly phonemes: string;
  readonly words: readonly (readonly [string, string])[];
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function misakiReference(sentences: readonly string[], british: boolean): Reference[] {
  const python = process.env.KOKORO_MISAKI_PYTHON ?? DEFAULT_PYTHON;
  if (!existsSync(python)) {
    throw new Error(`no Misaki Python at ${python}: run "bash test/real-model/g2p-setup-venv.sh" first`);
  }
  const result = spawnSync(python, [REFERENCE_SCRIPT, ...(british ? ["--british"] : [])], {
    input: `${sentences.join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`Misaki reference failed (exit ${result.status}): ${result.stderr}`);
  const lines = result.stdout.split("\n").filter(Boolean);
  if (lines.length !== sentences.length) {
    throw new Error(`Misaki returned ${lines.length} lines for ${sentences.length} sentences`);
  }
  return lines.map((line) => JSON.parse(line) as Reference);
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

const british = process.argv.includes("--british");
const variant: Variant = british ? "en-gb" : "en-us";
/** The sentences file: one sentence a line, `# category` lines opening each group. */
function readSentences(): { sentences: string[]; categories: string[] } {
  const sentences: string[] = [];
  const categories: string[] = [];
  let category = "uncategorised";
  for (const line of readFileSync(SENTENCES_FILE, "utf8").split("\n")) {
    if (line.startsWith("# ")) category = line.slice(2).trim();
    else if (line.trim() !== "") {
      sentences.push(line);
      categories.push(category);
    }
  }
  return { sentences, categories };
}

const { sentences, categories } = readSentences();
const references = misakiReference(sentences, british);
const g2p = createG2P({ lexicons: { [variant]: await loadLexicon(variant) }, fallback: createEspeakFallback() });

let identical = 0;
const byCategory = new Map<string, { identical: number; total: number }>();
let distance = 0;
let referenceLength = 0;
const differences: WordDifference[] = [];
const details: string[] = [];
for (const [index, sentence] of sentences.entries()) {
  const reference = references[index] as Reference;
  const expected = reference.phonemes.trim();
  const ours = (await g2p.phonemize(normalizeText(sentence), variant)).phonemes.trim();
  distance += editDistance(ours, expected);
  referenceLength += Array.from(expected).length;
  const group = byCategory.get(categories[index] as string) ?? { identical: 0, total: 0 };
  byCategory.set(categories[index] as string, group);
  group.total++;
  if (ours === expected) {
    identical++;
    group.identical++;
    continue;
  }
  differences.push(...differingWords(phonemeWords(ours), referenceWords(reference.words)));
  details.push(`${sentence}\n  misaki: ${expected}\n  ours:   ${ours}\n`);
}

const byWord = new Map<string, { count: number; example: WordDifference }>();
for (const difference of differences) {
  const key = difference.text.toLowerCase();
  const entry = byWord.get(key);
  if (entry) entry.count++;
  else byWord.set(key, { count: 1, example: difference });
}
const top = [...byWord.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, TOP_WORDS);

const out: string[] = [
  `G2P parity with Misaki (${variant}), ${sentences.length} sentences`,
  "",
  "| measure | result |",
  "|---|---|",
  `| sentences phoneme-identical | ${identical} / ${sentences.length} = **${percent(identical, sentences.length)}** |`,
  `| phoneme error rate (edit distance / Misaki's symbols) | ${distance} / ${referenceLength} = **${percent(distance, referenceLength)}** |`,
  `| differing words (aligned) | ${differences.length} |`,
  ...[...byCategory].map(
    ([category, group]) =>
      `| – ${category} | ${group.identical} / ${group.total} = ${percent(group.identical, group.total)} |`,
  ),
  "",
  `Most frequent differing words (top ${TOP_WORDS}):`,
  "",
  "| word | times | Misaki | ours |",
  "|---|---|---|---|",
  ...top.map(([word, { count, example }]) => `| ${word} | ${count} | ${example.reference} | ${example.ours} |`),
];
process.stdout.write(`${out.join("\n")}\n`);
const detailsFile = argument("--details");
if (detailsFile !== undefined) writeFileSync(detailsFile, details.join("\n"));
process.exit(0);
