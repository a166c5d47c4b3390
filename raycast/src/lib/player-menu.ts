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

function playbackSection({ view, actions }: PlayerMenuProps): ReactElement | null {
  if (view.mode === "down") {
    return h(MenuBarExtra.Section, { key: "playback" }, [
      item("Speech daemon is not running"),
      item("Start Daemon", actions.restartDaemon, Icon.Play),
    ]);
  }
  if (view.mode === "refused") {
    // It runs, so Start Daemon would do nothing; Restart Daemon (below) replaces it with one that accepts us.
    return h(MenuBarExtra.Section, { key: "playback" }, [item("Speech daemon refused the connection")]);
  }
  if (view.mode === "downloading") {
    const percent = view.downloadPercent === null ? "" : ` ${view.downloadPercent}%`;
    return h(MenuBarExtra.Section, { key: "playback" }, [item(`Downloading speech model…${percent}`)]);
  }
  if (view.mode === "idle") return null;
  const speaking = view.mode === "speaking";
  return h(MenuBarExtra.Section, { key: "playback" }, [
    ...(view.nowSpeaking ? [item(`Now speaking: ${view.nowSpeaking}`)] : []),
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
  ]);
}

function daemonSection({ view, actions }: PlayerMenuProps): ReactElement {
  return h(MenuBarExtra.Section, { key: "daemon" }, [
    ...(view.daemonLine ? [item(view.daemonLine)] : []),
    item("Restart Daemon", actions.restartDaemon, Icon.ArrowClockwise),
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
