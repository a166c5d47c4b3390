import { describe, expect, it } from "vitest";
import {
  BYTES_PER_SECOND,
  DAEMON_NAME,
  DEFAULT_PORT,
  DEFAULT_VOICE,
  DEVICE_LEAD_MS,
  HEARTBEAT_INTERVAL_MS,
  MAX_CHUNK_PAYLOAD_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_PHONEME_TOKENS,
  MAX_PLAY_BUFFER_BYTES,
  MAX_QUEUED_STREAMS,
  MAX_REQUEST_ID_CHARS,
  MAX_TEXT_CHARS,
  PROTOCOL_VERSION,
  SPEED_DEFAULT,
  SPEED_MAX,
  SPEED_MIN,
  WEBSOCKET_PATH,
} from "@kokoro-speech/protocol";

/**
 * Both sides of the protocol and several daemon stages rely on these numbers; a change to one is a protocol or
 * product decision, so each is pinned here and changing it means changing this table on purpose.
 */
describe("shared limits", () => {
  it.each([
    ["PROTOCOL_VERSION", PROTOCOL_VERSION, 1],
    ["DAEMON_NAME", DAEMON_NAME, "kokoro-speech"],
    ["WEBSOCKET_PATH", WEBSOCKET_PATH, "/ws"],
    ["DEFAULT_PORT", DEFAULT_PORT, 47_315],
    ["SPEED_MIN", SPEED_MIN, 0.5],
    ["SPEED_MAX", SPEED_MAX, 2.0],
    ["SPEED_DEFAULT", SPEED_DEFAULT, 1.0],
    ["DEFAULT_VOICE", DEFAULT_VOICE, "af_heart"],
    ["MAX_PHONEME_TOKENS", MAX_PHONEME_TOKENS, 510],
    ["MAX_TEXT_CHARS", MAX_TEXT_CHARS, 200_000],
    ["MAX_MESSAGE_BYTES", MAX_MESSAGE_BYTES, 1_048_576],
    ["MAX_CHUNK_PAYLOAD_BYTES", MAX_CHUNK_PAYLOAD_BYTES, 48_000],
    ["MAX_QUEUED_STREAMS", MAX_QUEUED_STREAMS, 32],
    ["MAX_PLAY_BUFFER_BYTES", MAX_PLAY_BUFFER_BYTES, 1_440_000],
    ["DEVICE_LEAD_MS", DEVICE_LEAD_MS, 50],
    ["MAX_REQUEST_ID_CHARS", MAX_REQUEST_ID_CHARS, 64],
    ["HEARTBEAT_INTERVAL_MS", HEARTBEAT_INTERVAL_MS, 15_000],
  ])("pins %s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("keeps the default speed inside the speed range", () => {
    expect(SPEED_MIN).toBeLessThanOrEqual(SPEED_DEFAULT);
    expect(SPEED_DEFAULT).toBeLessThanOrEqual(SPEED_MAX);
  });

  it("lets a maximal speak request fit in one message even if every character needs a 4-byte escape", () => {
    const envelopeBytes = 1_024;
    expect(MAX_TEXT_CHARS * 4 + envelopeBytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });

  it("sizes a chunk payload to one second of audio and the play buffer to thirty", () => {
    expect(MAX_CHUNK_PAYLOAD_BYTES).toBe(BYTES_PER_SECOND);
    expect(MAX_PLAY_BUFFER_BYTES).toBe(30 * BYTES_PER_SECOND);
  });

  it("keeps a largest chunk frame well under the message limit", () => {
    expect(MAX_CHUNK_PAYLOAD_BYTES + 24).toBeLessThan(MAX_MESSAGE_BYTES);
  });
});
