import { runRestartSpeechDaemon } from "./lib/restart-speech-daemon.js";

export default async function Command(): Promise<void> {
  await runRestartSpeechDaemon();
}
