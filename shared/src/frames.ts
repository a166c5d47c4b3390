/**
 * Binary chunk frames: a fixed 24-byte little-endian header followed by PCM. Used daemon → client (the audio of a
 * stream a client asked for) and client → daemon (PCM for a `play` stream). The decoder never throws: any input,
 * however malformed, yields either a frame or an `invalid_frame` error.
 *
 * | offset | size | field                                     |
 * |-------:|-----:|-------------------------------------------|
 * |      0 |    4 | magic "KSPC" (0x4B 0x53 0x50 0x43)        |
 * |      4 |    1 | protocol version                          |
 * |      5 |    1 | frame type (1 = audio chunk)              |
 * |      6 |    1 | sample format (1 = s16le)                 |
 * |      7 |    1 | channel count                             |
 * |      8 |    4 | stream id (u32)                           |
 * |     12 |    4 | sequence number within the stream (u32)   |
 * |     16 |    4 | sample rate in Hz (u32)                   |
 * |     20 |    4 | payload length in bytes (u32)             |
 * |     24 |    n | PCM payload                               |
 */
import { BYTES_PER_SAMPLE, CHANNEL_COUNT, SAMPLE_FORMAT, SAMPLE_RATE_HZ, type SampleFormat } from "./audio-format.js";
import { ProtocolError } from "./errors.js";
import { MAX_CHUNK_PAYLOAD_BYTES, PROTOCOL_VERSION } from "./limits.js";
import type { ParseResult } from "./validate.js";

export const FRAME_MAGIC = Uint8Array.of(0x4b, 0x53, 0x50, 0x43);
export const FRAME_HEADER_BYTES = 24;
export const FRAME_TYPE_AUDIO_CHUNK = 1;
export const SAMPLE_FORMAT_CODES: Readonly<Record<SampleFormat, number>> = { s16le: 1 };

export interface ChunkFrame {
  streamId: number;
  seq: number;
  sampleRateHz: number;
  sampleFormat: SampleFormat;
  channelCount: number;
  /** A view into the decoded buffer (no copy). */
  pcm: Uint8Array;
}

export interface ChunkFrameInit {
  streamId: number;
  seq: number;
  pcm: Uint8Array;
  sampleRateHz?: number;
  channelCount?: number;
}

function assertU32(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new RangeError(`${name} must be an unsigned 32-bit integer, got ${value}`);
  }
}

/** Encodes one audio chunk frame. Programmer mistakes (bad ids, oversize payload) throw `RangeError`. */
export function encodeChunkFrame(init: ChunkFrameInit): Buffer {
  const sampleRateHz = init.sampleRateHz ?? SAMPLE_RATE_HZ;
  const channelCount = init.channelCount ?? CHANNEL_COUNT;
  assertU32("streamId", init.streamId);
  assertU32("seq", init.seq);
  assertU32("sampleRateHz", sampleRateHz);
  if (init.pcm.byteLength > MAX_CHUNK_PAYLOAD_BYTES) {
    throw new RangeError(`chunk payload ${init.pcm.byteLength} B exceeds ${MAX_CHUNK_PAYLOAD_BYTES} B`);
  }
  if (!Number.isInteger(channelCount) || channelCount < 1 || channelCount > 255) {
    throw new RangeError(`channelCount must be 1–255, got ${channelCount}`);
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + init.pcm.byteLength);
  frame.set(FRAME_MAGIC, 0);
  frame.writeUInt8(PROTOCOL_VERSION, 4);
  frame.writeUInt8(FRAME_TYPE_AUDIO_CHUNK, 5);
  frame.writeUInt8(SAMPLE_FORMAT_CODES[SAMPLE_FORMAT], 6);
  frame.writeUInt8(channelCount, 7);
  frame.writeUInt32LE(init.streamId, 8);
  frame.writeUInt32LE(init.seq, 12);
  frame.writeUInt32LE(sampleRateHz, 16);
  frame.writeUInt32LE(init.pcm.byteLength, 20);
  frame.set(init.pcm, FRAME_HEADER_BYTES);
  return frame;
}

function invalid(message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: new ProtocolError("invalid_frame", message) };
}

/** Decodes one binary frame. Never throws. */
export function decodeChunkFrame(data: Uint8Array): ParseResult<ChunkFrame> {
  if (!(data instanceof Uint8Array)) return invalid("A binary frame must be bytes.");
  if (data.byteLength < FRAME_HEADER_BYTES) return invalid(`Frame of ${data.byteLength} B is shorter than its header.`);
  for (let i = 0; i < FRAME_MAGIC.length; i++) {
    if (data[i] !== FRAME_MAGIC[i]) return invalid("Frame does not start with the KSPC magic.");
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint8(4);
  if (version !== PROTOCOL_VERSION) return invalid(`Frame protocol version ${version} is not ${PROTOCOL_VERSION}.`);
  const frameType = view.getUint8(5);
  if (frameType !== FRAME_TYPE_AUDIO_CHUNK) return invalid(`Unknown frame type ${frameType}.`);
  const formatCode = view.getUint8(6);
  if (formatCode !== SAMPLE_FORMAT_CODES.s16le) return invalid(`Unknown sample format ${formatCode}.`);
  const channelCount = view.getUint8(7);
  if (channelCount === 0) return invalid("Channel count must be at least 1.");
  const streamId = view.getUint32(8, true);
  if (streamId === 0) return invalid("Stream id 0 is reserved.");
  const seq = view.getUint32(12, true);
  const sampleRateHz = view.getUint32(16, true);
  const payloadBytes = view.getUint32(20, true);
  if (payloadBytes !== data.byteLength - FRAME_HEADER_BYTES) {
    return invalid(
      `Header declares ${payloadBytes} B of payload; the frame carries ${data.byteLength - FRAME_HEADER_BYTES} B.`,
    );
  }
  if (payloadBytes > MAX_CHUNK_PAYLOAD_BYTES) {
    return invalid(`Payload of ${payloadBytes} B exceeds ${MAX_CHUNK_PAYLOAD_BYTES} B.`);
  }
  if (payloadBytes % (channelCount * BYTES_PER_SAMPLE) !== 0) {
    return invalid("Payload is not a whole number of sample frames.");
  }
  return {
    ok: true,
    value: {
      streamId,
      seq,
      sampleRateHz,
      sampleFormat: SAMPLE_FORMAT,
      channelCount,
      pcm: data.subarray(FRAME_HEADER_BYTES),
    },
  };
}

/** Whether a decoded frame carries the product's one PCM format (24 kHz mono s16le). */
export function hasProductFormat(frame: ChunkFrame): boolean {
  return frame.sampleRateHz === SAMPLE_RATE_HZ && frame.channelCount === CHANNEL_COUNT;
}
