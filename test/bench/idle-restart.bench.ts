/**
 * First Speak after the daemon exited idle (issue 17). Run with `npm run bench -- idle-restart`. A daemon the Raycast
 * extension starts exits after an idle time (`serve --exit-when-idle`); the next Speak goes through the extension's
 * own supervisor (`ensureDaemon`: discovery file, detached spawn, handshake polling) and must still meet the
 * cold-start budget. Model: the cost-calibrated stand-in (about 2 ms per token, as in the speak suite) into the null
 * sink, which paces by its clock like a device.
 *
 * Measured at the client, from the moment Speak asks the supervisor for a daemon (none runs: the previous one exited
 * idle) to: the handshake (`welcome`), the `speak` ack, and the stream's first `segment` event (its first sample is
 * about to be handed to the device). For comparison, the same request to the daemon left running, and (interleaved,
 * so it sees the same load) a bare `serve` spawn → welcome as the daemon suite measures it. Caches off:
 * every timed run starts a new daemon process; the model and voice files are in the OS file cache after the first.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { DaemonClient, StreamEventMessage } from "@kokoro-speech/protocol";
import { ensureDaemon, type SupervisorOptions } from "../../raycast/src/lib/supervisor.js";
import { isProcessAlive } from "../../raycast/src/lib/process-info.js";
import { prepareCalibratedModel, type CalibratedModel } from "../fixtures/calibrated-model.js";
import { CLI_PATH } from "../helpers/daemon-process.js";
import { waitFor } from "../helpers/pcm.js";
import { coldStartMs } from "./daemon.bench.js";
import { summarize, type BenchRow } from "./stats.js";

const RUNS = 8;
const IDLE_SECONDS = 1;
const TEXT = "The first sentence after a quiet while. Then a second one.";

interface Timings {
  welcomeMs: number;
  ackMs: number;
  firstAudioMs: number;
}

/** Sends `speak` on `client` and resolves with the ack time and the first `segment` event's time, from `t0`. */
async function speakTimed(client: DaemonClient, voice: string, t0: number): Promise<Omit<Timings, "welcomeMs">> {
  const firstSegment = new Promise<number>((resolve) => {
    client.on("event", (event: StreamEventMessage) => {
      if (event.event === "segment") resolve(performance.now() - t0);
    });
  });
  const { streamId } = await client.request({ type: "speak", text: TEXT, voice, queue: "interrupt" });
  const ackMs = performance.now() - t0;
  const firstAudioMs = await firstSegment;
  await client.waitForTerminal(streamId!);
  return { ackMs, firstAudioMs };
}

async function oneCycle(model: CalibratedModel, options: SupervisorOptions): Promise<{ cold: Timings; warm: Timings }> {
  // No daemon runs: the previous cycle waited for its idle exit (the first cycle starts from nothing).
  const t0 = performance.now();
  const ensured = await ensureDaemon(options);
  if (!ensured.spawned) throw new Error("a daemon was still running: the idle exit did not happen");
  const welcomeMs = performance.now() - t0;
  const cold = { welcomeMs, ...(await speakTimed(ensured.client, model.voice, t0)) };
  await ensured.client.close();
  const t1 = performance.now();
  const again = await ensureDaemon(options);
  const warmWelcome = performance.now() - t1;
  const warm = { welcomeMs: warmWelcome, ...(await speakTimed(again.client, model.voice, t1)) };
  await again.client.close();
  const pid = again.client.welcome.daemon.pid;
  await waitFor(async () => !(await isProcessAlive(pid)), 30_000);
  return { cold, warm };
}

export async function runIdleRestartBenchmarks(): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), "kokoro-bench-idle-"));
  try {
    const model = await prepareCalibratedModel(join(directory, "model"), 2);
    const options: SupervisorOptions = {
      daemonScript: CLI_PATH,
      port: 0,
      stateDir: join(directory, "state"),
      exitWhenIdleSeconds: IDLE_SECONDS,
      assetsPath: "",
      env: {
        ...process.env,
        KOKORO_SPEECH_MODEL_PATH: model.modelPath,
        KOKORO_SPEECH_VOICES_PATH: model.voicesPath,
        KOKORO_SPEECH_SINK: "null",
        KOKORO_SPEECH_LOG_LEVEL: "silent",
        KOKORO_SPEECH_DATA_DIR: join(directory, "data"),
      },
    };
    const cycles: Array<{ cold: Timings; warm: Timings }> = [];
    // The peer, interleaved so both see the same machine load: a bare `serve` spawn → welcome (the daemon suite's
    // cold start, no supervisor, no model).
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      cycles.push(await oneCycle(model, options));
      bare.push((await coldStartMs()).welcomeMs);
    }
    const label = `calibrated model, ${model.msPerToken.toFixed(2)} ms/token`;
    const pick = (which: "cold" | "warm", field: keyof Timings): number[] => cycles.map((cycle) => cycle[which][field]);
    return [
      summarize(
        `after idle exit: Speak → welcome (supervisor spawn + handshake), ${label}`,
        "ms",
        pick("cold", "welcomeMs"),
        "≤ 300 ms",
      ),
      summarize(`after idle exit: Speak → speak ack, ${label}`, "ms", pick("cold", "ackMs")),
      summarize(
        `after idle exit: Speak → first audio (first segment handed), ${label}`,
        "ms",
        pick("cold", "firstAudioMs"),
      ),
      summarize("peer: bare `serve` spawn → welcome, no model (the daemon suite's cold start)", "ms", bare),
      summarize(`daemon running: Speak → welcome, ${label}`, "ms", pick("warm", "welcomeMs")),
      summarize(`daemon running: Speak → first audio, ${label}`, "ms", pick("warm", "firstAudioMs")),
    ];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
