/**
 * Every number that both sides of the protocol (or more than one stage) must agree on. Each is defined once, here,
 * with its unit and the reason for its value; tests pin them.
 */

/** The wire protocol version spoken by this package; `hello` must carry exactly this number. */
export const PROTOCOL_VERSION = 1;

/** Name reported by the daemon in `welcome` and `GET /health`; clients refuse a listener with another name. */
export const DAEMON_NAME = "kokoro-speech";

/** Path of the WebSocket endpoint on the daemon's port (HTTP endpoints share the port). */
export const WEBSOCKET_PATH = "/ws";

/** Default TCP port on 127.0.0.1. Chosen from the unassigned user range; 0 in config means "any free port". */
export const DEFAULT_PORT = 47_315;

/** Speaking rate bounds: Kokoro's useful range and the only range any layer accepts (lessons §10 rule 15). */
export const SPEED_MIN = 0.5;
export const SPEED_MAX = 2.0;
export const SPEED_DEFAULT = 1.0;

/** The voice used when a request names none; identical everywhere (lessons §10 rule 17). */
export const DEFAULT_VOICE = "af_heart";

/** Kokoro accepts at most 512 token ids including the two pads: 510 phoneme tokens per inference. */
export const MAX_PHONEME_TOKENS = 510;

/** Longest text one `speak` accepts, in UTF-16 code units (JavaScript `length`). A long article fits; a book does not. */
export const MAX_TEXT_CHARS = 200_000;

/**
 * Largest JSON text frame, in bytes. A maximal `speak` is 200,000 characters, up to 4 UTF-8 bytes each once
 * escaping is counted for the worst common case; 1 MiB covers that with room for the envelope.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Largest PCM payload in one binary chunk frame: one second of 24 kHz mono s16le. */
export const MAX_CHUNK_PAYLOAD_BYTES = 48_000;

/** Streams waiting behind the current one (enqueue mode). More is refused with `queue_full`. */
export const MAX_QUEUED_STREAMS = 32;

/**
 * PCM a client may have sent to a `play` stream ahead of playback, in bytes (30 s). Beyond it the daemon refuses
 * chunks with `buffer_overflow` instead of growing without bound (lessons §10 rule 4).
 */
export const MAX_PLAY_BUFFER_BYTES = 30 * 48_000;

/**
 * Audio handed to the device ahead of the playback clock, in milliseconds. Stop and pause stop feeding at once, so
 * this bounds the audio that still sounds after them.
 */
export const DEVICE_LEAD_MS = 50;

/** Longest client-chosen request id, in characters. */
export const MAX_REQUEST_ID_CHARS = 64;

/** Heartbeat: the daemon pings each client this often and drops one that missed a whole interval's pong. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
