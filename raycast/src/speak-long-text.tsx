import { SpeakTextForm } from "./lib/speak-text-form.js";

export default function Command(props: { draftValues?: { text?: string } }) {
  return <SpeakTextForm initialText={props.draftValues?.text} />;
}
