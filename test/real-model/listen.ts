/**
 * A listening proxy, since no one can listen here: speaks the three benchmark paragraphs with the real model along
 * the product's own path (segmentation with G2P token counts → Misaki G2P → engine), writes each as a WAV into
 * `<test cache>/listen/` (never into the repository), and prints per segment what makes garbling visible: voiced
 * duration (edge silence excluded) per phoneme symbol, inner silences over 400 ms, clipped samples and the voiced level.
 *
 * Usage: `node --import tsx test/real-model/listen.ts [voice]` (default af_heart). Exit 1 if a segment falls outside
 * the plausible ranges below.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { KokoroEngine, VoiceStore } from "../../daemon/src/engine/index.js";
import { loadLexicon } from "../../daemon/src/g2p/index.js";
import { SPEAK_PARAGRAPHS } from "../bench/fixtures/speak-paragraphs.js";
import { BENCH_VARIANT, freshG2P, speakSegments } from "../bench/front-end-path.js";
import { measure, s16leToFloats, toWav } from "./audio-measures.js";
import { locateFixture, testCacheDir } from "./fixture-paths.js";
import { symbolCount } from "./phoneme-texts.js";

const PAUSE_MS = 400;
/** Plausible speaking rate per phoneme symbol at speed 1 (see engine.test.ts). */
const MIN_MS_PER_SYMBOL = 35;
const MAX_MS_PER_SYMBOL = 120;

const voice = process.argv[2] ?? "af_heart";
const fixture = await locateFixture();
if (fixture.state !== "present") {
  process.stderr.write(`listen: no verified real model (${fixture.state}); npm run fetch:real-model\n`);
  process.exit(1);
}
const outDir = join(testCacheDir(), "listen");
await mkdir(outDir, { recursive: true });
const engine = new KokoroEngine({ voices: await VoiceStore.open(fixture.voicesDir) });
await engine.load({ modelPath: fixture.modelPath });
const { g2p, close: closeG2P } = freshG2P(await loadLexicon(BENCH_VARIANT), true);
let implausible = 0;
for (const paragraph of SPEAK_PARAGRAPHS) {
  const pieces: Float32Array[] = [];
  process.stdout.write(`\n## ${paragraph.name} (${voice})\n`);
  process.stdout.write("| # | text | symbols | s | ms/symbol | pauses > 400 ms | clipped | voiced dBFS |\n");
  process.stdout.write("|---:|---|---:|---:|---:|---|---:|---:|\n");
  let index = 0;
  for (const segment of speakSegments(paragraph.text, g2p)) {
    const { phonemes } = await g2p.phonemize(segment.spokenText, BENCH_VARIANT);
    const result = await engine.synthesize({ phonemes, voice, speed: 1 });
    const samples = s16leToFloats(result.pcm);
    pieces.push(samples);
    const m = measure(samples, PAUSE_MS);
    const symbols = symbolCount(phonemes);
    // The voiced span: the model's edge silence is about the same for every segment and would swamp a short one.
    const msPerSymbol = (m.voicedSpanSeconds * 1000) / symbols;
    const ok = msPerSymbol >= MIN_MS_PER_SYMBOL && msPerSymbol <= MAX_MS_PER_SYMBOL && m.clippedSamples === 0;
    if (!ok) implausible++;
    const pauses = m.pauses.map(([at, ms]) => `${ms} ms at ${at.toFixed(2)} s`).join(", ") || "none";
    const text = segment.spokenText.length > 60 ? `${segment.spokenText.slice(0, 57)}...` : segment.spokenText;
    process.stdout.write(
      `| ${index++} | ${text.replaceAll("|", "\\|")} | ${symbols} | ${m.seconds.toFixed(2)} | ` +
        `${msPerSymbol.toFixed(0)}${ok ? "" : " **!**"} | ${pauses} | ${m.clippedSamples} | ${m.voicedDbfs.toFixed(1)} |\n`,
    );
  }
  const total = new Float32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    total.set(piece, offset);
    offset += piece.length;
  }
  const path = join(outDir, `${paragraph.name}-${voice}.wav`);
  await writeFile(path, toWav(total));
  process.stdout.write(`\nwrote ${path} (${(total.length / 24_000).toFixed(1)} s)\n`);
}
await engine.close();
await closeG2P();
process.exit(implausible === 0 ? 0 : 1);
