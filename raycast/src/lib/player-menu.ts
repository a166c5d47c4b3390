/**
 * The Speech Player's menu for a given view. Written with `createElement` rather than JSX so that the tests' plain
 * TypeScript configuration compiles it too; the tests render this tree without Raycast.
 */
import { createElement as h, type ReactElement } from "react";
import { Icon, MenuBarExtra, type Image } from "@raycast/api";
import type { PlayerActions } from "./player-actions.js";
import type { PlayerMode, PlayerView } from "./player-view.js";
import { SPEED_CHOICES, speedLabel, VOICE_CHOICES, voiceName } from "./manifest-choices.js";

export interface PlayerMenuProps {
  view: PlayerView;
  isLoading: boolean;
  actions: PlayerActions;
}

const ICONS: Record<PlayerMode, Image.ImageLike> = {
  idle: Icon.SpeakerOn,
  speaking: Icon.Waveform,
  paused: Icon.Pause,
  downloading: Icon.Download,
  down: Icon.SpeakerOff,
  refused: Icon.Warning,
};

const TOOLTIPS: Record<PlayerMode, string> = {
  idle: "Kokoro Speech: idle",
  speaking: "Kokoro Speech: speaking",
  paused: "Kokoro Speech: paused",
  downloading: "Kokoro Speech: downloading the speech model",
  down: "Kokoro Speech: the speech daemon is not running",
  refused: "Kokoro Speech: the speech daemon refused the connection",
};

function item(title: string, onAction?: () => Promise<void>, icon?: Image.ImageLike): ReactElement {
  return h(MenuBarExtra.Item, {
    key: title,
    title,
    icon,
    onAction: onAction && (() => void onAction()),
  });
}

function downloadLine(view: PlayerView): string {
  return `Downloading speech model…${view.downloadPercent === null ? "" : ` ${view.downloadPercent}%`}`;
}

/** Labels (items without an action) describing what is being read: sentence, progress and time, voice and speed. */
function readingLabels(view: PlayerView): ReactElement[] {
  const labels: ReactElement[] = [];
  if (view.sentence) labels.push(item(`“${view.sentence}”`));
  else if (view.nowSpeaking) labels.push(item(`Now speaking: ${view.nowSpeaking}`));
  const where = [view.progress, view.elapsed ? `${view.elapsed} played` : null].filter(Boolean).join(" · ");
  if (where) labels.push(item(where));
  if (view.playingWith) labels.push(item(`Voice: ${view.playingWith}`));
  // The fallback voice may speak while the model downloads.
  if (view.downloadPercent !== null) labels.push(item(downloadLine(view)));
  return labels;
}

function playbackSection({ view, actions }: PlayerMenuProps): ReactElement | null {
  if (view.mode === "down") {
    return h(MenuBarExtra.Section, { key: "playback" }, [item("Speech daemon is not running")]);
  }
  if (view.mode === "refused") {
    // It runs, so Start Daemon would do nothing; Restart Daemon (below) replaces it with one that accepts us.
    return h(MenuBarExtra.Section, { key: "playback" }, [item("Speech daemon refused the connection")]);
  }
  if (view.mode === "downloading") {
    return h(MenuBarExtra.Section, { key: "playback" }, [item(downloadLine(view))]);
  }
  if (view.mode === "idle") return null;
  const speaking = view.mode === "speaking";
  return h(MenuBarExtra.Section, { key: "playback" }, [
    ...readingLabels(view),
    speaking ? item("Pause", actions.pause, Icon.Pause) : item("Resume", actions.resume, Icon.Play),
    item("Stop", actions.stop, Icon.Stop),
    item("Next Sentence", () => actions.skip("next"), Icon.Forward),
    item("Previous Sentence", () => actions.skip("previous"), Icon.Rewind),
  ]);
}

function choicesSection({ view, actions }: PlayerMenuProps): ReactElement {
  const mark = (selected: boolean): Image.ImageLike | undefined => (selected ? Icon.Checkmark : undefined);
  return h(MenuBarExtra.Section, { key: "choices" }, [
    h(
      MenuBarExtra.Submenu,
      { key: "voice", title: `Voice: ${voiceName(view.voice)}`, icon: Icon.Person },
      VOICE_CHOICES.map((choice) =>
        item(choice.title, () => actions.chooseVoice(choice.value), mark(choice.value === view.voice)),
      ),
    ),
    h(
      MenuBarExtra.Submenu,
      { key: "speed", title: `Speed: ${speedLabel(view.speed)}`, icon: Icon.Gauge },
      SPEED_CHOICES.map((choice) =>
        item(choice.title, () => actions.chooseSpeed(choice.value), mark(choice.value === view.speed)),
      ),
    ),
    // Shown only when a menu choice overrides a preference (docs/raycast.md, "one source of truth").
    ...(view.choicesArePreferences === false
      ? [item("Reset to Preferences", actions.resetChoices, Icon.ArrowCounterClockwise)]
      : []),
  ]);
}

function daemonSection({ view, actions }: PlayerMenuProps): ReactElement {
  // One item starts or restarts the daemon: its title follows the state.
  const restart =
    view.mode === "down"
      ? item("Start Daemon", actions.restartDaemon, Icon.Play)
      : item("Restart Daemon", actions.restartDaemon, Icon.ArrowClockwise);
  return h(MenuBarExtra.Section, { key: "daemon" }, [
    ...(view.daemonLine ? [item(view.daemonLine)] : []),
    // A hotkey run's failure reaches the user as a HUD without actions: this is where its log is one click away.
    ...(view.lastFailure ? [item(`Last problem: ${view.lastFailure}`, undefined, Icon.Warning)] : []),
    restart,
    item("Open Log", actions.openLog, Icon.Document),
  ]);
}

export function PlayerMenu(props: PlayerMenuProps): ReactElement {
  const { view, isLoading } = props;
  const title = view.mode === "downloading" && view.downloadPercent !== null ? `${view.downloadPercent}%` : undefined;
  return h(MenuBarExtra, { icon: ICONS[view.mode], title, tooltip: TOOLTIPS[view.mode], isLoading }, [
    playbackSection(props),
    choicesSection(props),
    daemonSection(props),
  ]);
}
