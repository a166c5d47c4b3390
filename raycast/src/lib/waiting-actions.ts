/**
 * The Speech Player's actions while the daemon's state is still being asked for: a click then must not vanish. Each
 * action waits for the real actions; if asking failed, playback controls go to the no-view Stop Speaking and Pause or
 * Resume Speaking commands, which connect on their own and say with a HUD what they did.
 */
import { launchCommand, LaunchType } from "@raycast/api";
import { createPlayerActions, type PlayerActions } from "./player-actions.js";

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** What a click does when the state could not be loaded. */
function withoutState(logPath: string): PlayerActions {
  const launch = (name: string) => () => launchCommand({ name, type: LaunchType.UserInitiated });
  return {
    ...createPlayerActions({ client: null, logPath }),
    pause: launch("pause-resume-speaking"),
    resume: launch("pause-resume-speaking"),
    stop: launch("stop-speaking"),
  };
}

/** Actions that run on `loaded` once it settles; `null` means loading failed. */
export function waitingActions(loaded: Promise<PlayerActions | null>, logPath: string): PlayerActions {
  const after =
    <A extends unknown[]>(pick: (actions: PlayerActions) => (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      const actions = (await loaded) ?? withoutState(logPath);
      await pick(actions)(...args);
    };
  return {
    pause: after((actions) => actions.pause),
    resume: after((actions) => actions.resume),
    stop: after((actions) => actions.stop),
    skip: after((actions) => actions.skip),
    chooseVoice: after((actions) => actions.chooseVoice),
    chooseSpeed: after((actions) => actions.chooseSpeed),
    resetChoices: after((actions) => actions.resetChoices),
    restartDaemon: after((actions) => actions.restartDaemon),
    openLog: after((actions) => actions.openLog),
  };
}
