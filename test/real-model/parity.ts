/**
 * Engine parity with the Python reference: the same phoneme strings, voice (or blend) and speed go to kokoro-onnx
 * (`reference_engine.py`, in the test cache's venv) and to our `KokoroEngine`, on the same model file and voice
 * packs; the waveforms are compared. Run alone with `node --import tsx test/real-model/parity.ts` (prints a table,
 * exit 1 if a case misses), and as part of `npm run test:real` when the venv exists (parity.test.ts).
 *
 * The 510-token case: our engine gets the whole paragraph and splits it itself; kokoro-onnx renders the pieces our
 * splitter made, one inference each, exactly as given (its own splitter balances pieces differently and strips the
 * space after a sentence end that our first piece keeps, so its whole-paragraph render has other cut points and
 * cannot match sample for sample). Equal audio then means our split and join lose and add nothing.
 */
import { runWithJsonInput } from "../helpers/json-child.js";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { KokoroEngine, VoiceStore } from "../../daemon/src/engine/index.js";
import { parseVoiceSpec } from "../../daemon/src/engine/voice-spec.js";
import { splitPhonemesByTokenLimit } from "../../daemon/src/engine/token-split.js";
import { correlation, s16leToFloats } from "./audio-measures.js";
import { exists, locateFixture, referenceVenvPython } from "./fixture-paths.js";
import { LONG_PARAGRAPH_PHONEMES, SENTENCE_PHONEMES } from "./phoneme-texts.js";

/** One model frame: the decoder emits 600 samples (25 ms) per predicted duration step. */
export const FRAME_SAMPLES = 600;
export const MIN_CORRELATION = 0.99;

export interface ParityCase {
  readonly id: string;
  /** Phonemes our engine receives as one request. */
  readonly phonemes: string;
  /** What kokoro-onnx receives: one call per string, joined. */
  readonly referencePhonemes: readonly string[];
  readonly voice: string;
  readonly speed: number;
}

export interface ParityResult extends ParityCase {
  readonly ourSamples: number;
  readonly referenceSamples: number;
  readonly correlation: number;
  readonly pieces: number;
  readonly referenceBatches: number;
}

const whole = LONG_PARAGRAPH_PHONEMES.join(" ");

export const PARITY_CASES: readonly ParityCase[] = [
  ...["af_heart", "am_adam", "bf_emma", "bm_george"].map((voice) => ({
    id: `sentence-${voice}`,
    phonemes: SENTENCE_PHONEMES,
    referencePhonemes: [SENTENCE_PHONEMES],
    voice,
    speed: 1,
  })),
  ...[0.5, 1.3, 2].map((speed) => ({
    id: `sentence-speed-${speed}`,
    phonemes: SENTENCE_PHONEMES,
    referencePhonemes: [SENTENCE_PHONEMES],
    voice: "af_bella",
    speed,
  })),
  {
    id: "blend",
    phonemes: SENTENCE_PHONEMES,
    referencePhonemes: [SENTENCE_PHONEMES],
    voice: "af_heart:0.6+am_michael:0.4",
    speed: 1,
  },
  {
    id: "split-510",
    phonemes: whole,
    referencePhonemes: splitPhonemesByTokenLimit(whole),
    voice: "af_heart",
    speed: 1,
  },
];

export function isParityMet(result: ParityResult): boolean {
  return (
    Math.abs(result.ourSamples - result.referenceSamples) <= FRAME_SAMPLES && result.correlation >= MIN_CORRELATION
  );
}

/** The venv's python, or undefined when `fetch:real-model -- --venv` was not run. */
export async function referencePython(): Promise<string | undefined> {
  const python = referenceVenvPython();
  return (await exists(python)) ? python : undefined;
}

async function renderReference(
  python: string,
  modelPath: string,
  voicesDir: string,
  cases: readonly ParityCase[],
  outDir: string,
): Promise<Map<string, { samples: Float32Array; batches: number }>> {
  const script = fileURLToPath(new URL("reference_engine.py", import.meta.url));
  const jobs = cases.map((c) => ({
    id: c.id,
    phonemes: c.referencePhonemes,
    voice: parseVoiceSpec(c.voice).components.map((component) => [component.name, component.weight]),
    speed: c.speed,
  }));
  const stdout = await runWithJsonInput(
    python,
    [script],
    { model: modelPath, voices: voicesDir, out: outDir, jobs },
    { label: "reference_engine.py", timeoutMs: 3_600_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const results = new Map<string, { samples: Float32Array; batches: number }>();
  for (const line of stdout.trim().split("\n")) {
    const { id, batches } = JSON.parse(line) as { id: string; batches: number };
    const bytes = await readFile(join(outDir, `${id}.f32`));
    results.set(id, { samples: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), batches });
  }
  return results;
}

export async function runParity(python: string, cases: readonly ParityCase[] = PARITY_CASES): Promise<ParityResult[]> {
  const fixture = await locateFixture();
  if (fixture.state !== "present") throw new Error(`no verified real model: ${JSON.stringify(fixture)}`);
  const outDir = await mkdtemp(join(tmpdir(), "kokoro-parity-"));
  const engine = new KokoroEngine({ voices: await VoiceStore.open(fixture.voicesDir) });
  try {
    const reference = await renderReference(python, fixture.modelPath, fixture.voicesDir, cases, outDir);
    await engine.load({ modelPath: fixture.modelPath });
    const results: ParityResult[] = [];
    for (const parityCase of cases) {
      const ours = await engine.synthesize(parityCase);
      const theirs = reference.get(parityCase.id);
      if (!theirs) throw new Error(`the reference rendered no ${parityCase.id}`);
      const samples = s16leToFloats(ours.pcm);
      results.push({
        ...parityCase,
        ourSamples: ours.samples,
        referenceSamples: theirs.samples.length,
        correlation: correlation(samples, theirs.samples),
        pieces: ours.pieces,
        referenceBatches: theirs.batches,
      });
    }
    return results;
  } finally {
    await engine.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

export function parityTable(results: readonly ParityResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.id} | \`${r.voice}\` | ${r.speed} | ${r.pieces} / ${r.referenceBatches} | ${r.ourSamples} | ` +
      `${r.referenceSamples} | ${r.ourSamples - r.referenceSamples} | ${r.correlation.toFixed(4)} | ` +
      `${isParityMet(r) ? "yes" : "**no**"} |`,
  );
  return [
    "| case | voice | speed | inferences ours / kokoro-onnx's splitter | samples ours | samples kokoro-onnx | Δ | correlation | met |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Optional case ids as arguments run only those cases.
  const only = process.argv.slice(2);
  const cases = only.length > 0 ? PARITY_CASES.filter((c) => only.includes(c.id)) : PARITY_CASES;
  const python = await referencePython();
  if (!python) {
    process.stderr.write(`parity: no venv at ${referenceVenvPython()} (npm run fetch:real-model -- --venv)\n`);
    process.exit(1);
  }
  const results = await runParity(python, cases);
  process.stdout.write(`${parityTable(results)}\n`);
  process.exit(results.every(isParityMet) ? 0 : 1);
}
