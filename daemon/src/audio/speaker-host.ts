/**
 * Entry point of the child process that owns the `speaker` addon; only the speaker sink starts it (with an IPC
 * channel). The addon is kept out of the daemon because it aborts the whole process (a C assertion in alsa-lib)
 * when the default device cannot be opened: loading it probes the device. Here such an abort only ends this
 * process, which the sink reports as `audio_unavailable`.
 *
 * Protocol (see speaker-host-messages.ts): the PCM format is the one command-line argument; after the device is open
 * the host sends `ready`; each `write` is played in order and acknowledged with `written` once the addon took it;
 * `close` drops unplayed audio and exits. The host also exits when the parent goes away, so an orphan never holds
 * the device.
 */
import type Speaker from "speaker";
import { isHostRequest, parseHostPcmFormat, type HostPcmFormat, type HostReport } from "./speaker-host-messages.js";

let speaker: Speaker | undefined;
const queuedChunks: Buffer[] = [];
let chunkInFlight = false;
let closing = false;

function report(message: HostReport, afterSent?: () => void): void {
  if (!process.connected) {
    afterSent?.();
    return;
  }
  process.send?.(message, undefined, {}, () => afterSent?.());
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  report({ type: "failed", message }, () => process.exit(1));
}

/** Stops at once: alsa's flush is snd_pcm_drop, so close(true) discards buffered audio instead of draining it. */
function releaseDeviceAndExit(): void {
  try {
    speaker?.close(true);
  } catch {
    // The process ends either way, and ending it releases the device too.
  }
  // Exit, never process.disconnect(): on Node 20 a child that disconnects right after a send can crash its parent.
  process.exit(0);
}

function playNextChunk(): void {
  if (closing || chunkInFlight || speaker === undefined) return;
  const chunk = queuedChunks.shift();
  if (chunk === undefined) return;
  chunkInFlight = true;
  speaker.write(chunk, (error) => {
    chunkInFlight = false;
    if (error) {
      fail(error);
      return;
    }
    // Closing the device while the addon writes on its worker thread would free the handle under that thread.
    if (closing) {
      releaseDeviceAndExit();
      return;
    }
    report({ type: "written" });
    playNextChunk();
  });
}

function parentOnMessage(request: unknown): void {
  if (!isHostRequest(request)) {
    fail(new Error("the speaker host received a malformed request"));
    return;
  }
  if (request.type === "write") {
    queuedChunks.push(request.pcm);
    playNextChunk();
    return;
  }
  closing = true;
  queuedChunks.length = 0;
  if (!chunkInFlight) releaseDeviceAndExit();
}

function parentOnDisconnect(): void {
  closing = true;
  queuedChunks.length = 0;
  if (!chunkInFlight) releaseDeviceAndExit();
}

async function openDevice(format: HostPcmFormat): Promise<Speaker> {
  // Loading the addon opens and closes the default device to list its formats; this is where a bad device aborts.
  const { default: SpeakerClass } = await import("speaker");
  // The constructor reads `signed` at run time although its typings only declare it on Speaker.Format.
  const options: Speaker.Options & Speaker.Format = {
    channels: format.channelCount,
    bitDepth: format.bitsPerSample,
    sampleRate: format.sampleRateHz,
    signed: true,
  };
  const device = new SpeakerClass(options);
  device.on("error", fail);
  // The addon opens the device on the first write; an empty write opens it without adding a single sample.
  await new Promise<void>((resolve, reject) => {
    device.write(Buffer.alloc(0), (error) => (error ? reject(error) : resolve()));
  });
  return device;
}

const format = parseHostPcmFormat(process.argv[2]);
if (process.send === undefined || format === undefined) {
  process.stderr.write("speaker-host is started by the daemon's speaker sink, not by hand\n");
  process.exit(2);
}
process.on("message", parentOnMessage);
process.on("disconnect", parentOnDisconnect);
try {
  speaker = await openDevice(format);
  if (closing) releaseDeviceAndExit();
  else report({ type: "ready" });
  playNextChunk();
} catch (error) {
  fail(error);
}
