/**
 * Word accuracy against Misaki's gold lexicon (issue 15 part 4): draws a seeded sample of `us_gold` (or `gb_gold`)
 * words, pronounces each alone through our G2P (the compiled lexicon and its rules, espeak fallback on) and counts
 * exact matches with the gold entry (an entry by part of speech is compared with the form Misaki uses for a word
 * standing alone: `None` if it has one, else DEFAULT). Misaki's capital-letter stress is applied to the gold entry
 * the way Misaki's own lookup applies it, and so are the Kokoro v1.0 replacements ɾ → T, ʔ → t that Misaki's G2P makes.
 *
 *   node --import tsx test/real-model/g2p-word-accuracy.ts [--seed 15] [--size 2000] [--british]
 *
 * The gold JSON comes from the Misaki venv of g2p-setup-venv.sh (`$KOKORO_MISAKI_PYTHON` or the default venv).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createEspeakFallback, createG2P, loadLexicon, type Variant } from "../../daemon/src/g2p/index.js";
import { applyStress } from "../../daemon/src/g2p/stress.js";
import { seededRandom } from "../helpers/seeded-random.js";

const DEFAULT_PYTHON = join(homedir(), ".cache", "kokoro-speech-test", "venv-misaki", "bin", "python");

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

function goldPath(british: boolean): string {
  const python = process.env.KOKORO_MISAKI_PYTHON ?? DEFAULT_PYTHON;
  const script = "import misaki, os; print(os.path.join(os.path.dirname(misaki.__file__), 'data'))";
  const result = spawnSync(python, ["-c", script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`no Misaki at ${python}: run test/real-model/g2p-setup-venv.sh`);
  return join(result.stdout.trim(), `${british ? "gb" : "us"}_gold.json`);
}

/** Misaki's stress for a word's letter case: Capitalised 0.5, ALL-CAPS 2. */
function caseStress(word: string): number | undefined {
  if (word === word.toLowerCase()) return undefined;
  return word === word.toUpperCase() ? 2 : 0.5;
}

const seed = Number(argument("--seed", "15"));
const size = Number(argument("--size", "2000"));
const british = process.argv.includes("--british");
const variant: Variant = british ? "en-gb" : "en-us";
const gold = JSON.parse(readFileSync(goldPath(british), "utf8")) as Record<string, string | Record<string, string>>;
// Words only: letters and apostrophes, as text would contain them (Misaki's gold also lists affixes like "-able").
const candidates = Object.keys(gold)
  .filter((word) => /^[A-Za-z][A-Za-z']*$/.test(word))
  .sort();
const random = seededRandom(seed);
const sample = new Set<string>();
while (sample.size < Math.min(size, candidates.length)) {
  sample.add(candidates[Math.floor(random() * candidates.length)] as string);
}

const g2p = createG2P({ lexicons: { [variant]: await loadLexicon(variant) }, fallback: createEspeakFallback() });
let exact = 0;
const misses: string[] = [];
for (const word of sample) {
  const entry = gold[word] as string | Record<string, string>;
  const stressed = applyStress(
    typeof entry === "string" ? entry : (entry.None ?? entry.DEFAULT ?? ""),
    caseStress(word),
  );
  const expected = stressed.replaceAll("ɾ", "T").replaceAll("ʔ", "t");
  const ours = (await g2p.phonemize(word, variant)).phonemes;
  if (ours === expected) exact++;
  else misses.push(`| ${word} | ${expected} | ${ours} |`);
}
const rate = ((100 * exact) / sample.size).toFixed(1);
process.stdout.write(
  [
    `Words of ${british ? "gb" : "us"}_gold, seed ${seed}, ${sample.size} drawn: ${exact} exact = **${rate} %**`,
    "",
    ...(misses.length > 0 ? ["| word | gold | ours |", "|---|---|---|", ...misses.slice(0, 20)] : []),
  ].join("\n") + "\n",
);
process.exit(0);
