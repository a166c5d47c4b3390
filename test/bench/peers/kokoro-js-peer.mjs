/**
 * kokoro-js@1.2.1 as the benchmark peer (`npm run bench -- real`): transformers.js offline (allowRemoteModels false,
 * localModelPath) on the onnx-community layout that onnx_community_layout.py made from the same int8 weights; dtype
 * "q8" picks `onnx/model_quantized.onnx` by file name. Voice packs come from the kokoro-js package itself (the same
 * files as ours). kokoro-js and transformers.js are installed in the test cache, never in the repository; both are
 * loaded through one `require` rooted there (their CommonJS builds) so that the `env` set here is the one kokoro-js uses.
 *
 * argv: <cache>/kokoro-js (its node_modules), the models folder; stdin: {"voice", "text", "runs", "totalRuns"}. One fresh process
 * per paragraph. TTFA = `stream(text)` called → first chunk (kokoro-js streams sentence by sentence); total =
 * `generate(text)`; RSS = this process's. Prints one JSON object.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

async function main() {
  const [peerDir, modelsDir] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(0, "utf8"));
  const load = createRequire(join(peerDir, "package.json"));
  const { env } = load("@huggingface/transformers");
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  env.useBrowserCache = false;
  env.useFSCache = false;
  const { KokoroTTS } = load("kokoro-js");
  const loadStart = performance.now();
  const tts = await KokoroTTS.from_pretrained("onnx-community/Kokoro-82M-v1.0-ONNX", { dtype: "q8", device: "cpu" });
  const loadMs = performance.now() - loadStart;
  const idleRssBytes = process.memoryUsage().rss;

  async function firstChunkMs() {
    const start = performance.now();
    for await (const _chunk of tts.stream(input.text, { voice: input.voice })) return performance.now() - start;
    throw new Error("kokoro-js streamed nothing");
  }
  // The whole paragraph in one `generate` (one inference; the paragraphs stay under its 510-token limit): kokoro-js
  // 1.2.1's `stream` of a string never yields its last sentence (the splitter keeps it and the generator waits).
  async function wholeRender() {
    const start = performance.now();
    const audio = await tts.generate(input.text, { voice: input.voice });
    return { ms: performance.now() - start, seconds: audio.audio.length / 24_000 };
  }

  const firstTtfaMs = await firstChunkMs();
  const warmTtfaMs = [];
  for (let run = 0; run < input.runs; run++) warmTtfaMs.push(await firstChunkMs());
  const totalMs = [];
  let audioSeconds = 0;
  for (let run = 0; run < input.totalRuns; run++) {
    const whole = await wholeRender();
    totalMs.push(whole.ms);
    audioSeconds = whole.seconds;
  }
  process.stdout.write(
    JSON.stringify({
      loadMs,
      idleRssBytes,
      speakingRssBytes: process.memoryUsage().rss,
      firstTtfaMs,
      warmTtfaMs,
      totalMs,
      audioSeconds,
    }) + "\n",
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`kokoro-js-peer: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
