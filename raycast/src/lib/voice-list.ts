/**
 * Choose Voice's list: saved blends, then the English voices by language, each with its gender and quality in words
 * and the actions Preview, Set as Default and Create Blend. Written with `createElement` and without state, so the
 * tests render it without Raycast; the command (choose-voice.tsx) loads what it shows.
 */
import { createElement as h, type ReactElement } from "react";
import { Action, ActionPanel, Form, Icon, List } from "@raycast/api";
import { voiceName } from "./manifest-choices.js";
import type { BlendFormValues, VoiceActions } from "./voice-actions.js";
import { englishVoices, type VoiceDescription } from "./voice-descriptions.js";

export interface VoiceListProps {
  /** The voice in use (a voice id or a blend spec). */
  readonly current: string;
  readonly blends: readonly string[];
  readonly actions: VoiceActions;
  readonly isLoading?: boolean;
}

/** The first voice's share, in steps of 10%. */
export const BLEND_SHARES = [10, 20, 30, 40, 50, 60, 70, 80, 90] as const;

export function BlendForm(props: { first: string; actions: VoiceActions }): ReactElement {
  const voices = englishVoices();
  const voiceItems = voices.map((voice) =>
    h(Form.Dropdown.Item, { key: voice.id, value: voice.id, title: `${voice.name} (${voice.language})` }),
  );
  const second = voices.find((voice) => voice.id !== props.first)?.id;
  return h(
    Form,
    {
      navigationTitle: "Create Blend",
      actions: h(
        ActionPanel,
        null,
        h(Action.SubmitForm, {
          title: "Save Blend",
          icon: Icon.Plus,
          onSubmit: (values: BlendFormValues) => void props.actions.saveBlend(values),
        }),
      ),
    },
    h(Form.Dropdown, { key: "first", id: "first", title: "First Voice", defaultValue: props.first }, voiceItems),
    h(Form.Dropdown, { key: "second", id: "second", title: "Second Voice", defaultValue: second }, voiceItems),
    h(
      Form.Dropdown,
      { key: "share", id: "share", title: "Mix", defaultValue: "50" },
      BLEND_SHARES.map((share) =>
        h(Form.Dropdown.Item, {
          key: String(share),
          value: String(share),
          title: `${share}% first voice, ${100 - share}% second`,
        }),
      ),
    ),
  );
}

function voiceActions(voice: string, props: VoiceListProps, extra: ReactElement[]): ReactElement {
  return h(ActionPanel, null, [
    h(Action, {
      key: "preview",
      title: "Preview",
      icon: Icon.SpeakerOn,
      onAction: () => void props.actions.preview(voice),
    }),
    h(Action, {
      key: "default",
      title: "Set as Default",
      icon: Icon.Checkmark,
      shortcut: { modifiers: ["cmd"], key: "d" },
      onAction: () => void props.actions.setDefault(voice),
    }),
    ...extra,
  ]);
}

function currentTag(voice: string, props: VoiceListProps): Array<{ tag: string }> {
  return voice === props.current ? [{ tag: "In Use" }] : [];
}

function voiceItem(voice: VoiceDescription, props: VoiceListProps): ReactElement {
  return h(List.Item, {
    key: voice.id,
    id: voice.id,
    title: voice.name,
    subtitle: `${voice.gender} · ${voice.quality} quality`,
    keywords: [voice.id, voice.language, voice.gender, voice.quality],
    accessories: currentTag(voice.id, props),
    actions: voiceActions(voice.id, props, [
      h(Action.Push, {
        key: "blend",
        title: "Create Blend",
        icon: Icon.Plus,
        shortcut: { modifiers: ["cmd"], key: "b" },
        target: h(BlendForm, { first: voice.id, actions: props.actions }),
      }),
    ]),
  });
}

function blendItem(spec: string, props: VoiceListProps): ReactElement {
  return h(List.Item, {
    key: spec,
    id: spec,
    title: voiceName(spec),
    subtitle: "Blend",
    accessories: currentTag(spec, props),
    actions: voiceActions(spec, props, [
      h(Action, {
        key: "delete",
        title: "Delete Blend",
        icon: Icon.Trash,
        style: Action.Style.Destructive,
        shortcut: { modifiers: ["ctrl"], key: "x" },
        onAction: () => void props.actions.deleteBlend(spec),
      }),
    ]),
  });
}

export function VoiceList(props: VoiceListProps): ReactElement {
  const voices = englishVoices();
  const section = (title: string, items: ReactElement[]): ReactElement | null =>
    items.length === 0 ? null : h(List.Section, { key: title, title }, items);
  return h(
    List,
    { isLoading: props.isLoading ?? false, searchBarPlaceholder: "Search voices by name, accent, gender" },
    [
      section(
        "Saved Blends",
        props.blends.map((spec) => blendItem(spec, props)),
      ),
      ...(["American English", "British English"] as const).map((language) =>
        section(
          language,
          voices.filter((voice) => voice.language === language).map((voice) => voiceItem(voice, props)),
        ),
      ),
    ],
  );
}
