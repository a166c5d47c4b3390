import { describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS, SPEED_DEFAULT, SPEED_MAX, SPEED_MIN } from "@kokoro-speech/protocol";
import { parseSpeechRequest } from "../../../../daemon/src/server/openai/speech-request.js";
import { toOpenAiHttpError } from "../../../../daemon/src/server/openai/openai-error.js";

const VALID = { model: "tts-1", input: "Hello there.", voice: "af_heart" };

describe("parseSpeechRequest", () => {
  it("turns OpenAI's request into a Kokoro synthesis request and a format", () => {
    expect(parseSpeechRequest({ ...VALID, voice: "nova", speed: 1.5, response_format: "pcm" })).toEqual({
      synthesis: { text: "Hello there.", voice: "af_nova", speed: 1.5 },
      format: "pcm",
      stream: "audio",
      requestedSpeed: 1.5,
    });
  });

  it("defaults to speed 1, mp3 (as OpenAI does) and the raw audio stream", () => {
    expect(parseSpeechRequest(VALID)).toEqual({
      synthesis: { text: "Hello there.", voice: "af_heart", speed: SPEED_DEFAULT },
      format: "mp3",
      stream: "audio",
      requestedSpeed: SPEED_DEFAULT,
    });
  });

  it("accepts every response format and SSE streaming", () => {
    for (const format of ["mp3", "opus", "aac", "flac", "wav", "pcm"]) {
      expect(parseSpeechRequest({ ...VALID, response_format: format }).format).toBe(format);
    }
    expect(parseSpeechRequest({ ...VALID, stream_format: "sse" }).stream).toBe("sse");
  });

  it("clamps a speed inside OpenAI's 0.25–4 but outside Kokoro's range to Kokoro's nearest end", () => {
    const cases: Array<[number, number]> = [
      [0.25, SPEED_MIN],
      [0.4, SPEED_MIN],
      [SPEED_MIN, SPEED_MIN],
      [1.3, 1.3],
      [SPEED_MAX, SPEED_MAX],
      [3, SPEED_MAX],
      [4, SPEED_MAX],
    ];
    for (const [requested, applied] of cases) {
      const parsed = parseSpeechRequest({ ...VALID, speed: requested });
      expect(parsed.synthesis.speed, `speed ${requested}`).toBe(applied);
      expect(parsed.requestedSpeed).toBe(requested);
    }
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
    ["an unknown stream format", { ...VALID, stream_format: "ws" }, 400, "invalid_message", "stream_format"],
    ["an unknown model", { ...VALID, model: "whisper-1" }, 400, "model_not_found", "model"],
    ["an unknown format", { ...VALID, response_format: "ogg" }, 400, "unsupported_response_format", "response_format"],
    ["a speed below OpenAI's range", { ...VALID, speed: 0.2 }, 400, "speed_out_of_range", "speed"],
    ["a speed above OpenAI's range", { ...VALID, speed: 4.5 }, 400, "speed_out_of_range", "speed"],
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
