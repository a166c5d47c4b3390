/**
 * OpenAI's server-sent events for `stream_format: "sse"`, as its API specification defines them (schemas
 * `SpeechAudioDeltaEvent` and `SpeechAudioDoneEvent`): `speech.audio.delta` carries a piece of the audio in base64,
 * `speech.audio.done` ends the stream with token usage. Kokoro bills nothing; the counts are zero.
 */

export const SSE_CONTENT_TYPE = "text/event-stream";

function event(payload: object): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export function audioDeltaEvent(bytes: Buffer): string {
  return event({ type: "speech.audio.delta", audio: bytes.toString("base64") });
}

export function audioDoneEvent(): string {
  return event({ type: "speech.audio.done", usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 } });
}
