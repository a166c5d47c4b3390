import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  ProtocolError,
  SPEED_MAX,
  SPEED_MIN,
  type ChunkFrame,
  type DaemonClient,
  type SpeakRequest,
} from "@kokoro-speech/protocol";
import type { Command } from "commander";
import { createSink } from "../audio/index.js";
import { ensureDaemon } from "./ensure-daemon.js";
import { CliError, EXIT_USAGE } from "./errors.js";
import { readStdin } from "./read-stdin.js";

interface SpeakFlags {
  file?: string;
  voice?: string;
  speed?: string;
  out?: string;
  wait?: boolean;
  enqueue?: boolean;
  stateDir?: string;
  dataDir?: string;
}

async function textToSpeak(words: string[], flags: SpeakFlags): Promise<string> {
  if (flags.file !== undefined && words.length > 0) throw new CliError("give the text or --file, not both", EXIT_USAGE);
  if (flags.file !== undefined) {
    try {
      return await readFile(flags.file, "utf8");
    } catch (error) {
      throw new CliError(`cannot read ${flags.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (words.length > 0) return words.join(" ");
  if (process.stdin.isTTY) throw new CliError("nothing to speak: give text, --file or pipe it in", EXIT_USAGE);
  return readStdin();
}

function parseSpeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed < SPEED_MIN || speed > SPEED_MAX) {
    throw new ProtocolError("speed_out_of_range", `--speed must be ${SPEED_MIN}–${SPEED_MAX}, got "${value}"`);
  }
  return speed;
}

/** Renders to a WAV file: the daemon sends the audio instead of playing it. */
async function renderToWav(client: DaemonClient, request: Omit<SpeakRequest, "id">, path: string): Promise<void> {
  const sink = createSink({ kind: "wav", path: resolve(path) });
  await sink.open();
  const writes: Promise<void>[] = [];
  // The stream id is set as the ack is read (requestStream), before the chunks that came with it are dispatched.
  const stream: { id?: number } = {};
  const onChunk = (frame: ChunkFrame): void => {
    if (frame.streamId === stream.id) writes.push(sink.write(Buffer.from(frame.pcm)));
  };
  client.on("chunk", onChunk);
  const { streamId } = await client.requestStream(
    { ...request, output: "client" },
    (ack) => (stream.id = ack.streamId),
  );
  const terminal = await client.waitForTerminal(streamId!);
  client.off("chunk", onChunk);
  await Promise.all(writes);
  await sink.close();
  if (terminal.event === "failed") throw new ProtocolError(terminal.code, terminal.message);
  if (terminal.event === "cancelled") throw new CliError(`stopped before the end (${terminal.reason})`);
}

export function registerSpeakCommand(program: Command): void {
  program
    .command("speak")
    .description("read text aloud (starting the daemon if needed); text from the arguments, --file or stdin")
    .argument("[text...]", "the text to speak")
    .option("--file <path>", "read the text from a file")
    .option("--voice <voice>", "a voice (af_heart) or a blend (af_bella:0.6+af_heart:0.4)")
    .option("--speed <speed>", `speaking rate, ${SPEED_MIN}–${SPEED_MAX}`)
    .option("--out <file.wav>", "write a WAV file instead of playing")
    .option("--wait", "return only when the speech has finished; exit 1 if it failed")
    .option("--enqueue", "play after what is playing now instead of interrupting it")
    .option("--state-dir <dir>", "state folder of the daemon to use")
    .option("--data-dir <dir>", "data folder for a daemon this command starts")
    .action(async (words: string[], flags: SpeakFlags) => {
      const text = await textToSpeak(words, flags);
      const speed = parseSpeed(flags.speed);
      const request: Omit<SpeakRequest, "id"> = { type: "speak", text, queue: flags.enqueue ? "enqueue" : "interrupt" };
      if (flags.voice !== undefined) request.voice = flags.voice;
      if (speed !== undefined) request.speed = speed;
      const client = await ensureDaemon({ stateDir: flags.stateDir, dataDir: flags.dataDir });
      try {
        await noteFallbackVoice(client);
        if (flags.out !== undefined) return await renderToWav(client, request, flags.out);
        const { streamId } = await client.request(request);
        if (!flags.wait) return;
        const terminal = await client.waitForTerminal(streamId!);
        if (terminal.event === "failed") throw new ProtocolError(terminal.code, terminal.message);
        if (terminal.event === "cancelled") throw new CliError(`stopped before the end (${terminal.reason})`);
      } finally {
        await client.close();
      }
    });
}

/** Without the model the daemon speaks with espeak-ng's own voice: say so once, with the command that fixes it. */
async function noteFallbackVoice(client: DaemonClient): Promise<void> {
  const { model } = await client.status();
  if (model.synthesizer !== "fallback") return;
  process.stderr.write(
    "kokoro-speech: the Kokoro model is not installed, so the basic fallback voice speaks; " +
      "run `kokoro-speech download` for the Kokoro voice\n",
  );
}
