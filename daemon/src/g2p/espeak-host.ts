/**
 * Entry point of the child process that runs espeak-ng (the npm `phonemizer` package, GPL-3.0) for the G2P
 * fallback; only `EspeakProcess` starts it, with an IPC channel. It lives outside the daemon because:
 * - its WebAssembly and the language data it unpacks cost ~35 MB that a thread cannot give back (a terminated
 *   worker left 15–50 MB behind in malloc's arenas), while an exiting process returns all of it;
 * - its Emscripten runtime installs process-wide handlers that rethrow any unhandled rejection;
 * - its first call compiles the WebAssembly (~140 ms) and later calls take up to ~30 ms, which on the daemon's
 *   event loop would stall the player.
 * The host exits when the parent goes away, so an orphan never lingers.
 */
import { isEspeakRequest, type EspeakReply } from "./espeak-host-messages.js";

type Phonemize = (text: string, language: string) => Promise<string[]>;

function reply(message: EspeakReply): void {
  if (process.connected) process.send?.(message, undefined, {}, () => undefined);
}

const phonemizer: Promise<Phonemize> = import("phonemizer").then((module) => module.phonemize);
// A failed import is answered per request below; this keeps it from also being an unhandled rejection.
phonemizer.catch(() => undefined);

async function answer(request: unknown): Promise<void> {
  if (!isEspeakRequest(request)) return;
  try {
    const phonemize = await phonemizer;
    const ipa = await phonemize(request.text, request.language);
    reply({ id: request.id, ok: true, ipa, rssBytes: process.memoryUsage.rss() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply({ id: request.id, ok: false, message, rssBytes: process.memoryUsage.rss() });
  }
}

if (process.send === undefined) {
  process.stderr.write("espeak-host is started by the daemon's G2P fallback, not by hand\n");
  process.exit(2);
}
process.on("message", (request) => void answer(request));
// Exit, never process.disconnect(): on Node 20 a child that disconnects right after a send can crash its parent.
process.on("disconnect", () => process.exit(0));
