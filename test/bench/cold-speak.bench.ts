/**
 * The first Speak after the daemon starts (issue 21). Run with `npm run bench -- cold-speak`. No daemon runs; the
 * command starts one, as after a login, a restart or an idle exit. Measured from the command's start to the first
 * byte ALSA writes into the capture file (the real `speaker` addon playing to a `file` PCM, see test/helpers/alsa.ts),
 * on this process's clock:
 *
 * - CLI: `kokoro-speech speak "<text>"` spawned (Node's own start included, as a user typing it meets it);
 * - extension: the Speak Selected Text command run in a Node process with the `@raycast/api` mock, counted from the
 *   moment the command is called (its module is already imported: Raycast loads the bundle first; what Raycast's own
 *   launch adds is for a Mac to measure).
 *
 * Each with the fallback voice (no model installed), a stand-in of the real file's size (21 distinct layers, about
 * 92 MB, given by `KOKORO_SPEECH_MODEL_PATH`), and the real int8 weights when the test fixture is present (as the
 * daemon installs them: known size, so verified by sha256 at start).
 *
 * Where the time went comes from the daemon's "first speech timeline" log line (daemon/src/telemetry/
 * startup-timeline.ts), lined up with this clock through the daemon process's start time; the total never does.
 * Caches off: every run has a new HOME, state and data folder and a new daemon; the files are in the OS file cache
 * after the first run (dropping it needs privileges this machine's runs do not have), which a first run after boot
 * also pays.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { DEFAULT_VOICE, DEVICE_LEAD_MS, readDiscovery, STATE_FILES } from "@kokoro-speech/protocol";
import { waitForExit } from "../../raycast/src/lib/process-info.js";
import {
  STARTUP_MARKS,
  STARTUP_TIMELINE_MESSAGE,
  type StartupMark,
  type StartupTimeline,
} from "../../daemon/src/telemetry/startup-timeline.js";
import { writeCalibratedModel, CALIBRATED_VOICE, measureMsPerToken } from "../fixtures/calibrated-model.js";
import { writeVoiceBin } from "../fixtures/stand-in-model.js";
import { createAlsaCapture } from "../helpers/alsa.js";
import { CLI_PATH, REPO_ROOT } from "../helpers/daemon-process.js";
import { locateFixture } from "../real-model/fixture-paths.js";
import { absentRow, summarize, type BenchRow } from "./stats.js";

const RUNS = Number(process.env.KOKORO_BENCH_COLD_RUNS ?? 5);
/** Which variants run: a comma-separated list of `fallback`, `stand-in`, `real` (all by default). */
const ONLY = process.env.KOKORO_BENCH_COLD_VARIANTS?.split(",").map((name) => name.trim());
/** A selection of two sentences: the first is what must be heard within the goal. */
const TEXT = "Kokoro Speech reads the text you select aloud. It should start the moment you ask.";
const REAL_SIZE_LAYERS = 21;
const FIRST_BYTE_TIMEOUT_MS = 60_000;
const POLL_MS = 2;
const EXTENSION_COMMAND = fileURLToPath(new URL("./cold-speak/extension-speak-command.ts", import.meta.url));
const MOCK_HOOKS = fileURLToPath(new URL("./cold-speak/raycast-mock-hooks.mjs", import.meta.url));
const CAPTURE_LAG = fileURLToPath(new URL("./cold-speak/capture-lag.mjs", import.meta.url));
const CAPTURE_LAG_RUNS = 5;

/**
 * How late the capture file gets its first byte when a player feeds the real addon at the daemon's lead (see
 * cold-speak/capture-lag.mjs): measured here without the daemon, so the rows can also say when a sound card would
 * have started, which the capture cannot show.
 */
async function measureCaptureLagMs(): Promise<number[]> {
  const lags: number[] = [];
  for (let attempt = 0; attempt < CAPTURE_LAG_RUNS; attempt++) {
    const capture = await createAlsaCapture();
    try {
      const { stdout, code } = await run([CAPTURE_LAG, capture.capturePath, String(DEVICE_LEAD_MS)], capture.env)
        .exited;
      const { lagMs } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { lagMs?: number | null };
      if (code !== 0 || typeof lagMs !== "number") throw new Error(`capture-lag run failed (${code}): ${stdout}`);
      lags.push(lagMs);
    } finally {
      await capture.cleanup();
    }
  }
  return lags;
}

type Path = "CLI" | "extension";

interface Variant {
  readonly name: string;
  /** Its name in KOKORO_BENCH_COLD_VARIANTS. */
  readonly key: "fallback" | "stand-in" | "real";
  /** What the daemon is given: a model through the environment, or nothing (fallback voice). */
  readonly env: Record<string, string>;
  /** The voice both commands ask for (the CLI's `--voice`, the extension's Voice preference). */
  readonly voice: string;
  readonly goal: string;
}

interface ColdRun {
  readonly totalMs: number;
  /** Each timeline mark, and the daemon process's start, in ms from the command's start. */
  readonly phasesMs: Partial<Record<StartupMark | "daemonProcessStarted", number>>;
  readonly details: Record<string, number>;
}

function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

interface Started {
  /** The command's start, Unix ms on this process's clock. */
  readonly startedAtMs: Promise<number>;
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Started & { spawnedAtMs: number } {
  const spawnedAtMs = nowMs();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let onLine: (line: string) => void = () => {};
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    for (const line of text.split("\n")) if (line.trim() !== "") onLine(line);
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("close", (code) => resolve({ code, stdout, stderr })),
  );
  const startedAtMs = new Promise<number>((resolve, reject) => {
    onLine = (line) => {
      const parsed = JSON.parse(line) as { commandStartedAtMs?: number };
      if (parsed.commandStartedAtMs !== undefined) resolve(parsed.commandStartedAtMs);
    };
    void exited.then(({ code }) => reject(new Error(`the command exited (${code}) before it started`)));
  });
  // The CLI's start is its spawn: this promise is then never awaited, and its rejection must not go unhandled.
  startedAtMs.catch(() => undefined);
  return { spawnedAtMs, startedAtMs, exited };
}

function startCommand(path: Path, env: NodeJS.ProcessEnv, voice: string): Started {
  if (path === "CLI") {
    const started = run([CLI_PATH, "speak", "--voice", voice, TEXT], env);
    return { startedAtMs: Promise.resolve(started.spawnedAtMs), exited: started.exited };
  }
  return run(["--import", "tsx", "--import", MOCK_HOOKS, EXTENSION_COMMAND], {
    ...env,
    KOKORO_BENCH_TEXT: TEXT,
    KOKORO_BENCH_DAEMON_SCRIPT: CLI_PATH,
    KOKORO_BENCH_VOICE: voice,
  });
}

/** The time (Unix ms) at which the capture file first holds a byte. */
async function firstCapturedByteAtMs(capturePath: string): Promise<number> {
  const deadline = nowMs() + FIRST_BYTE_TIMEOUT_MS;
  while (nowMs() < deadline) {
    const size = await stat(capturePath).then(
      (stats) => stats.size,
      () => 0,
    );
    if (size > 0) return nowMs();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`nothing reached the device within ${FIRST_BYTE_TIMEOUT_MS} ms`);
}

async function readTimeline(stateDir: string): Promise<StartupTimeline> {
  const log = await readFile(join(stateDir, STATE_FILES.log), "utf8");
  for (const line of log.split("\n")) {
    if (!line.includes(STARTUP_TIMELINE_MESSAGE)) continue;
    const entry = JSON.parse(line) as StartupTimeline & { msg: string };
    if (entry.msg === STARTUP_TIMELINE_MESSAGE) return entry;
  }
  throw new Error(`the daemon logged no "${STARTUP_TIMELINE_MESSAGE}":\n${log.slice(-2_000)}`);
}

async function stopDaemon(stateDir: string): Promise<void> {
  const discovery = await readDiscovery(stateDir);
  if (!discovery) return;
  process.kill(discovery.pid, "SIGTERM");
  if (!(await waitForExit(discovery.pid, 10_000))) process.kill(discovery.pid, "SIGKILL");
}

async function coldRun(path: Path, variant: Variant): Promise<ColdRun> {
  const capture = await createAlsaCapture();
  const stateDir = join(capture.home, "state");
  const dataDir = join(capture.home, "data");
  await mkdir(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...capture.env,
    KOKORO_SPEECH_STATE_DIR: stateDir,
    KOKORO_SPEECH_DATA_DIR: dataDir,
    KOKORO_SPEECH_LOG_LEVEL: "info",
    // Any free port: never the default one, where a daemon of the machine's own may listen.
    KOKORO_SPEECH_PORT: "0",
    // Nothing listens on the discard port: nothing is downloaded.
    KOKORO_SPEECH_MODEL_BASE_URL: "http://127.0.0.1:9",
    ...variant.env,
  };
  try {
    const command = startCommand(path, env, variant.voice);
    const [startedAtMs, heardAtMs] = await Promise.all([
      command.startedAtMs,
      firstCapturedByteAtMs(capture.capturePath),
    ]).catch(async (error: unknown) => {
      const log = await readFile(join(stateDir, STATE_FILES.log), "utf8").catch(() => "(no daemon log)");
      throw new Error(`${path}, ${variant.name}: ${String(error)}; daemon log:\n${log.slice(-3_000)}`);
    });
    const exit = await command.exited;
    if (exit.code !== 0) throw new Error(`the ${path} command exited with ${exit.code}: ${exit.stderr.trim()}`);
    const timeline = await readTimeline(stateDir);
    const daemonStart = timeline.processStartedAtMs - startedAtMs;
    const phasesMs: ColdRun["phasesMs"] = { daemonProcessStarted: daemonStart };
    for (const [mark, atMs] of Object.entries(timeline.marksMs) as Array<[StartupMark, number]>) {
      phasesMs[mark] = daemonStart + atMs;
    }
    return { totalMs: heardAtMs - startedAtMs, phasesMs, details: timeline.details };
  } finally {
    await stopDaemon(stateDir);
    await capture.cleanup();
  }
}

const PHASE_NAMES: Record<StartupMark | "daemonProcessStarted", string> = {
  daemonProcessStarted: "daemon process started",
  imported: "daemon imports done",
  listening: "daemon listening",
  firstHandshake: "handshake (welcome sent)",
  firstSpeak: "speak received",
  modelFilesChecked: "model files checked",
  voicesOpened: "voices opened",
  engineLoaded: "model loaded and warmed up",
  lexiconsLoaded: "lexicons loaded",
  modelReady: "model ready",
  fallbackVoiceReady: "fallback voice ready",
  firstG2P: "first segment's G2P done",
  firstInference: "first inference done",
  speakerHostStarted: "speaker host spawned",
  deviceOpen: "device open",
  firstAudioHanded: "first audio handed to the speaker host",
};

function rowsFor(path: Path, variant: Variant, runs: readonly ColdRun[], captureLagMs: number): BenchRow[] {
  const label = `${path}, ${variant.name}`;
  const rows = [
    summarize(
      `cold first Speak, ${label}: command start → first byte in the ALSA capture`,
      "ms",
      runs.map((run) => run.totalMs),
    ),
    summarize(
      `cold first Speak, ${label}: command start → a sound card's start (capture − ${captureLagMs.toFixed(0)} ms capture lag)`,
      "ms",
      runs.map((run) => run.totalMs - captureLagMs),
      variant.goal,
    ),
  ];
  const order = ["daemonProcessStarted", ...STARTUP_MARKS] as const;
  const phases = order
    .map((mark) => ({ mark, values: runs.map((run) => run.phasesMs[mark]) }))
    .filter((phase) => phase.values.every((value) => value !== undefined))
    .sort((a, b) => median(a.values as number[]) - median(b.values as number[]));
  for (const { mark, values } of phases) {
    rows.push(summarize(`  ↳ ${label}: ${PHASE_NAMES[mark]}`, "ms from start", values as number[]));
  }
  for (const detail of ["modelLoadMs", "modelWarmupMs"]) {
    const values = runs.map((run) => run.details[detail]);
    if (values.every((value) => value !== undefined)) {
      rows.push(summarize(`  ↳ ${label}: of which ${detail}`, "ms", values as number[]));
    }
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Variants {
  readonly present: Variant[];
  readonly absent: BenchRow[];
  /** Variants only the CLI runs, with the reason the extension cannot. */
  readonly cliOnly: Map<string, string>;
}

async function variants(directory: string): Promise<Variants> {
  const voicesPath = join(directory, "voices");
  await mkdir(voicesPath);
  await writeVoiceBin(join(voicesPath, `${CALIBRATED_VOICE}.bin`), 0);
  const standInPath = await writeCalibratedModel(join(directory, "real-size.onnx"), REAL_SIZE_LAYERS, true);
  const msPerToken = await measureMsPerToken(standInPath, voicesPath);
  const standInMb = (await stat(standInPath)).size / 1e6;
  const fixture = await locateFixture();
  // The extension's Voice preference only takes the catalogue's voices, and the daemon holds a catalogue voice's pack
  // to the real pack's hash: the stand-in speaks with the real af_heart pack when the fixture has it, else with the
  // calibrated stand-in pack under a name only the CLI can ask for.
  let standInVoice: string = CALIBRATED_VOICE;
  if (fixture.state === "present") {
    await copyFile(join(fixture.voicesDir, `${DEFAULT_VOICE}.bin`), join(voicesPath, `${DEFAULT_VOICE}.bin`));
    standInVoice = DEFAULT_VOICE;
  }
  const standIn: Variant = {
    key: "stand-in",
    name: `stand-in of real size (${standInMb.toFixed(0)} MB, ${msPerToken.toFixed(2)} ms/token)`,
    env: { KOKORO_SPEECH_MODEL_PATH: standInPath, KOKORO_SPEECH_VOICES_PATH: voicesPath },
    voice: standInVoice,
    goal: "≤ 1,000 ms",
  };
  const present: Variant[] = [
    { key: "fallback", name: "fallback voice (no model)", env: {}, voice: DEFAULT_VOICE, goal: "≤ 1,000 ms" },
    standIn,
  ];
  const absent: BenchRow[] = [];
  const cliOnly = new Map<string, string>();
  if (standInVoice !== DEFAULT_VOICE) {
    cliOnly.set(standIn.name, "needs a real voice pack for the Voice preference: npm run fetch:real-model");
  }
  if (fixture.state === "present") {
    present.push({
      key: "real",
      name: "real int8 weights",
      env: { KOKORO_SPEECH_MODEL_PATH: fixture.modelPath, KOKORO_SPEECH_VOICES_PATH: fixture.voicesDir },
      voice: DEFAULT_VOICE,
      goal: "≤ 1,500 ms",
    });
  } else {
    absent.push(absentRow("cold first Speak, real int8 weights", "no real-model fixture: npm run fetch:real-model"));
  }
  return { present, absent, cliOnly };
}

export async function runColdSpeakBenchmarks(): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), "kokoro-bench-cold-"));
  try {
    const { present, absent, cliOnly } = await variants(directory);
    const lags = await measureCaptureLagMs();
    const captureLagMs = median(lags);
    const rows: BenchRow[] = [
      summarize(
        `ALSA file capture: first byte after the first write, addon fed at a ${DEVICE_LEAD_MS} ms lead`,
        "ms",
        lags,
      ),
    ];
    for (const variant of present) {
      if (ONLY !== undefined && !ONLY.includes(variant.key)) continue;
      for (const path of ["CLI", "extension"] as const) {
        const whyNot = path === "extension" ? cliOnly.get(variant.name) : undefined;
        if (whyNot !== undefined) {
          rows.push(absentRow(`cold first Speak, ${path}, ${variant.name}`, whyNot));
          continue;
        }
        const runs: ColdRun[] = [];
        for (let index = 0; index < RUNS; index++) runs.push(await coldRun(path, variant));
        rows.push(...rowsFor(path, variant, runs, captureLagMs));
      }
    }
    return [...rows, ...absent];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
