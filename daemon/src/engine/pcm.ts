/**
 * Model output → the product's PCM format (s16le, see `@kokoro-speech/protocol` audio-format). Kokoro's float output
 * nominally lies in [−1, 1] but ONNX exports have been seen to exceed it, so samples are clamped before scaling.
 */

const INT16_PEAK = 32767;

/** Concatenates float waveforms into one s16le buffer: `round(clamp(x, −1, 1) × 32767)` per sample. */
export function floatsToS16le(waveforms: readonly Float32Array[]): Buffer {
  const total = waveforms.reduce((sum, waveform) => sum + waveform.length, 0);
  // Int16Array uses the platform's byte order; every platform onnxruntime-node ships for is little-endian.
  const pcm = new Int16Array(total);
  let offset = 0;
  for (const waveform of waveforms) {
    for (let i = 0; i < waveform.length; i++) {
      // floor(v + 0.5) is Math.round for these magnitudes and about three times faster in V8; clamping the scaled
      // value is the same as clamping the sample to [-1, 1] first.
      const scaled = (waveform[i] as number) * INT16_PEAK + 0.5;
      pcm[offset + i] =
        scaled >= INT16_PEAK ? INT16_PEAK : scaled <= 0.5 - INT16_PEAK ? -INT16_PEAK : Math.floor(scaled);
    }
    offset += waveform.length;
  }
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
}
