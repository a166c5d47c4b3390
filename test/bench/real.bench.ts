/**
 * Real-model benchmarks (issue 13): `npm run bench -- real`, with the Kokoro-82M int8 weights and kokoro-js voice
 * packs from the test cache (`npm run fetch:real-model -- --venv`). Our daemon and the peer kokoro-onnx (Python, the
 * cache's venv) in the same run, on the same model file, voice pack and texts (the three paragraphs of
 * fixtures/speak-paragraphs.ts).
 *
 * - Ours: a fresh daemon per paragraph (null sink: nothing plays, the player still paces by its clock). TTFA is
 *   `speak` sent → first chunk frame received (`sendAudio`), for the first request after the model is ready, then
 *   warm (the same paragraph again; espeak-ng's word cache is then warm too). Total time: the paragraph rendered
 *   through `POST /v1/audio/speech` (`pcm`), request → last byte; RTF = total ÷ audio length. RSS from `status`: the
 *   daemon's own plus its helper process's (the espeak-ng G2P host), after ready (idle) and after speaking.
 * - kokoro-onnx: a fresh Python process per paragraph (peers/kokoro_onnx_peer.py): TTFA = `create_stream` called →
 *   its first chunk; total = `create`; RSS = the process's VmRSS.
 * - kokoro-js@1.2.1: a fresh Node process per paragraph (peers/kokoro-js-peer.mjs), transformers.js offline on the
 *   same int8 weights in the onnx-community layout (`fetch-model.ts --peers`): TTFA = `stream` called → first chunk;
 *   total = `generate`; RSS = the process's.
 */
import { runWithJsonInput } from "../helpers/json-child.js";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import {
  exists,
  kokoroJsModelsDir,
  kokoroJsPeerDir,
  locateFixture,
  referenceVenvPython,
} from "../real-model/fixture-paths.js";
import { SPEAK_PARAGRAPHS } from "./fixtures/speak-paragraphs.js";
import { startModelDaemon, stopModelDaemon, timeToFirstChunkMs, type ModelDaemon } from "./model-daemon.js";
import { absentRow, summarize, type BenchRow } from "./stats.js";

const VOICE = "af_heart";
/** Few: on the shared 2-core machine one real paragraph takes tens of seconds per engine. */
const WARM_RUNS = 2;
/** Whole-paragraph renders per engine and paragraph (the longest measurement). */
const TOTAL_RUNS = 1;
const MB = 1024 * 1024;

interface Measured {
  firstTtfaMs: number;
  warmTtfaMs: number[];
  totalMs: number[];
  audioSeconds: number;
  idleRssMb: number;
  speakingRssMb: number;
}

async function renderMs(running: ModelDaemon, text: string): Promise<{ ms: number; seconds: number }> {
  const start = performance.now();
  const response = await fetch(`http://127.0.0.1:${running.daemon.port}/v1/audio/speech`, {
    method: "POST",
    headers: { authorization: `Bearer ${running.daemon.token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "kokoro", voice: VOICE, input: text, response_format: "pcm" }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - start, seconds: bytes / 2 / SAMPLE_RATE_HZ };
}

async function rssMb(running: ModelDaemon): Promise<number> {
  const { memory } = await running.client.status();
  return (memory.rssBytes + memory.helperRssBytes) / MB;
}

async function measureOurs(modelPath: string, voicesPath: string, text: string): Promise<Measured> {
  const running = await startModelDaemon({ modelPath, voicesPath, voice: VOICE });
  try {
    const idleRssMb = await rssMb(running);
    const firstTtfaMs = await timeToFirstChunkMs(running.client, text, VOICE);
    const warmTtfaMs: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) warmTtfaMs.push(await timeToFirstChunkMs(running.client, text, VOICE));
    const totalMs: number[] = [];
    let audioSeconds = 0;
    for (let run = 0; run < TOTAL_RUNS; run++) {
      const render = await renderMs(running, text);
      totalMs.push(render.ms);
      audioSeconds = render.seconds;
    }
    return { firstTtfaMs, warmTtfaMs, totalMs, audioSeconds, idleRssMb, speakingRssMb: await rssMb(running) };
  } finally {
    await stopModelDaemon(running);
  }
}

/** Runs a peer process with `input` as JSON on stdin and reads its one JSON line of measurements. */
async function runPeer(command: string, args: string[], input: object): Promise<Measured> {
  const stdout = await runWithJsonInput(command, args, input, {
    label: args[0] ?? command,
    timeoutMs: 1_800_000,
    maxBuffer: 1024 * 1024,
  });
  const peer = JSON.parse(stdout) as Omit<Measured, "idleRssMb" | "speakingRssMb"> & {
    idleRssBytes: number;
    speakingRssBytes: number;
  };
  return { ...peer, idleRssMb: peer.idleRssBytes / MB, speakingRssMb: peer.speakingRssBytes / MB };
}

async function measureKokoroOnnx(
  python: string,
  modelPath: string,
  voicesPath: string,
  text: string,
): Promise<Measured> {
  const script = fileURLToPath(new URL("peers/kokoro_onnx_peer.py", import.meta.url));
  const tmp = await mkdtemp(join(tmpdir(), "kokoro-peer-"));
  try {
    return await runPeer(python, [script], {
      model: modelPath,
      voices: voicesPath,
      voice: VOICE,
      text,
      runs: WARM_RUNS,
      totalRuns: TOTAL_RUNS,
      tmp,
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function measureKokoroJs(text: string): Promise<Measured> {
  const script = fileURLToPath(new URL("peers/kokoro-js-peer.mjs", import.meta.url));
  return runPeer(process.execPath, [script, kokoroJsPeerDir(), kokoroJsModelsDir()], {
    voice: VOICE,
    text,
    runs: WARM_RUNS,
    totalRuns: TOTAL_RUNS,
  });
}

function rowsFor(who: string, paragraph: string, m: Measured, goals: { ttfa?: string; rtf?: string } = {}): BenchRow[] {
  return [
    summarize(`${who}: TTFA, first request after ready, ${paragraph}`, "ms", [m.firstTtfaMs], goals.ttfa),
    summarize(`${who}: TTFA warm, ${paragraph}`, "ms", m.warmTtfaMs, goals.ttfa),
    summarize(`${who}: total time, ${paragraph} (${m.audioSeconds.toFixed(1)} s of audio)`, "ms", m.totalMs),
    summarize(
      `${who}: RTF, ${paragraph}`,
      "×",
      m.totalMs.map((ms) => ms / 1000 / m.audioSeconds),
      goals.rtf,
    ),
  ];
}

export async function runRealBenchmarks(): Promise<BenchRow[]> {
  const fixture = await locateFixture();
  if (fixture.state !== "present") {
    return [absentRow("real model", fixture.state === "corrupt" ? fixture.reason : "not fetched (fetch:real-model)")];
  }
  const python = referenceVenvPython();
  const peers: { name: string; measure: (text: string) => Promise<Measured> }[] = [];
  if (await exists(python)) {
    peers.push({
      name: "kokoro-onnx",
      measure: (text) => measureKokoroOnnx(python, fixture.modelPath, fixture.voicesDir, text),
    });
  }
  if (await exists(join(kokoroJsModelsDir(), "onnx-community")))
    peers.push({ name: "kokoro-js", measure: measureKokoroJs });
  const rows: BenchRow[] = [];
  const idle = new Map<string, number[]>();
  const speaking = new Map<string, number[]>();
  const record = (who: string, m: Measured): void => {
    idle.set(who, [...(idle.get(who) ?? []), m.idleRssMb]);
    speaking.set(who, [...(speaking.get(who) ?? []), m.speakingRssMb]);
  };
  for (const paragraph of SPEAK_PARAGRAPHS) {
    const ours = await measureOurs(fixture.modelPath, fixture.voicesDir, paragraph.text);
    record("ours", ours);
    const measured: [string, Measured][] = [];
    for (const peer of peers) {
      const m = await peer.measure(paragraph.text);
      record(peer.name, m);
      measured.push([peer.name, m]);
    }
    const fastestPeerTtfa = Math.min(...measured.map(([, m]) => Math.min(...m.warmTtfaMs)));
    const onnxRtf = measured.find(([name]) => name === "kokoro-onnx")?.[1];
    rows.push(
      ...rowsFor("ours", paragraph.name, ours, {
        ...(measured.length > 0
          ? { ttfa: `≤ 0.35 × fastest peer (warm) = ${(0.35 * fastestPeerTtfa).toFixed(0)} ms` }
          : {}),
        ...(onnxRtf
          ? {
              rtf: `≤ 1.1 × kokoro-onnx = ${((1.1 * Math.min(...onnxRtf.totalMs)) / 1000 / onnxRtf.audioSeconds).toFixed(2)}`,
            }
          : {}),
      }),
      ...measured.flatMap(([name, m]) => rowsFor(name, paragraph.name, m)),
    );
  }
  if (!peers.some((peer) => peer.name === "kokoro-onnx")) rows.push(absentRow("kokoro-onnx", `no venv at ${python}`));
  if (!peers.some((peer) => peer.name === "kokoro-js")) rows.push(absentRow("kokoro-js", "not prepared (--peers)"));
  const modelMb = (await stat(fixture.modelPath)).size / MB;
  const rssGoal = `≤ ${modelMb.toFixed(0)} + 150 = ${(modelMb + 150).toFixed(0)} MB, below the peers`;
  rows.push(
    summarize("ours: RSS after ready (daemon + helper)", "MB", idle.get("ours") ?? [], rssGoal),
    summarize("ours: RSS after speaking (daemon + helper)", "MB", speaking.get("ours") ?? [], rssGoal),
  );
  for (const peer of peers) {
    rows.push(
      summarize(`${peer.name}: RSS after load`, "MB", idle.get(peer.name) ?? []),
      summarize(`${peer.name}: RSS after speaking`, "MB", speaking.get(peer.name) ?? []),
    );
  }
  return rows;
}
