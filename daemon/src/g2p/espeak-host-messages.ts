/**
 * What the espeak-ng fallback and its host process exchange over the Node IPC channel. Requests carry ids and may
 * overlap; the host answers each once, in any order.
 */

/** Parent → host: phonemise `text` (words separated by commas come back as one array element each). */
export interface EspeakRequest {
  readonly id: number;
  readonly text: string;
  /** An espeak-ng voice name (`en-us`, `en`). */
  readonly language: string;
}

/** Host → parent: the answer to one request, with the host's RSS at that moment. */
export type EspeakReply =
  | { readonly id: number; readonly ok: true; readonly ipa: string[]; readonly rssBytes: number }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly rssBytes: number };

export function isEspeakRequest(value: unknown): value is EspeakRequest {
  if (typeof value !== "object" || value === null) return false;
  const { id, text, language } = value as Record<string, unknown>;
  return Number.isInteger(id) && typeof text === "string" && typeof language === "string";
}

export function isEspeakReply(value: unknown): value is EspeakReply {
  if (typeof value !== "object" || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (!Number.isInteger(reply.id) || typeof reply.rssBytes !== "number") return false;
  if (reply.ok === true) return Array.isArray(reply.ipa) && reply.ipa.every((piece) => typeof piece === "string");
  return reply.ok === false && typeof reply.message === "string";
}
