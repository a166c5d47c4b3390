/**
 * Voice packs: 510 style rows of 256 float32 each, one row per possible chunk length in tokens (kokoro-model.md §6).
 * Decoding of the raw `.bin` layout, style-row selection and blending live here; where packs come from is
 * `voices.ts`'s job.
 */
import { MAX_PHONEME_TOKENS, VOICE_PACK_BYTES, VOICE_STYLE_DIM } from "@kokoro-speech/protocol";

/** Width of one style row (the model's `style` input). */
export const STYLE_DIM = VOICE_STYLE_DIM;

/** One row per phoneme token count 1–510, so the row count is the model's token limit. */
export const VOICE_PACK_ROWS = MAX_PHONEME_TOKENS;

export const VOICE_PACK_FLOATS = VOICE_PACK_ROWS * STYLE_DIM;

/** A whole voice pack, row-major: row k is `[k·256, (k+1)·256)`. */
export type VoicePack = Float32Array;

/**
 * Reads a raw little-endian float32 pack. Copies the bytes so the result is aligned and owns its memory whatever
 * the Buffer's offset into a pooled allocation was.
 */
export function decodeVoicePack(bytes: Uint8Array, source: string): VoicePack {
  if (bytes.byteLength !== VOICE_PACK_BYTES) {
    throw new RangeError(`${source}: a voice pack has ${VOICE_PACK_BYTES} bytes, this one ${bytes.byteLength}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pack = new Float32Array(VOICE_PACK_FLOATS);
  for (let i = 0; i < VOICE_PACK_FLOATS; i++) pack[i] = view.getFloat32(i * 4, true);
  return pack;
}

/**
 * The pack row for a chunk of `tokenCount` phoneme tokens (pads excluded). Row k serves chunks of k + 1 tokens,
 * as in the Python reference (`pack[len(ps) - 1]`); adjacent rows are nearly identical, so this differs inaudibly
 * from kokoro-js's `n`. Clamped, so an empty or over-long chunk still gets a valid row.
 */
export function styleRowIndex(tokenCount: number): number {
  return Math.min(Math.max(tokenCount - 1, 0), VOICE_PACK_ROWS - 1);
}

/** The 256 floats of the style row for `tokenCount` tokens, as a view into the pack. */
export function selectStyleRow(pack: VoicePack, tokenCount: number): Float32Array {
  const row = styleRowIndex(tokenCount);
  return pack.subarray(row * STYLE_DIM, (row + 1) * STYLE_DIM);
}

export interface WeightedPack {
  readonly pack: VoicePack;
  /** Any positive weight; weights are normalised to sum 1. */
  readonly weight: number;
}

/** Element-wise weighted average of whole packs (every row), with weights normalised to sum 1. */
export function blendVoicePacks(parts: readonly WeightedPack[]): VoicePack {
  const first = parts[0];
  if (first === undefined) throw new RangeError("a blend needs at least one voice");
  if (parts.length === 1) return first.pack;
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  // In float32, term by term, as the reference blends (kokoro-onnx's `voice_a * w + voice_b * w` on float32 numpy
  // arrays, Kokoro-FastAPI's on float32 tensors): each product rounded to float32, then each sum. A float64 mean
  // rounded once differs in the last bit of some elements, and the int8 model turns that bit into a different
  // phoneme duration now and then (parity fell to 0.989 against kokoro-onnx's render of the same blend).
  const blended = new Float32Array(VOICE_PACK_FLOATS);
  for (const { pack, weight } of parts) {
    // numpy casts the Python float to the array's float32 before it multiplies.
    const share = Math.fround(weight / total);
    for (let i = 0; i < VOICE_PACK_FLOATS; i++) {
      blended[i] = Math.fround((blended[i] as number) + Math.fround((pack[i] as number) * share));
    }
  }
  return blended;
}
