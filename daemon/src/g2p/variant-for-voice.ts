/**
 * The G2P variant follows the voice id's language prefix (kokoro-model.md §6.6, lessons §10 rule 17): `a…` voices
 * are American, `b…` voices British.
 */

import { ProtocolError } from "@kokoro-speech/protocol";
import type { Variant } from "./phoneme-sets.js";

const VARIANT_BY_PREFIX: Readonly<Record<string, Variant>> = { a: "en-us", b: "en-gb" };

/** Returns the variant of an English voice id; throws ProtocolError `unsupported_language` for any other prefix. */
export function variantForVoice(voiceId: string): Variant {
  const variant = VARIANT_BY_PREFIX[voiceId.charAt(0)];
  if (!variant) throw new ProtocolError("unsupported_language", `voice ${voiceId} has no English front end`);
  return variant;
}
