/** What a test needs to look at an error without letting it escape: what was thrown, or rejected, and its code. */
import { isProtocolError } from "@kokoro-speech/protocol";

/** What `action` throws, or undefined when it returns. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** What `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

/** The protocol error code `action` throws, "not a ProtocolError" for anything else, undefined when it returns. */
export function protocolCodeOf(action: () => unknown): string | undefined {
  const error = thrownBy(action);
  if (error === undefined) return undefined;
  return isProtocolError(error) ? error.code : "not a ProtocolError";
}
