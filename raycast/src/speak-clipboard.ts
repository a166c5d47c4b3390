import { runSpeakCommand } from "./lib/speak-flow.js";
import { readClipboard } from "./lib/text-source.js";

export default async function Command(): Promise<void> {
  await runSpeakCommand(readClipboard);
}
