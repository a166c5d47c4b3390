/**
 * The last failure a command reported, kept in Raycast's `Cache` so the Speech Player can show it next to "Open
 * Log": a command run by hotkey has no window, Raycast turns its toast into a HUD without actions, and this is where
 * the user then finds the log. A later success clears it.
 */
import { Cache } from "@raycast/api";

const KEY = "last-failure";

export interface LastFailure {
  readonly title: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export function rememberFailure(title: string, at: number = Date.now()): void {
  new Cache().set(KEY, JSON.stringify({ title, at } satisfies LastFailure));
}

export function clearFailure(): void {
  new Cache().remove(KEY);
}

export function recallFailure(): LastFailure | null {
  const stored = new Cache().get(KEY);
  if (stored === undefined) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<LastFailure>;
    return typeof parsed.title === "string" && typeof parsed.at === "number"
      ? { title: parsed.title, at: parsed.at }
      : null;
  } catch {
    return null;
  }
}
