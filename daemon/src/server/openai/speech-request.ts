/**
 * The body of `POST /v1/audio/speech`, validated once: OpenAI's request shape in, a Kokoro synthesis request and an
 * output format out. Range checks use the same shared predicates as `speak`, so both doors accept the same things.
 */
import {
  assertSpeakableText,
  boundedString,
  ProtocolError,
  SPEED_DEFAULT,
  SPEED_MAX,
  SPEED_MIN,
} from "@kokoro-speech/protocol";
import { z } from "zod";
import type { SynthesisRequest } from "../../synthesis/synthesizer.js";
import {
  isResponseFormat,
  RESPONSE_FORMAT_DEFAULT,
  SUPPORTED_RESPONSE_FORMATS,
  type ResponseFormat,
} from "./audio-formats.js";
import { isSpeechModelId, SPEECH_MODEL_IDS } from "./speech-models.js";
import { OpenAiHttpError } from "./openai-error.js";
import { toKokoroVoice } from "./voice-aliases.js";

/** OpenAI's `speed` range; within it, values outside Kokoro's own range are clamped to it (`clampSpeed`). */
export const OPENAI_SPEED_MIN = 0.25;
export const OPENAI_SPEED_MAX = 4.0;

/**
 * Unknown fields are refused as OpenAI refuses them. `instructions` is accepted and ignored: Kokoro takes no style
 * prompt, and OpenAI ignores it for `tts-1` too.
 */
const speechBodySchema = z.strictObject({
  model: z.string(),
  input: z.string(),
  voice: boundedString(1, 256),
  speed: z.number().finite().optional(),
  response_format: z.string().optional(),
  instructions: z.string().optional(),
  stream_format: z.enum(["audio", "sse"]).optional(),
});

export type StreamFormat = "audio" | "sse";

export interface SpeechRequest {
  synthesis: SynthesisRequest;
  format: ResponseFormat;
  stream: StreamFormat;
  /** The `speed` the request asked for; `synthesis.speed` is the one applied (clamped into Kokoro's range). */
  requestedSpeed: number;
}

/** Kokoro's range is narrower than OpenAI's: a speed inside OpenAI's but outside Kokoro's goes to the nearest end. */
export function clampSpeed(speed: number): number {
  if (!(speed >= OPENAI_SPEED_MIN && speed <= OPENAI_SPEED_MAX)) {
    throw new ProtocolError(
      "speed_out_of_range",
      `Speed ${speed} is outside ${OPENAI_SPEED_MIN}–${OPENAI_SPEED_MAX}; ` +
        `Kokoro plays ${SPEED_MIN}–${SPEED_MAX} and clamps to it.`,
    );
  }
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
}

/** Validates a parsed JSON body; throws `OpenAiHttpError` or `ProtocolError` (mapped to 400/413 by the caller). */
export function parseSpeechRequest(body: unknown): SpeechRequest {
  const parsed = speechBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.length > 0 ? issue.path.join(".") : null;
    throw new OpenAiHttpError(
      400,
      "invalid_message",
      `Invalid request: ${issue.message}${param ? ` (${param})` : ""}.`,
      {
        param,
      },
    );
  }
  const {
    model,
    input,
    voice,
    speed = SPEED_DEFAULT,
    response_format: format = RESPONSE_FORMAT_DEFAULT,
    stream_format: stream = "audio",
  } = parsed.data;
  if (!isSpeechModelId(model)) {
    throw new OpenAiHttpError(
      400,
      "model_not_found",
      `Unknown model "${model}"; use one of ${SPEECH_MODEL_IDS.join(", ")}.`,
      {
        param: "model",
      },
    );
  }
  if (!isResponseFormat(format)) {
    throw new OpenAiHttpError(
      400,
      "unsupported_response_format",
      `response_format "${format}" is not supported; use one of ${SUPPORTED_RESPONSE_FORMATS.join(", ")}.`,
      { param: "response_format" },
    );
  }
  assertSpeakableText(input);
  return {
    synthesis: { text: input, voice: toKokoroVoice(voice), speed: clampSpeed(speed) },
    format,
    stream,
    requestedSpeed: speed,
  };
}
