/**
 * Sample-rate conversion for the fallback voice (espeak-ng renders 22,050 Hz; the product speaks 24,000 Hz).
 *
 * A windowed-sinc (Blackman window, 16 zero crossings each side) rather than linear interpolation: linear
 * interpolation dulls the top octave and leaves images of it above the old Nyquist frequency, and the sinc costs
 * little here because integer rates make the fractional positions repeat, so every tap weight is computed once per
 * converter (160 phases × 34 taps for 22,050 → 24,000) and converting is multiply-add only.
 */

/** Kernel half-width in zero crossings of the sinc; more means a sharper cut-off and more taps. */
const ZERO_CROSSINGS = 16;

/**
 * Cut-off as a fraction of the lower Nyquist frequency. Just below 1 so the window's transition band falls below
 * Nyquist instead of folding back across it.
 */
const CUTOFF_FRACTION = 0.95;

/** Output samples for `inputLength` input samples: the duration is kept, rounded to a whole sample. */
export function resampledLength(inputLength: number, fromHz: number, toHz: number): number {
  return Math.round((inputLength * toHz) / fromHz);
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Blackman window over [-1, 1]; zero at and beyond the ends. */
function blackman(x: number): number {
  if (Math.abs(x) >= 1) return 0;
  const phase = Math.PI * (x + 1);
  return 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
}

/** Converts mono sample streams from one integer rate to another. Build one per rate pair and reuse it. */
export class Resampler {
  readonly fromHz: number;
  readonly toHz: number;
  /** The rates divided by their GCD: output sample k sits at input position k × inputStep / phaseCount. */
  private readonly inputStep: number;
  private readonly phaseCount: number;
  /** Offset of the first tap from the input sample at or before the output position. */
  private readonly firstTap: number;
  private readonly tapCount: number;
  /** Un-normalised tap weights, `tapCount` per phase; used at the edges where some taps fall outside the input. */
  private readonly rawWeights: Float64Array;
  /** The same weights scaled to sum to 1 per phase, so a constant signal stays exactly constant. */
  private readonly weights: Float64Array;

  constructor(fromHz: number, toHz: number) {
    if (!Number.isInteger(fromHz) || !Number.isInteger(toHz) || fromHz <= 0 || toHz <= 0) {
      throw new RangeError(`sample rates must be positive integers (got ${fromHz} → ${toHz})`);
    }
    this.fromHz = fromHz;
    this.toHz = toHz;
    const divisor = greatestCommonDivisor(fromHz, toHz);
    this.inputStep = fromHz / divisor;
    this.phaseCount = toHz / divisor;
    // Frequencies relative to the input rate: downsampling must also remove what the output cannot carry.
    const cutoff = Math.min(1, toHz / fromHz) * CUTOFF_FRACTION;
    const halfWidth = ZERO_CROSSINGS / cutoff;
    this.firstTap = -Math.ceil(halfWidth);
    this.tapCount = 2 * Math.ceil(halfWidth) + 2;
    this.rawWeights = new Float64Array(this.phaseCount * this.tapCount);
    this.weights = new Float64Array(this.phaseCount * this.tapCount);
    for (let phase = 0; phase < this.phaseCount; phase++) {
      const fraction = phase / this.phaseCount;
      const base = phase * this.tapCount;
      let sum = 0;
      for (let tap = 0; tap < this.tapCount; tap++) {
        const distance = this.firstTap + tap - fraction;
        const weight = sinc(cutoff * distance) * blackman(distance / halfWidth);
        this.rawWeights[base + tap] = weight;
        sum += weight;
      }
      for (let tap = 0; tap < this.tapCount; tap++) this.weights[base + tap] = this.rawWeights[base + tap]! / sum;
    }
  }

  /** Resamples a whole signal; the output has `resampledLength(input.length, fromHz, toHz)` samples. */
  resample(input: ArrayLike<number>): Float32Array {
    const output = new Float32Array(resampledLength(input.length, this.fromHz, this.toHz));
    const lastInput = input.length - 1;
    for (let k = 0; k < output.length; k++) {
      const position = k * this.inputStep;
      const anchor = Math.floor(position / this.phaseCount);
      const phase = position - anchor * this.phaseCount;
      const base = phase * this.tapCount;
      const first = anchor + this.firstTap;
      const last = first + this.tapCount - 1;
      let value = 0;
      if (first >= 0 && last <= lastInput) {
        for (let tap = 0; tap < this.tapCount; tap++) value += this.weights[base + tap]! * input[first + tap]!;
      } else {
        // Near the ends only the taps inside the signal count, renormalised so the edges keep their level.
        let sum = 0;
        for (let tap = Math.max(0, -first); tap < this.tapCount && first + tap <= lastInput; tap++) {
          const weight = this.rawWeights[base + tap]!;
          value += weight * input[first + tap]!;
          sum += weight;
        }
        value = sum === 0 ? 0 : value / sum;
      }
      output[k] = value;
    }
    return output;
  }
}
