import { describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS, SPEED_DEFAULT, SPEED_MAX, SPEED_MIN } from "@kokoro-speech/shared";
import { parseSpeechRequest } from "../../../../daemon/src/server/openai/speech-request.js";
import { toOpenAiHttpError } from "../../../../daemon/src/server/openai/openai-error.js";

const VALID = { model: "tts-1", input: "Hello there.", voice: "af_heart" };

describe("parseSpeechRequest", () => {
  it("turns OpenAI's request into a Kokoro synthesis request and a format", () => {
    expect(parseSpeechRequest({ ...VALID, voice: "nova", speed: 1.5, response_format: "pcm" })).toEqual({
      synthesis: { text: "Hello there.", voice: "af_nova", speed: 1.5 },
      format: "pcm",
    });
  });

  it("defaults to speed 1 and WAV (OpenAI's mp3 default needs an encoder the daemon lacks)", () => {
    expect(parseSpeechRequest(VALID)).toEqual({
      synthesis: { text: "Hello there.", voice: "af_heart", speed: SPEED_DEFAULT },
      format: "wav",
    });
  });

  it("accepts every listed model id, the range ends of speed, `instructions` and the audio stream format", () => {
    for (const model of ["kokoro", "tts-1", "tts-1-hd", "gpt-4o-mini-tts"]) {
      expect(() => parseSpeechRequest({ ...VALID, model })).not.toThrow();
    }
    for (const speed of [SPEED_MIN, SPEED_MAX])
      expect(parseSpeechRequest({ ...VALID, speed }).synthesis.speed).toBe(speed);
    expect(() => parseSpeechRequest({ ...VALID, instructions: "cheerful", stream_format: "audio" })).not.toThrow();
  });

  it("accepts input of exactly the text limit", () => {
    expect(() => parseSpeechRequest({ ...VALID, input: "a".repeat(MAX_TEXT_CHARS) })).not.toThrow();
  });

  const refused: Array<[string, unknown, number, string, string | null]> = [
    ["a body that is not an object", "hello", 400, "invalid_message", null],
    ["a missing input", { model: "tts-1", voice: "af_heart" }, 400, "invalid_message", "input"],
    ["a voice that is not a string", { ...VALID, voice: { id: "voice_1234" } }, 400, "invalid_message", "voice"],
    ["an unknown field", { ...VALID, lang_code: "a" }, 400, "invalid_message", null],
    ["SSE streaming", { ...VALID, stream_format: "sse" }, 400, "invalid_message", "stream_format"],
    ["an unknown model", { ...VALID, model: "whisper-1" }, 400, "model_not_found", "model"],
    ["mp3", { ...VALID, response_format: "mp3" }, 400, "unsupported_response_format", "response_format"],
    ["flac", { ...VALID, response_format: "flac" }, 400, "unsupported_response_format", "response_format"],
    ["a speed below the range", { ...VALID, speed: 0.25 }, 400, "speed_out_of_range", "speed"],
    ["a speed above the range", { ...VALID, speed: 4 }, 400, "speed_out_of_range", "speed"],
    ["blank input", { ...VALID, input: " \n " }, 400, "empty_text", "input"],
    ["input one past the limit", { ...VALID, input: "a".repeat(MAX_TEXT_CHARS + 1) }, 413, "text_too_long", "input"],
  ];
  for (const [name, body, status, code, param] of refused) {
    it(`refuses ${name} with ${status} ${code}`, () => {
      let thrown: unknown;
      try {
        parseSpeechRequest(body);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, "expected a refusal").toBeDefined();
      expect(toOpenAiHttpError(thrown)).toMatchObject({ status, code, param });
    });
  }
});
