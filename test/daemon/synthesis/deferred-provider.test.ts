import { EventEmitter } from "node:events";
import {
  isProtocolError,
  type ModelQuality,
  type ModelStatusReport,
  type SynthesisTotals,
} from "@kokoro-speech/protocol";
import { describe, expect, it } from "vitest";
import { DeferredSpeechProvider } from "../../../daemon/src/synthesis/deferred-provider.js";
import {
  FixedSynthesizerProvider,
  type SynthesizedSegment,
  type Synthesizer,
  type SynthesizerProvider,
} from "../../../daemon/src/synthesis/synthesizer.js";
import { createSynthesizer, fixtureAudioFor } from "../../fixtures/tone-synthesizer.js";
import { thrownBy } from "../../helpers/errors.js";

const REQUEST = { text: "One sentence. Another one.", voice: "af_heart", speed: 1 };

/** The fixture synthesizer behind a provider that can announce status changes and records downloads. */
class FixtureProvider implements SynthesizerProvider {
  readonly events = new EventEmitter();
  readonly downloads: unknown[] = [];
  private readonly fixed = new FixedSynthesizerProvider(createSynthesizer());
  synthesizer(): Synthesizer {
    return this.fixed.synthesizer();
  }
  status(): ModelStatusReport {
    return this.fixed.status();
  }
  download(quality?: ModelQuality): ModelStatusReport {
    this.downloads.push(quality);
    return this.status();
  }
  synthesisCounters(): SynthesisTotals {
    return this.fixed.synthesisCounters();
  }
  helperRssBytes(): number {
    return 0;
  }
  on(_event: "status", listener: (status: ModelStatusReport) => void): this {
    this.events.on("status", listener);
    return this;
  }
}

async function pcmOf(iterator: AsyncIterator<SynthesizedSegment>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) parts.push(next.value.pcm);
  return Buffer.concat(parts);
}

describe("DeferredSpeechProvider", () => {
  it("says an installed model is being verified, and refuses what cannot wait", () => {
    const deferred = new DeferredSpeechProvider(true, true);
    expect(deferred.status()).toEqual({ state: "verifying" });
    const error = thrownBy(() => deferred.synthesizer());
    expect(isProtocolError(error) && error.code).toBe("model_unavailable");
    expect(deferred.synthesisCounters().inferences).toBe(0);
    expect(deferred.helperRssBytes()).toBe(0);
  });

  it("gives speech that may wait a synthesizer whose segments start once the real provider is there", async () => {
    const deferred = new DeferredSpeechProvider(true, true);
    const waiting = deferred.synthesizer({ awaitLoading: true });
    const audio = pcmOf(waiting.segments(REQUEST));
    const real = new FixtureProvider();
    deferred.ready(real);
    expect((await audio).equals(fixtureAudioFor(REQUEST.text))).toBe(true);
    expect(deferred.synthesizer()).toBe(real.synthesizer());
  });

  it("checks a waiting request once the real synthesizer is there", async () => {
    const deferred = new DeferredSpeechProvider(true, true);
    const segments = deferred.synthesizer({ awaitLoading: true }).segments({ ...REQUEST, voice: "nobody" });
    deferred.ready(new FixtureProvider());
    await expect(segments.next()).rejects.toMatchObject({ code: "unknown_voice" });
  });

  it("refuses speech at once when no model is installed and the fallback voice is off, as the model will", () => {
    const deferred = new DeferredSpeechProvider(false, false);
    expect(deferred.status()).toEqual({ state: "missing" });
    const error = thrownBy(() => deferred.synthesizer({ awaitLoading: true }));
    expect(isProtocolError(error) && error.code).toBe("model_unavailable");
  });

  it("without a model, names the fallback voice and lets speech wait for it", async () => {
    const deferred = new DeferredSpeechProvider(false, true);
    expect(deferred.status()).toEqual({ state: "missing", synthesizer: "fallback", provider: "fallback" });
    const waiting = deferred.synthesizer({ awaitLoading: true });
    expect(waiting.name).toBe("fallback");
    const audio = pcmOf(waiting.segments(REQUEST));
    deferred.ready(new FixtureProvider());
    expect((await audio).equals(fixtureAudioFor(REQUEST.text))).toBe(true);
  });

  it("hands its listeners and a download asked for meanwhile to the real provider", async () => {
    const deferred = new DeferredSpeechProvider(false, false);
    const heard: ModelStatusReport[] = [];
    deferred.on("status", (status) => heard.push(status));
    deferred.download("fp16");
    const real = new FixtureProvider();
    deferred.ready(real);
    await Promise.resolve();
    expect(real.downloads).toEqual(["fp16"]);
    expect(heard).toEqual([real.status()]);
    real.events.emit("status", { state: "loading" });
    expect(heard.at(-1)).toEqual({ state: "loading" });
  });
});
