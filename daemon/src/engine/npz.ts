/**
 * Reads the voice arrays of a NumPy `.npz` archive such as kokoro-onnx's `voices-v1.0.bin`: a ZIP (written by
 * `np.savez`, entries STORED, zip64 local headers) of `<voice>.npy` files holding float32 (510, 1, 256) arrays.
 * fflate's unzip reads sizes from the central directory, which `np.savez` fills in, so the zip64 local headers
 * are no obstacle.
 */
import { unzipSync } from "fflate";
import { VOICE_PACK_BYTES } from "@kokoro-speech/protocol";
import { decodeVoicePack, VOICE_PACK_FLOATS, type VoicePack } from "./voice-pack.js";

const NPY_MAGIC = "\x93NUMPY";
const NPY_SUFFIX = ".npy";

/** Splits an npz archive into its `.npy` entries, keyed by array name (the entry name without `.npy`). */
export function unpackNpz(archive: Uint8Array, source: string): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(archive);
  } catch (error) {
    throw new Error(`${source}: not a readable npz archive`, { cause: error });
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith(NPY_SUFFIX)) entries.set(name.slice(0, -NPY_SUFFIX.length), bytes);
  }
  return entries;
}

/** Decodes one `.npy` voice array: little-endian float32, C order, 510 × 256 values in any row-major shape. */
export function decodeNpyVoicePack(npy: Uint8Array, source: string): VoicePack {
  const latin1 = (from: number, to: number): string => String.fromCharCode(...npy.subarray(from, to));
  if (npy.byteLength < 10 || latin1(0, 6) !== NPY_MAGIC) throw new Error(`${source}: not an .npy array`);
  const view = new DataView(npy.buffer, npy.byteOffset, npy.byteLength);
  const major = npy[6];
  // Version 1 has a 16-bit header length; versions 2 and 3 widen it to 32 bits.
  const headerStart = major === 1 ? 10 : 12;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const header = latin1(headerStart, headerStart + headerLength);
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortranOrder = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr !== "<f4" || fortranOrder !== "False" || shapeText === undefined) {
    throw new Error(`${source}: expected a little-endian float32 C-order array, header is ${header.trim()}`);
  }
  const shape = shapeText
    .split(",")
    .map((dim) => dim.trim())
    .filter((dim) => dim !== "")
    .map(Number);
  const count = shape.reduce((product, dim) => product * dim, 1);
  if (count !== VOICE_PACK_FLOATS) throw new Error(`${source}: shape (${shapeText}) is not 510 × 256 values`);
  const data = npy.subarray(headerStart + headerLength);
  if (data.byteLength !== VOICE_PACK_BYTES) throw new Error(`${source}: ${data.byteLength} data bytes`);
  return decodeVoicePack(data, source);
}
