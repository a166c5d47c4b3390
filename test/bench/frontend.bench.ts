/**
 * Text front-end benchmarks (issue 4). Run with `npm run bench -- frontend`.
 *
 * - lexicon load: `loadLexicon("en-us")` from the built asset, read and parsed anew each run (goal ≤ 50 ms); the
 *   first load in the process is reported on its own row, since it also pays the JIT.
 * - throughput: normalize + segment + G2P + tokenize over a 5,000-word article (fixtures/news-article.ts) in words/s,
 *   with the espeak-ng fallback and without it; in the same run, `phonemizer` alone on the same text the way
 *   kokoro-js uses it (espeak-ng once per punctuation-delimited chunk), and the ratio (goal ≥ 10×).
 * - developer text: the same throughput and ratio over the developer-text corpus (issue 20; every input line of
 *   test/fixtures/normalization/, one paragraph each), where the code, path and markup rules do most work.
 * - text stage alone: normalize + segment (the default token estimate, no G2P) over the article and the developer
 *   corpus, in words/s, so the cost of the normalization rules is visible apart from G2P and espeak-ng.
 * - first segment: a 10-paragraph text → the first segment's token ids (goal ≤ 2 ms).
 *
 * For words/s and the ratio, where more is better, the p95 column is the value 95 % of runs reached.
 *
 * Caches off: every measured run builds a fresh G2P with a fresh fallback, so its word cache starts empty. One
 * untimed pass before measuring loads espeak-ng's WASM module and warms the JIT, as a long-lived daemon would be.
 */
import { performance } from "node:perf_hooks";
import { phonemize } from "phonemizer";
import { loadLexicon, type Lexicon } from "../../daemon/src/g2p/index.js";
import { segmentText } from "../../daemon/src/text/index.js";
import { loadCorpusFile } from "../daemon/text/corpus/developer-corpus.js";
import { NEWS_ARTICLE, NEWS_ARTICLE_PARAGRAPHS } from "./fixtures/news-article.js";
import {
  BENCH_VARIANT,
  freshG2P,
  frontEndTokenCount,
  segmentTokenIds,
  speakSegments,
  withFreshG2P,
} from "./front-end-path.js";
import { summarize, summarizeHigherIsBetter, type BenchRow } from "./stats.js";

const LEXICON_RUNS = 10;
const THROUGHPUT_RUNS = 5;
const FIRST_SEGMENT_RUNS = 30;
const FIRST_SEGMENT_PARAGRAPHS = 10;

/** kokoro-js hands espeak-ng every stretch of text between punctuation marks separately. */
const PUNCTUATION_RUN = /[\s;:,.!?¡¿—…"«»“”(){}[\]]*[;:,.!?¡¿—…"«»“”(){}[\]][\s;:,.!?¡¿—…"«»“”(){}[\]]*/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

async function phonemizeLikeKokoroJs(text: string): Promise<number> {
  let pieces = 0;
  for (const chunk of text.split(PUNCTUATION_RUN)) {
    if (chunk.trim() === "") continue;
    pieces += (await phonemize(chunk, BENCH_VARIANT)).length;
  }
  return pieces;
}

async function lexiconRows(): Promise<BenchRow[]> {
  const loadMs: number[] = [];
  for (let run = 0; run < LEXICON_RUNS; run++) {
    const start = performance.now();
    await loadLexicon(BENCH_VARIANT);
    loadMs.push(performance.now() - start);
  }
  return [
    summarize("lexicon load (en-us), first in process", "ms", loadMs.slice(0, 1), "≤ 50 ms"),
    summarize("lexicon load (en-us), later loads", "ms", loadMs.slice(1), "≤ 50 ms"),
  ];
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function throughputRows(lexicon: Lexicon): Promise<BenchRow[]> {
  const words = wordCount(NEWS_ARTICLE);
  const label = words.toLocaleString("en-US");
  const perSecond = (ms: number): number => words / (ms / 1000);
  // Untimed: loads espeak-ng's WASM module once and lets the JIT settle.
  await withFreshG2P(lexicon, true, (g2p) => frontEndTokenCount(NEWS_ARTICLE, g2p));
  await phonemizeLikeKokoroJs(NEWS_ARTICLE);

  const withFallback: number[] = [];
  const lexiconOnly: number[] = [];
  const phonemizerAlone: number[] = [];
  const speedUp: number[] = [];
  for (let run = 0; run < THROUGHPUT_RUNS; run++) {
    const fresh = freshG2P(lexicon, true);
    const frontEndMs = await timed(() => frontEndTokenCount(NEWS_ARTICLE, fresh.g2p));
    await fresh.close();
    const phonemizerMs = await timed(() => phonemizeLikeKokoroJs(NEWS_ARTICLE));
    const lexiconOnlyG2P = freshG2P(lexicon, false).g2p;
    lexiconOnly.push(perSecond(await timed(() => frontEndTokenCount(NEWS_ARTICLE, lexiconOnlyG2P))));
    withFallback.push(perSecond(frontEndMs));
    phonemizerAlone.push(perSecond(phonemizerMs));
    speedUp.push(phonemizerMs / frontEndMs);
  }
  const fallbackWords = await fallbackWordCount(lexicon);
  return [
    summarizeHigherIsBetter(`front end, ${label}-word article, with espeak fallback`, "words/s", withFallback),
    summarizeHigherIsBetter(`front end, ${label}-word article, lexicon only`, "words/s", lexiconOnly),
    summarizeHigherIsBetter("phonemizer alone, as kokoro-js calls it", "words/s", phonemizerAlone),
    summarizeHigherIsBetter("front end (with fallback) vs phonemizer alone", "×", speedUp, "≥ 10×"),
    summarize("article words only the fallback could pronounce", "words", [fallbackWords]),
  ];
}

/** The developer corpus's inputs as one document, a paragraph per line of the corpus. */
function developerText(): string {
  return [...loadCorpusFile("main"), ...loadCorpusFile("holdout")].map((row) => row.input).join("\n\n");
}

async function developerTextRows(lexicon: Lexicon): Promise<BenchRow[]> {
  const text = developerText();
  const words = wordCount(text);
  const perSecond = (ms: number): number => words / (ms / 1000);
  // Untimed, as above.
  await withFreshG2P(lexicon, true, (g2p) => frontEndTokenCount(text, g2p));
  await phonemizeLikeKokoroJs(text);
  const frontEnd: number[] = [];
  const phonemizerAlone: number[] = [];
  const speedUp: number[] = [];
  for (let run = 0; run < THROUGHPUT_RUNS; run++) {
    const fresh = freshG2P(lexicon, true);
    const frontEndMs = await timed(() => frontEndTokenCount(text, fresh.g2p));
    await fresh.close();
    const phonemizerMs = await timed(() => phonemizeLikeKokoroJs(text));
    frontEnd.push(perSecond(frontEndMs));
    phonemizerAlone.push(perSecond(phonemizerMs));
    speedUp.push(phonemizerMs / frontEndMs);
  }
  const label = `developer corpus (${words.toLocaleString("en-US")} words)`;
  return [
    summarizeHigherIsBetter(`front end, ${label}, with espeak fallback`, "words/s", frontEnd),
    summarizeHigherIsBetter(`phonemizer alone, ${label}`, "words/s", phonemizerAlone),
    summarizeHigherIsBetter("front end (with fallback) vs phonemizer alone, developer corpus", "×", speedUp, "≥ 10×"),
  ];
}

/** Normalize + segment only, as `kokoro-speech segments` runs it. */
function textStageRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [label, text] of [
    ["article", NEWS_ARTICLE],
    ["developer corpus", developerText()],
  ] as const) {
    const words = wordCount(text);
    let spokenChars = 0;
    for (const segment of segmentText(text)) spokenChars += segment.spokenText.length; // untimed warm-up
    const samples: number[] = [];
    for (let run = 0; run < THROUGHPUT_RUNS * 2; run++) {
      const start = performance.now();
      for (const segment of segmentText(text)) spokenChars += segment.spokenText.length;
      samples.push(words / ((performance.now() - start) / 1000));
    }
    if (spokenChars === 0) throw new RangeError("the text stage said nothing");
    rows.push(summarizeHigherIsBetter(`text stage alone (normalize + segment), ${label}`, "words/s", samples));
  }
  return rows;
}

function fallbackWordCount(lexicon: Lexicon): Promise<number> {
  return withFreshG2P(lexicon, true, async (g2p) => {
    let count = 0;
    for (const segment of speakSegments(NEWS_ARTICLE, g2p)) {
      count += (await g2p.phonemize(segment.spokenText, BENCH_VARIANT)).fallbackWords.length;
    }
    return count;
  });
}

async function firstSegmentRows(lexicon: Lexicon): Promise<BenchRow[]> {
  const text = NEWS_ARTICLE_PARAGRAPHS.slice(0, FIRST_SEGMENT_PARAGRAPHS).join("\n\n");
  const samples: number[] = [];
  for (let run = 0; run < FIRST_SEGMENT_RUNS; run++) {
    const { g2p, close } = freshG2P(lexicon, true);
    const start = performance.now();
    const [first] = speakSegments(text, g2p);
    if (first === undefined) throw new RangeError("the text has no segment");
    await segmentTokenIds(first, g2p);
    samples.push(performance.now() - start);
    await close();
  }
  return [summarize(`first segment's tokens, ${FIRST_SEGMENT_PARAGRAPHS}-paragraph text`, "ms", samples, "≤ 2 ms")];
}

export async function runFrontEndBenchmarks(): Promise<BenchRow[]> {
  const rows = await lexiconRows();
  const lexicon = await loadLexicon(BENCH_VARIANT);
  rows.push(...(await throughputRows(lexicon)));
  rows.push(...(await developerTextRows(lexicon)));
  rows.push(...textStageRows());
  rows.push(...(await firstSegmentRows(lexicon)));
  return rows;
}
