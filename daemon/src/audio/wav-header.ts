/** The WAV header lives in shared/ (the extension writes WAV files too); re-exported for the daemon's modules. */
export { encodeWavHeader, MAX_WAV_DATA_BYTES, WAV_HEADER_BYTES } from "@kokoro-speech/protocol";
