/**
 * G2P evaluation for docs/g2p.md. Run after `npm run build` with `node --import tsx test/bench/g2p-accuracy.ts`.
 *
 * 1. Hand-checked list (g2p-hand-checked.ts): 258 common words written in Misaki's convention, resolved
 *    mid-sentence before a consonant; exact match (stress included) and match ignoring stress.
 * 2. CMUdict hold-out: a seeded random slice of common CMUdict words (lowercase, 4–10 letters, with both an -s
 *    form and an -ed or -ing form in CMUdict) is removed from the lexicon; G2P must then resolve each through the
 *    inflection rules or the espeak-ng fallback. Reference: the word's own CMUdict entry in our convention.
 *
 * Speed (lexicon load, front-end throughput against `phonemizer` alone) is the `frontend` benchmark suite:
 * `npm run bench -- frontend`.
 */
import { dictionary } from "cmu-pronouncing-dictionary";
import { arpabetToMisaki } from "../../daemon/src/g2p/arpabet-to-misaki.js";
import { compileLexicon } from "../../daemon/src/g2p/build/compile-lexicon.js";
import { createEspeakFallback } from "../../daemon/src/g2p/espeak-fallback.js";
import { createG2P } from "../../daemon/src/g2p/g2p.js";
import { parseLexicon, serializeLexicon } from "../../daemon/src/g2p/lexicon.js";
import { resolveWord } from "../../daemon/src/g2p/resolve-word.js";
import { HAND_CHECKED_US } from "./g2p-hand-checked.js";
import { seededRandom } from "../helpers/seeded-random.js";

const HOLDOUT_SIZE = 400;
const SEED = 20_251_125;

function withoutStress(phonemes: string): string {
  return phonemes.replace(/[ˈˌ]/g, "");
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

function evaluateHandChecked(): void {
  const lexicon = parseLexicon(serializeLexicon(compileLexicon(dictionary, "en-us")), "en-us");
  const misses: string[] = [];
  let exact = 0;
  let loose = 0;
  for (const [word, expected] of HAND_CHECKED_US) {
    const got = resolveWord(word, { nextWord: "cat", nextPhonemes: "kˈæt" }, lexicon)?.phonemes ?? "";
    if (got === expected) exact++;
    else misses.push(`${word}: ${got} (expected ${expected})`);
    if (withoutStress(got) === withoutStress(expected)) loose++;
  }
  const total = HAND_CHECKED_US.length;
  process.stdout.write(`## Hand-checked common words (${total})\n\n`);
  process.stdout.write(`exact (stress included): ${exact}/${total} = ${percent(exact, total)}\n`);
  process.stdout.write(`ignoring stress: ${loose}/${total} = ${percent(loose, total)}\n\nmisses:\n`);
  for (const miss of misses) process.stdout.write(`- ${miss}\n`);
}

function pickHoldout(): string[] {
  const candidates = Object.keys(dictionary).filter(
    (word) =>
      /^[a-z]{4,10}$/.test(word) &&
      `${word}s` in dictionary &&
      (`${word}ed` in dictionary || `${word}ing` in dictionary || `${word}d` in dictionary),
  );
  const random = seededRandom(SEED);
  const picked = new Set<string>();
  while (picked.size < HOLDOUT_SIZE) picked.add(candidates[Math.floor(random() * candidates.length)] as string);
  // Half the slice is the inflected forms, so both the rules and the fallback are exercised.
  return [...picked].map((word, index) => (index % 2 === 0 ? word : `${word}s`));
}

async function evaluateHoldout(): Promise<void> {
  const heldOut = pickHoldout();
  const removed = new Set(heldOut);
  const reduced = Object.fromEntries(
    Object.entries(dictionary).filter(([key]) => !removed.has(key.replace(/\(\d+\)$/, ""))),
  );
  const lexicon = parseLexicon(serializeLexicon(compileLexicon(reduced, "en-us")), "en-us");
  const g2p = createG2P({ lexicons: { "en-us": lexicon }, fallback: createEspeakFallback() });
  const byPath = { rules: { total: 0, exact: 0, loose: 0 }, fallback: { total: 0, exact: 0, loose: 0 } };
  for (const word of heldOut) {
    const expected = arpabetToMisaki(dictionary[word] as string, "en-us", word).replaceAll("ɾ", "T");
    const result = await g2p.phonemize(word, "en-us");
    const path = result.fallbackWords.length > 0 ? byPath.fallback : byPath.rules;
    path.total++;
    if (result.phonemes === expected) path.exact++;
    if (withoutStress(result.phonemes) === withoutStress(expected)) path.loose++;
  }
  const exact = byPath.rules.exact + byPath.fallback.exact;
  const loose = byPath.rules.loose + byPath.fallback.loose;
  process.stdout.write(`\n## CMUdict hold-out (${heldOut.length} words, seed ${SEED})\n\n`);
  process.stdout.write(
    `exact: ${percent(exact, heldOut.length)}; ignoring stress: ${percent(loose, heldOut.length)}\n`,
  );
  for (const [name, path] of Object.entries(byPath)) {
    process.stdout.write(
      `- via ${name}: ${path.total} words, exact ${percent(path.exact, path.total)}, ` +
        `ignoring stress ${percent(path.loose, path.total)}\n`,
    );
  }
}

evaluateHandChecked();
await evaluateHoldout();
