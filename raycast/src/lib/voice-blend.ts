/**
 * Voice blends as the daemon reads them (docs/voices.md, "Blends"): `af_bella:0.7+am_michael:0.3`. The extension
 * only builds blends of two English voices and names them; the daemon validates and mixes them.
 */
export interface BlendTerm {
  readonly voice: string;
  /** Normalised: the terms' weights sum to 1. */
  readonly weight: number;
}

/**
 * The terms of a blend spec, or `null` when it is not a well-formed blend of two or more distinct voice ids. Whether
 * the voices exist is the caller's question (config.ts asks it of the manifest's voices).
 */
export function parseBlend(spec: string): BlendTerm[] | null {
  const parts = spec.split("+").map((part) => part.trim());
  if (parts.length < 2) return null;
  const terms: Array<{ voice: string; weight: number }> = [];
  for (const part of parts) {
    const match = /^([a-z]{2}_[a-z]+)\s*(?::\s*(\d*\.?\d+))?$/.exec(part);
    if (!match) return null;
    const voice = match[1]!;
    const weight = match[2] === undefined ? 1 : Number(match[2]);
    if (!(weight > 0)) return null;
    if (terms.some((term) => term.voice === voice)) return null;
    terms.push({ voice, weight });
  }
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  return terms.map((term) => ({ voice: term.voice, weight: term.weight / total }));
}

/** A blend of `first` at `firstPercent` and `second` at the rest, in the daemon's syntax. */
export function blendSpec(first: string, second: string, firstPercent: number): string {
  if (first === second) throw new RangeError("A blend needs two different voices.");
  if (!(firstPercent > 0 && firstPercent < 100)) throw new RangeError("The first voice's share must be 1–99%.");
  const share = (percent: number): string => String(Math.round(percent * 100) / 10_000);
  return `${first}:${share(firstPercent)}+${second}:${share(100 - firstPercent)}`;
}
