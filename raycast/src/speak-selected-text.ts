import { runSpeakSelectedText } from "./lib/speak-selected-text.js";

export default async function Command(): Promise<void> {
  await runSpeakSelectedText();
}
