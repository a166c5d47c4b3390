/**
 * The fallback for words the lexicon cannot resolve: espeak-ng through the npm `phonemizer` package, mapped to
 * Misaki symbols. espeak-ng is GPL-3.0; it runs in a host process of its own (espeak-host.ts), started on first use,
 * so a build without it stays possible (G2P then spells or reports such words). Results are cached per variant; one
 * call per segment batches its words.
 */

import type { Logger } from "pino";
import { EspeakProcess, type EspeakProcessStats } from "./espeak-process.js";
import { ipaToMisaki } from "./ipa-to-misaki.js";
import type { Variant } from "./phoneme-sets.js";

export interface FallbackStats {
  /** Calls into espeak (a batch counts once). */
  readonly espeakCalls: number;
  /** Words looked up through the fallback, cached or not. */
  readonly words: number;
  readonly cacheHits: number;
  /** The host process: starts, idle releases and its last-known RSS. */
  readonly host: EspeakProcessStats;
}

export interface Fallback {
  /** Phonemes for each word espeak could pronounce; words it could not are absent from the map. Never throws. */
  phonemizeWords(words: readonly string[], variant: Variant): Promise<Map<string, string>>;
  stats(): FallbackStats;
  /** Stops the host process; later calls find no word. */
  close(): Promise<void>;
}

export interface EspeakFallbackOptions {
  /** Words remembered per process; the oldest are forgotten first. */
  readonly maxCacheEntries?: number;
  /** Quiet time after which the host process is stopped to give its memory back (espeak-process.ts default). */
  readonly idleReleaseMs?: number;
  /** Called each time the idle host is stopped. */
  readonly onRelease?: () => void;
  readonly log?: Logger;
}

const DEFAULT_MAX_CACHE_ENTRIES = 10_000;

/** espeak voices: kokoro-js uses `en-us` for American voices and `en` (RP) for British ones. */
const ESPEAK_LANGUAGE: Readonly<Record<Variant, string>> = { "en-us": "en-us", "en-gb": "en" };

function cleanIpa(ipa: string | undefined): string | undefined {
  const trimmed = ipa?.trim();
  return trimmed ? trimmed : undefined;
}

/** Creates the espeak-ng fallback. Its host process starts on first use (~0.3 s, off the daemon's thread). */
export function createEspeakFallback(options: EspeakFallbackOptions = {}): Fallback {
  const maxCacheEntries = options.maxCacheEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
  const cache = new Map<string, string | null>();
  const espeak = new EspeakProcess({
    ...(options.idleReleaseMs !== undefined ? { idleReleaseMs: options.idleReleaseMs } : {}),
    ...(options.onRelease ? { onRelease: options.onRelease } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  let espeakCalls = 0;
  let words = 0;
  let cacheHits = 0;

  function remember(key: string, phonemes: string | undefined): void {
    if (cache.size >= maxCacheEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, phonemes ?? null);
  }

  function callEspeak(text: string, variant: Variant): Promise<string[]> {
    espeakCalls += 1;
    return espeak.phonemize(text, ESPEAK_LANGUAGE[variant]);
  }

  /** One espeak call for the whole batch; commas make it return one array element per word. */
  async function phonemizeBatch(batch: readonly string[], variant: Variant): Promise<(string | undefined)[]> {
    const joined = await callEspeak(batch.join(", "), variant);
    if (joined.length === batch.length) return joined.map(cleanIpa);
    options.log?.debug({ words: batch.length, pieces: joined.length }, "espeak batch misaligned; one call per word");
    const single: (string | undefined)[] = [];
    for (const word of batch) single.push(cleanIpa((await callEspeak(word, variant)).join(" ")));
    return single;
  }

  async function phonemizeWords(requested: readonly string[], variant: Variant): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const missing: string[] = [];
    for (const word of new Set(requested)) {
      words += 1;
      const cached = cache.get(`${variant}\t${word}`);
      if (cached === undefined) missing.push(word);
      else {
        cacheHits += 1;
        if (cached !== null) result.set(word, cached);
      }
    }
    if (missing.length > 0) {
      let ipas: (string | undefined)[];
      try {
        ipas = await phonemizeBatch(missing, variant);
      } catch (error) {
        options.log?.warn({ err: error }, "espeak fallback failed");
        return result;
      }
      missing.forEach((word, index) => {
        const ipa = ipas[index];
        const phonemes = ipa === undefined ? undefined : ipaToMisaki(ipa, variant);
        remember(`${variant}\t${word}`, phonemes);
        if (phonemes) result.set(word, phonemes);
      });
    }
    return result;
  }

  return {
    phonemizeWords,
    stats: () => ({ espeakCalls, words, cacheHits, host: espeak.stats() }),
    close: () => espeak.close(),
  };
}
