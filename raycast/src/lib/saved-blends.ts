/** The voice blends the user saved in Choose Voice, kept in LocalStorage as one JSON array of blend specs. */
import { LocalStorage } from "@raycast/api";
import { isUsableVoice } from "./config.js";

const KEY = "saved-blends";

export async function loadSavedBlends(): Promise<string[]> {
  const stored = await LocalStorage.getItem<string>(KEY);
  if (stored === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed)
      ? parsed.filter((spec): spec is string => typeof spec === "string" && isUsableVoice(spec))
      : [];
  } catch {
    return [];
  }
}

export async function saveBlend(spec: string): Promise<void> {
  if (!isUsableVoice(spec)) throw new RangeError(`"${spec}" is not a blend of the English voices.`);
  const blends = await loadSavedBlends();
  if (!blends.includes(spec)) await LocalStorage.setItem(KEY, JSON.stringify([...blends, spec]));
}

export async function deleteBlend(spec: string): Promise<void> {
  const blends = await loadSavedBlends();
  await LocalStorage.setItem(KEY, JSON.stringify(blends.filter((blend) => blend !== spec)));
}
