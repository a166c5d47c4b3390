/**
 * Save Selected Text as Audio: the daemon renders the text for us (`speak` with `output: "client"`: chunk frames as
 * fast as synthesis goes, nothing on the device) and we write them to a WAV file in the chosen folder, with the
 * progress in an animated toast and "Show in Finder" at the end. The command awaits the render: it is a file to
 * write, not playback.
 */
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { open as openFile } from "node:fs/promises";
import { showInFinder, showToast, Toast } from "@raycast/api";
import {
  encodeWavHeader,
  ProtocolError,
  WAV_HEADER_BYTES,
  type ChunkFrame,
  type DaemonClient,
  type StreamEventMessage,
} from "@kokoro-speech/protocol";
import { loadSpeechChoices, type SpeechChoices } from "./choices.js";
import { readConfig } from "./config.js";
import { supervisorOptionsFor } from "./extension-context.js";
import { showFailure } from "./failure-toast.js";
import { reportNothingToRead, CONNECTING_TITLE } from "./speak-flow.js";
import { startupFeedback } from "./startup-toast.js";
import { ensureDaemon, logPathOf } from "./supervisor.js";
import { readSelectionOrClipboard } from "./text-source.js";

/** `~/Downloads` unless the "Audio Folder" preference names another folder. */
export function audioFolder(preference: string | undefined, home: string = homedir()): string {
  return preference && preference.trim() !== "" ? preference : join(home, "Downloads");
}

/** "Kokoro Speech 2026-12-02 17.45.09.wav": sortable, no characters Finder dislikes. */
export function audioFileName(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}`;
  return `Kokoro Speech ${date} ${time}.wav`;
}

/**
 * Renders `text` into a WAV file at `path`; `onProgress` gets the percent of the text rendered after each segment.
 * A failed or cancelled render throws and leaves no half-written file behind the header's promise: the header is
 * written last, with the real size.
 */
export async function renderToWav(
  client: DaemonClient,
  text: string,
  choices: SpeechChoices,
  path: string,
  onProgress: (percent: number) => void,
): Promise<number> {
  const file = await openFile(path, "w");
  let dataBytes = 0;
  let writing = Promise.resolve();
  try {
    await file.write(Buffer.alloc(WAV_HEADER_BYTES), 0, WAV_HEADER_BYTES, 0);
    let streamId: number | undefined;
    const onChunk = (frame: ChunkFrame): void => {
      if (frame.streamId !== streamId) return;
      const pcm = Buffer.from(frame.pcm);
      const position = WAV_HEADER_BYTES + dataBytes;
      dataBytes += pcm.byteLength;
      writing = writing.then(async () => void (await file.write(pcm, 0, pcm.byteLength, position)));
    };
    const onEvent = (event: StreamEventMessage): void => {
      if (event.streamId === streamId && event.event === "segment")
        onProgress(Math.floor((event.end / text.length) * 100));
    };
    client.on("chunk", onChunk);
    client.on("event", onEvent);
    try {
      // The stream id is set as the ack is read, before the chunks that came with it are dispatched.
      await client.requestStream(
        { type: "speak", text, voice: choices.voice, speed: choices.speed, output: "client" },
        (ack) => (streamId = ack.streamId),
      );
      const terminal = await client.waitForTerminal(streamId!);
      if (terminal.event === "failed") throw new ProtocolError(terminal.code, terminal.message);
      if (terminal.event === "cancelled")
        throw new ProtocolError("internal_error", `Rendering stopped (${terminal.reason}).`);
    } finally {
      client.off("chunk", onChunk);
      client.off("event", onEvent);
    }
    await writing;
    await file.write(encodeWavHeader(dataBytes), 0, WAV_HEADER_BYTES, 0);
    return dataBytes;
  } finally {
    await file.close();
  }
}

export async function runSaveAudio(now: () => Date = () => new Date()): Promise<void> {
  try {
    const config = readConfig();
    const found = await readSelectionOrClipboard(config.useClipboardFallback);
    if (!("text" in found)) return await reportNothingToRead(found);
    const choices = await loadSpeechChoices(config);
    const toast = await showToast({ style: Toast.Style.Animated, title: CONNECTING_TITLE });
    const { client } = await ensureDaemon({
      ...supervisorOptionsFor(config),
      ...startupFeedback(toast),
    });
    const name = audioFileName(now());
    const path = join(audioFolder(config.audioFolder), name);
    toast.title = "Rendering audio…";
    let shown = -1;
    try {
      await renderToWav(client, found.text, choices, path, (percent) => {
        if (percent === shown) return;
        shown = percent;
        toast.message = `${percent}%`;
      });
    } finally {
      await client.close();
    }
    toast.style = Toast.Style.Success;
    toast.title = `Saved “${name}” in ${basename(dirname(path))}`;
    toast.message = path;
    toast.primaryAction = { title: "Show in Finder", onAction: () => showInFinder(path) };
  } catch (error) {
    await showFailure(error, logPathOf({}));
  }
}
