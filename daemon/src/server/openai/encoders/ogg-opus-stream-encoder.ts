/**
 * Opus in Ogg (RFC 7845) through `opusscript`, libopus compiled to WebAssembly (MIT; libopus BSD-3-Clause): 20 ms
 * frames at the engine's 24 kHz, laid out in Ogg pages (ogg-pages.ts). Every call emits the pages of the frames
 * it completed, so a player starts on the first segment; the last page carries the exact end (RFC 7845 §4.5), so
 * decoders drop the padding of the final frame, and the header's pre-skip drops the encoder's look-ahead.
 */
import { randomInt } from "node:crypto";
import OpusScript from "opusscript";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import { OggStream, PAGE_EOS } from "./ogg-pages.js";
import { concatBytes, type StreamEncoder } from "./stream-encoder.js";

/** 20 ms: the frame size libopus is tuned for. */
const FRAME_SAMPLES = SAMPLE_RATE_HZ / 50;
/** Granule positions count 48 kHz samples whatever the input rate (RFC 7845 §4). */
const GRANULE_PER_SAMPLE = 48_000 / SAMPLE_RATE_HZ;
/**
 * libopus's look-ahead (`OPUS_GET_LOOKAHEAD`) is 2.5 ms plus 4 ms of delay compensation at every rate for the
 * `AUDIO` application: 312 samples at 48 kHz. opusscript has no getter for it, so it is fixed here.
 */
export const OPUS_PRE_SKIP = 312;
/** Kokoro's speech at 24 kHz mono is transparent well below this. */
export const OPUS_BITRATE_BPS = 48_000;
const VENDOR = "kokoro-speech (libopus via opusscript)";

function opusHead(): Uint8Array {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode("OpusHead"), 0);
  head[8] = 1; // version
  head[9] = 1; // channels
  view.setUint16(10, OPUS_PRE_SKIP, true);
  view.setUint32(12, SAMPLE_RATE_HZ, true); // the input's rate, for information
  view.setInt16(16, 0, true); // output gain
  head[18] = 0; // channel mapping family 0: mono or stereo, no table
  return head;
}

function opusTags(): Uint8Array {
  const vendor = new TextEncoder().encode(VENDOR);
  const tags = new Uint8Array(8 + 4 + vendor.byteLength + 4);
  const view = new DataView(tags.buffer);
  tags.set(new TextEncoder().encode("OpusTags"), 0);
  view.setUint32(8, vendor.byteLength, true);
  tags.set(vendor, 12);
  view.setUint32(12 + vendor.byteLength, 0, true); // no user comments
  return tags;
}

export function createOggOpusEncoder(): StreamEncoder {
  const opus = new OpusScript(SAMPLE_RATE_HZ, 1, OpusScript.Application.AUDIO);
  opus.setBitrate(OPUS_BITRATE_BPS);
  const ogg = new OggStream(randomInt(0, 2 ** 32));
  const pending = new Int16Array(FRAME_SAMPLES);
  let pendingSamples = 0;
  let samplesIn = 0;
  let framesOut = 0;
  /** The newest packet, kept back so that the end-of-stream page always has a packet to carry. */
  let heldPacket: Uint8Array | null = null;
  let headers: Uint8Array[] | null = [...ogg.pages([opusHead()], () => 0n), ...ogg.pages([opusTags()], () => 0n)];

  const encodeFrame = (frame: Int16Array): Uint8Array => {
    // opusscript copies its argument into 16-bit heap slots element by element: it takes samples, not bytes.
    const packet = opus.encode(new Uint16Array(frame.buffer, frame.byteOffset, frame.length) as never, FRAME_SAMPLES);
    framesOut++;
    return new Uint8Array(packet);
  };
  /** Granule after the `count`-th frame since the start, pre-skip included. */
  const granuleAfterFrames = (count: number): bigint =>
    BigInt(OPUS_PRE_SKIP + count * FRAME_SAMPLES * GRANULE_PER_SAMPLE);

  const takeHeaders = (): Uint8Array[] => {
    const taken = headers ?? [];
    headers = null;
    return taken;
  };

  return {
    encode(samples) {
      samplesIn += samples.length;
      const packets: Uint8Array[] = heldPacket ? [heldPacket] : [];
      const firstFrame = framesOut - packets.length;
      let offset = 0;
      while (offset < samples.length) {
        const take = Math.min(FRAME_SAMPLES - pendingSamples, samples.length - offset);
        pending.set(samples.subarray(offset, offset + take), pendingSamples);
        pendingSamples += take;
        offset += take;
        if (pendingSamples === FRAME_SAMPLES) {
          packets.push(encodeFrame(pending));
          pendingSamples = 0;
        }
      }
      heldPacket = packets.pop() ?? null;
      const pages = ogg.pages(packets, (index) => granuleAfterFrames(firstFrame + index + 1));
      return concatBytes([...takeHeaders(), ...pages]);
    },
    finish() {
      const packets: Uint8Array[] = heldPacket ? [heldPacket] : [];
      heldPacket = null;
      if (pendingSamples > 0 || packets.length === 0) {
        pending.fill(0, pendingSamples);
        packets.push(encodeFrame(pending));
        pendingSamples = 0;
      }
      // The end trims the padding of the last frame: the granule counts only the samples that came in.
      const end = BigInt(OPUS_PRE_SKIP + samplesIn * GRANULE_PER_SAMPLE);
      const firstFrame = framesOut - packets.length;
      const pages = ogg.pages(
        packets,
        (index) => (index === packets.length - 1 ? end : granuleAfterFrames(firstFrame + index + 1)),
        PAGE_EOS,
      );
      return concatBytes([...takeHeaders(), ...pages]);
    },
    dispose: () => opus.delete(),
  };
}
