import { useEffect, useState } from "react";
import { loadSpeechChoices } from "./lib/choices.js";
import { readConfig } from "./lib/config.js";
import { showFailure } from "./lib/failure-toast.js";
import { logPathOf } from "./lib/supervisor.js";
import { loadSavedBlends } from "./lib/saved-blends.js";
import { createVoiceActions } from "./lib/voice-actions.js";
import { VoiceList } from "./lib/voice-list.js";

export default function Command() {
  const [current, setCurrent] = useState("");
  const [blends, setBlends] = useState<string[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const [actions] = useState(() => createVoiceActions(() => setVersion((n) => n + 1)));

  useEffect(() => {
    // A failed read (invalid preferences) is reported; the list still shows every voice.
    Promise.all([loadSpeechChoices(readConfig()), loadSavedBlends()])
      .then(([choices, saved]) => {
        setCurrent(choices.voice);
        setBlends(saved);
      })
      .catch((error: unknown) => showFailure(error, logPathOf({})))
      .finally(() => setIsLoading(false));
  }, [version]);

  return <VoiceList current={current} blends={blends} actions={actions} isLoading={isLoading} />;
}
