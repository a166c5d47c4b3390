/**
 * The form of Speak Long Text: a text area and one submit action that hands the text to the shared Speak flow.
 * Written with `createElement` so the tests' plain TypeScript configuration compiles it and renders it without
 * Raycast; it holds no state, so it needs no React renderer either.
 */
import { createElement as h, type ReactElement } from "react";
import { Action, ActionPanel, Form, Icon } from "@raycast/api";
import { runSpeakCommand } from "./speak-flow.js";
import { typedText } from "./text-source.js";

export const TEXT_FIELD_ID = "text";

export interface SpeakTextFormValues {
  text?: string;
}

/** Speaks the submitted text; the HUD that follows closes the window, a failure toast leaves the form to retry. */
export function submitSpeakText(values: SpeakTextFormValues): Promise<void> {
  return runSpeakCommand(async () => typedText(values.text));
}

export function SpeakTextForm(props: { initialText?: string }): ReactElement {
  return h(
    Form,
    {
      // Raycast keeps what was typed if the window closes before Speak; the command gets it back as draftValues.
      enableDrafts: true,
      actions: h(
        ActionPanel,
        null,
        h(Action.SubmitForm, {
          title: "Speak Text",
          icon: Icon.SpeakerOn,
          onSubmit: (values: SpeakTextFormValues) => void submitSpeakText(values),
        }),
      ),
    },
    h(Form.TextArea, {
      id: TEXT_FIELD_ID,
      title: "Text",
      placeholder: "Type or paste the text to read aloud",
      defaultValue: props.initialText,
      enableMarkdown: false,
    }),
  );
}
