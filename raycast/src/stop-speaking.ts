import { runPlaybackControl } from "./lib/playback-control.js";

export default async function Command(): Promise<void> {
  await runPlaybackControl("stop");
}
