/**
 * A real daemon playing through the real `speaker` addon into an ALSA capture file, with a connected client that
 * records every stream event: the common set-up of the end-to-end playback tests.
 */
import type { DaemonClient, StreamEventMessage } from "@kokoro-speech/protocol";
import { createAlsaCapture, type AlsaCapture } from "./alsa.js";
import { startDaemonProcess, type DaemonProcess, type DaemonProcessOptions } from "./daemon-process.js";

export interface CapturedDaemon {
  readonly capture: AlsaCapture;
  readonly daemon: DaemonProcess;
  readonly client: DaemonClient;
  /** Every stream event the client received, in order. */
  readonly events: StreamEventMessage[];
  /**
   * Stops the daemon (closing the device, so ALSA has written everything) and returns the captured bytes, with the
   * daemon's exit code.
   */
  capturedAfterShutdown(): Promise<{ audio: Buffer; exitCode: number | null }>;
  cleanup(): Promise<void>;
}

export async function startCapturedDaemon(
  options: Omit<DaemonProcessOptions, "sink" | "env"> = {},
): Promise<CapturedDaemon> {
  const capture = await createAlsaCapture();
  const daemon = await startDaemonProcess({ ...options, sink: "speaker", env: capture.env });
  const client = await daemon.connect();
  const events: StreamEventMessage[] = [];
  client.on("event", (event) => events.push(event));
  return {
    capture,
    daemon,
    client,
    events,
    capturedAfterShutdown: async () => {
      await client.close();
      const exitCode = await daemon.stop();
      return { audio: await capture.read(), exitCode };
    },
    cleanup: async () => {
      await client.close();
      await daemon.stop();
      await capture.cleanup();
    },
  };
}
