import { describe, expect, it } from "vitest";
import { ProtocolError, type ErrorCode } from "@kokoro-speech/protocol";
import { OpenAiHttpError, toOpenAiHttpError } from "../../../../daemon/src/server/openai/openai-error.js";

describe("toOpenAiHttpError", () => {
  const rows: Array<[ErrorCode, number, string, string | null]> = [
    ["invalid_message", 400, "invalid_request_error", null],
    ["empty_text", 400, "invalid_request_error", "input"],
    ["unknown_voice", 400, "invalid_request_error", "voice"],
    ["invalid_voice_spec", 400, "invalid_request_error", "voice"],
    ["unsupported_language", 400, "invalid_request_error", "voice"],
    ["speed_out_of_range", 400, "invalid_request_error", "speed"],
    ["unauthorized", 401, "invalid_request_error", null],
    ["text_too_long", 413, "invalid_request_error", "input"],
    ["message_too_large", 413, "invalid_request_error", null],
    ["queue_full", 429, "rate_limit_error", null],
    ["model_unavailable", 503, "server_error", null],
    ["synthesis_failed", 500, "server_error", null],
    ["internal_error", 500, "server_error", null],
  ];
  for (const [code, status, type, param] of rows) {
    it(`answers ${code} with HTTP ${status} and OpenAI's error body`, () => {
      const error = toOpenAiHttpError(new ProtocolError(code, `because ${code}`));
      expect(error.status).toBe(status);
      expect(error.body()).toEqual({ error: { message: `because ${code}`, type, param, code } });
    });
  }

  it("hides the details of an unexpected error behind internal_error", () => {
    const error = toOpenAiHttpError(new TypeError("secret stack detail"));
    expect(error).toMatchObject({ status: 500, code: "internal_error" });
    expect(error.message).not.toContain("secret");
  });

  it("keeps an OpenAiHttpError as it is and attaches headers to a mapped one", () => {
    const own = new OpenAiHttpError(404, "not_found", "nothing here");
    expect(toOpenAiHttpError(own)).toBe(own);
    const mapped = toOpenAiHttpError(new ProtocolError("model_unavailable"), { "retry-after": "5" });
    expect(mapped.headers).toEqual({ "retry-after": "5" });
  });
});
