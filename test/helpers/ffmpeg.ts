/**
 * A real decoder for the encoded responses: Debian's ffmpeg/ffprobe (installed by .ci/run). `decodeAudio` reads a
 * whole file from stdin and returns what ffprobe says the stream is and how many samples ffmpeg decodes from it,
 * at the stream's own rate (no resampling), so both the rate and the duration come from the decoder.
 */
import { spawn } from "node:child_process";

export interface DecodedAudio {
  /** ffprobe's codec name: `mp3`, `opus`, `flac`, `pcm_s16le`, … */
  codec: string;
  /** ffprobe's container name(s): `mp3`, `ogg`, `flac`, `wav`, … */
  container: string;
  sampleRateHz: number;
  channelCount: number;
  /** Mono s16le samples ffmpeg decoded, at `sampleRateHz`. */
  samples: Int16Array;
  durationS: number;
}

function run(command: string, args: readonly string[], input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new Error(`${command} exited ${code}: ${stderr.trim()}`));
    });
    // ffmpeg may stop reading early on a broken file; its exit code reports that.
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

interface ProbeOutput {
  streams: Array<{ codec_name: string; sample_rate: string; channels: number }>;
  format: { format_name: string };
}

export async function decodeAudio(bytes: Buffer): Promise<DecodedAudio> {
  const probe = JSON.parse(
    (
      await run(
        "ffprobe",
        [
          "-v",
          "error",
          "-show_entries",
          "stream=codec_name,sample_rate,channels:format=format_name",
          "-of",
          "json",
          "pipe:0",
        ],
        bytes,
      )
    ).toString("utf8"),
  ) as ProbeOutput;
  const stream = probe.streams[0];
  if (!stream || probe.streams.length !== 1) throw new Error(`expected one audio stream, got ${probe.streams.length}`);
  const pcm = await run("ffmpeg", ["-v", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "pipe:1"], bytes);
  const samples = new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength));
  const sampleRateHz = Number(stream.sample_rate);
  return {
    codec: stream.codec_name,
    container: probe.format.format_name,
    sampleRateHz,
    channelCount: stream.channels,
    samples,
    durationS: samples.length / sampleRateHz,
  };
}
