import { runSaveAudio } from "./lib/save-audio.js";

export default async function Command(): Promise<void> {
  await runSaveAudio();
}
