import { runSpeakCommand } from "./lib/speak-flow.js";
import { typedText } from "./lib/text-source.js";

/** The command's one argument, as the manifest declares it (required, so Raycast asks for it before launching). */
export interface SpeakTextProps {
  arguments: { text?: string };
}

export default async function Command(props: SpeakTextProps): Promise<void> {
  await runSpeakCommand(async () => typedText(props.arguments.text));
}
