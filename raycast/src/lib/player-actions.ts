/**
 * What the Speech Player's items do. Each is one quick send on the socket opened while the menu loaded, or a
 * launch of a no-view command: clicking an item unloads the menu, so nothing here may need long async work.
 */
import { launchCommand, LaunchType, open } from "@raycast/api";
import { isProtocolError, type DaemonClient, type ErrorCode, type SkipDirection } from "@kokoro-speech/protocol";
import { resetSpeechChoices, saveSpeedChoice, saveVoiceChoice } from "./choices.js";
import { showFailure } from "./failure-toast.js";

/** Answers to a control sent just as its stream ended: the stream is gone, or another one is current. */
const RACED_STREAM_END: ReadonlySet<ErrorCode> = new Set(["no_such_stream", "stream_not_current"]);

export interface PlayerActions {
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  skip(direction: SkipDirection): Promise<void>;
  chooseVoice(voice: string): Promise<void>;
  chooseSpeed(speed: number): Promise<void>;
  /** Forgets the voice and speed picked in the menu: the preferences apply again from the next Speak. */
  resetChoices(): Promise<void>;
  restartDaemon(): Promise<void>;
  openLog(): Promise<void>;
}

export interface PlayerActionDeps {
  /** Open while the menu is shown; `null` when no daemon answered. */
  client: DaemonClient | null;
  logPath: string;
}

export function createPlayerActions({ client, logPath }: PlayerActionDeps): PlayerActions {
  // A control that races the end of its stream has nothing left to do: not worth a toast. Anything else is shown.
  const send = async (body: Parameters<DaemonClient["request"]>[0]): Promise<void> => {
    try {
      await client?.request(body);
    } catch (error) {
      if (isProtocolError(error) && RACED_STREAM_END.has(error.code)) return;
      await showFailure(error, logPath);
    }
  };
  return {
    pause: () => send({ type: "pause" }),
    resume: () => send({ type: "resume" }),
    stop: () => send({ type: "stop" }),
    skip: (direction) => send({ type: "skip", direction }),
    // The choice is saved for the next Speak and applied at once to the segments still to come of the stream playing.
    chooseVoice: async (voice) => {
      await saveVoiceChoice(voice);
      if (client?.welcome.capabilities.includes("set")) await send({ type: "set", voice, immediate: true });
    },
    chooseSpeed: async (speed) => {
      await saveSpeedChoice(speed);
      if (client?.welcome.capabilities.includes("set")) await send({ type: "set", speed, immediate: true });
    },
    resetChoices: () => resetSpeechChoices(),
    restartDaemon: () => launchCommand({ name: "restart-daemon", type: LaunchType.UserInitiated }),
    openLog: () => open(logPath),
  };
}
