/**
 * A model and voices the user already has, named by flag, config or environment, to be used in place (verified by
 * `ModelManager.useExisting`, never copied). The data and state folders themselves are resolved in
 * `@kokoro-speech/protocol` (`resolveDataDir`, `resolveStateDir`), since clients need the same rules.
 */
import { resolve } from "node:path";

export const MODEL_PATH_ENV = "KOKORO_SPEECH_MODEL_PATH";
export const VOICES_PATH_ENV = "KOKORO_SPEECH_VOICES_PATH";

export interface ExistingPaths {
  readonly modelPath: string;
  /** A directory of `<voice>.bin` packs or a `voices-v1.0.bin` archive. */
  readonly voicesPath: string;
}

/**
 * The user's own model and voices, from explicit values (flags or config) first, then the environment; `undefined`
 * when neither names any. Naming only one of the two is a configuration mistake and throws a `RangeError`.
 */
export function resolveExistingPaths(
  options: { modelPath?: string | undefined; voicesPath?: string | undefined; env?: NodeJS.ProcessEnv } = {},
): ExistingPaths | undefined {
  const env = options.env ?? process.env;
  const modelPath = nonEmpty(options.modelPath) ? options.modelPath : env[MODEL_PATH_ENV];
  const voicesPath = nonEmpty(options.voicesPath) ? options.voicesPath : env[VOICES_PATH_ENV];
  if (!nonEmpty(modelPath) && !nonEmpty(voicesPath)) return undefined;
  if (!nonEmpty(modelPath) || !nonEmpty(voicesPath)) {
    throw new RangeError(
      `an existing model needs both a model path and a voices path (${MODEL_PATH_ENV}, ${VOICES_PATH_ENV})`,
    );
  }
  return { modelPath: resolve(modelPath), voicesPath: resolve(voicesPath) };
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}
