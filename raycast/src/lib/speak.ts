/**
 * Hands text to the daemon: ensure it runs, send `speak` in interrupt mode (running it again replaces the current
 * stream) and return as soon as the daemon acknowledges. Playback never keeps a command alive.
 */
import { isProtocolError, type DaemonClient, type ModelQuality, type ModelStatusReport } from "@kokoro-speech/protocol";
import type { SpeechChoices } from "./choices.js";
import { ensureDaemon, type SupervisorOptions } from "./supervisor.js";

export type SpeakOutcome =
  | {
      readonly kind: "speaking";
      readonly streamId: number;
      readonly daemonPid: number;
      readonly spawned: boolean;
      /**
       * Set when the daemon speaks with its fallback voice because the Kokoro model is not installed: the model
       * download was requested (or was already under way) and this is its report.
       */
      readonly fallback?: { readonly downloadRequested: boolean; readonly model: Partial<ModelStatusReport> };
    }
  | {
      readonly kind: "model_unavailable";
      /** The daemon's own words (it includes the download percentage while downloading). */
      readonly message: string;
      readonly downloadRequested: boolean;
      /** The daemon's model report after the request, when it gives one. */
      readonly model: Partial<ModelStatusReport> | undefined;
    };

/** Asks the daemon to install the model in the chosen quality, when it offers that; returns whether it did. */
async function requestModelDownload(client: DaemonClient, modelQuality: ModelQuality): Promise<boolean> {
  if (!client.welcome.capabilities.includes("download")) return false;
  await client.request({ type: "download", model: modelQuality });
  return true;
}

async function modelReport(client: DaemonClient): Promise<Partial<ModelStatusReport> | undefined> {
  // Older daemons report no model section; read it as optional.
  return ((await client.status()) as { model?: Partial<ModelStatusReport> }).model;
}

async function speakOnce(
  text: string,
  choices: SpeechChoices,
  modelQuality: ModelQuality,
  supervisor: SupervisorOptions,
): Promise<SpeakOutcome> {
  const { client, spawned } = await ensureDaemon(supervisor);
  try {
    const ack = await client.request({
      type: "speak",
      text,
      voice: choices.voice,
      speed: choices.speed,
      queue: "interrupt",
    });
    const speaking = {
      kind: "speaking",
      streamId: ack.streamId ?? 0,
      daemonPid: client.welcome.daemon.pid,
      spawned,
    } as const;
    const model = await modelReport(client);
    if (model?.synthesizer !== "fallback") return speaking;
    // The fallback voice speaks now; the real voice needs the model, so its download starts too.
    const needsDownload = model.state === "missing" || model.state === "failed";
    const downloadRequested = needsDownload ? await requestModelDownload(client, modelQuality) : false;
    return {
      ...speaking,
      fallback: { downloadRequested, model: needsDownload ? ((await modelReport(client)) ?? model) : model },
    };
  } catch (error) {
    if (!isProtocolError(error) || error.code !== "model_unavailable") throw error;
    const downloadRequested = await requestModelDownload(client, modelQuality);
    return { kind: "model_unavailable", message: error.message, downloadRequested, model: await modelReport(client) };
  } finally {
    await client.close();
  }
}

/**
 * Speaks `text`. A daemon that dies between connecting and answering (killed, crashed) is replaced once: the
 * retry finds no daemon and starts a new one.
 */
export async function speak(
  text: string,
  choices: SpeechChoices,
  modelQuality: ModelQuality,
  supervisor: SupervisorOptions,
): Promise<SpeakOutcome> {
  try {
    return await speakOnce(text, choices, modelQuality, supervisor);
  } catch (error) {
    if (!isProtocolError(error) || error.code !== "daemon_unreachable") throw error;
    return speakOnce(text, choices, modelQuality, supervisor);
  }
}
