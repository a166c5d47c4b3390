import { isProtocolError } from "@kokoro-speech/protocol";

/** Exit codes of every `kokoro-speech` subcommand. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** The daemon could not be reached (not running, or refused the connection). */
export const EXIT_UNREACHABLE = 3;

/** A CLI failure: one readable line on stderr and a chosen exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** Formats any thrown value as the single stderr line a user sees, and picks the exit code. */
export function describeCliFailure(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CliError) return { line: `kokoro-speech: ${error.message}`, exitCode: error.exitCode };
  if (isProtocolError(error)) return { line: `kokoro-speech: ${error.code}: ${error.message}`, exitCode: EXIT_FAILURE };
  const message = error instanceof Error ? error.message : String(error);
  return { line: `kokoro-speech: ${message}`, exitCode: EXIT_FAILURE };
}
