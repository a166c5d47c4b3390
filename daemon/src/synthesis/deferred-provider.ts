/**
 * Stands in for the speech model while its modules load. The daemon opens its port first and only then imports the
 * speech stack (text front end, G2P, engine, onnxruntime, model manager: about a quarter of its cold start), so a
 * client connects as early as possible. Until the real provider is attached, a model that is installed reports
 * `verifying` and speech requests that may wait get a synthesizer that waits for it, as they will while it loads;
 * without an installed model the state is `missing` and speech is refused with `model_unavailable` at once, as it
 * will be after, so a client starts the download (or waits for the fallback voice) exactly as it would later.
 */
import type { ModelQuality, ModelStatusReport, SynthesisTotals } from "@kokoro-speech/shared";
import { modelUnavailableError } from "../models/model-unavailable.js";
import { awaitingSynthesizer } from "./awaiting-synthesizer.js";
import {
  NO_SYNTHESIS,
  type Synthesizer,
  type SynthesizerProvider,
  type SynthesizerRequestOptions,
} from "./synthesizer.js";

type StatusListener = (status: ModelStatusReport) => void;

export class DeferredSpeechProvider implements SynthesizerProvider {
  private readonly starting: ModelStatusReport;
  private real: SynthesizerProvider | null = null;
  private readonly attached: Promise<SynthesizerProvider>;
  private attach!: (provider: SynthesizerProvider) => void;
  private readonly listeners: StatusListener[] = [];
  private awaiting: Synthesizer | null = null;

  /** `modelInstalled`: whether model files are there to load (checked by name; verified later). */
  constructor(modelInstalled: boolean) {
    this.starting = { state: modelInstalled ? "verifying" : "missing" };
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
    if (!options.awaitLoading || this.starting.state === "missing") throw modelUnavailableError(this.starting);
    this.awaiting ??= awaitingSynthesizer("kokoro", async () => (await this.attached).synthesizer(options));
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
