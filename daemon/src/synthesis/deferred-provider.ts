/**
 * Stands in for the speech model while its modules load. The daemon opens its port first and only then imports the
 * speech stack (text front end, G2P, engine, onnxruntime, model manager: about a quarter of its cold start), so a
 * client connects as early as possible. Until the real provider is attached, a model that is installed reports
 * `verifying`, and speech requests that may wait get a synthesizer that waits for it, as they will while it loads.
 * Without an installed model the state is `missing`: with the fallback voice on, speech waits for that voice (and the
 * status names it, so a client also starts the download); with it off, speech is refused with `model_unavailable` at
 * once, as it will be after.
 */
import type { ModelQuality, ModelStatusReport, SynthesisTotals } from "@kokoro-speech/protocol";
import { FALLBACK_SYNTHESIZER_NAME } from "../fallback-voice/name.js";
import { modelUnavailableError } from "../models/model-unavailable.js";
import { awaitingSynthesizer } from "./awaiting-synthesizer.js";
import {
  NO_SYNTHESIS,
  type Synthesizer,
  type SynthesizerProvider,
  type SynthesizerRequestOptions,
} from "../synthesizer/synthesizer.js";

type StatusListener = (status: ModelStatusReport) => void;

export class DeferredSpeechProvider implements SynthesizerProvider {
  private readonly starting: ModelStatusReport;
  private real: SynthesizerProvider | null = null;
  private readonly attached: Promise<SynthesizerProvider>;
  private attach!: (provider: SynthesizerProvider) => void;
  private readonly listeners: StatusListener[] = [];
  private awaiting: Synthesizer | null = null;

  /**
   * `modelInstalled`: whether model files are there to load (checked by name; verified later). `fallbackVoice`:
   * whether the fallback voice will speak without one.
   */
  constructor(modelInstalled: boolean, fallbackVoice: boolean) {
    this.starting = modelInstalled
      ? { state: "verifying" }
      : fallbackVoice
        ? { state: "missing", synthesizer: FALLBACK_SYNTHESIZER_NAME, provider: "fallback" }
        : { state: "missing" };
    this.attached = new Promise((resolve) => (this.attach = resolve));
  }

  /** Hands over to the loaded provider: listeners move to it and hear its current status. */
  ready(provider: SynthesizerProvider): void {
    if (this.real) return;
    this.real = provider;
    this.awaiting = null;
    for (const listener of this.listeners) provider.on("status", listener);
    this.attach(provider);
    const status = provider.status();
    for (const listener of this.listeners) listener(status);
  }

  synthesizer(options: SynthesizerRequestOptions = {}): Synthesizer {
    if (this.real) return this.real.synthesizer(options);
    const speaks = this.starting.state === "verifying" ? "kokoro" : this.starting.synthesizer;
    if (!options.awaitLoading || speaks === undefined) throw modelUnavailableError(this.starting);
    this.awaiting ??= awaitingSynthesizer(speaks, async () => (await this.attached).synthesizer(options));
    return this.awaiting;
  }

  status(): ModelStatusReport {
    return this.real ? this.real.status() : this.starting;
  }

  download(quality?: ModelQuality): ModelStatusReport {
    if (this.real) return this.real.download(quality);
    void this.attached.then((provider) => provider.download(quality));
    return this.starting;
  }

  synthesisCounters(): SynthesisTotals {
    return this.real ? this.real.synthesisCounters() : { ...NO_SYNTHESIS };
  }

  helperRssBytes(): number {
    return this.real ? this.real.helperRssBytes() : 0;
  }

  on(event: "status", listener: StatusListener): this {
    if (this.real) this.real.on(event, listener);
    else this.listeners.push(listener);
    return this;
  }
}
