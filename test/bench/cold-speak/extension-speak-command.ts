/**
 * Runs the extension's Speak Selected Text command once, as Raycast would after loading its bundle: the command
 * module is imported first, then the line `{"commandStartedAtMs": …}` (Unix ms) is printed and the command runs. The
 * selection is `KOKORO_BENCH_TEXT`; the "Daemon Script" preference is `KOKORO_BENCH_DAEMON_SCRIPT`, the Voice preference `KOKORO_BENCH_VOICE` when set. Started by
 * cold-speak.bench.ts with tsx and raycast-mock-hooks.mjs; prints the toasts and HUDs it showed as a last JSON line.
 */
import { performance } from "node:perf_hooks";
import { recorded, setPreferences, setSelectedText } from "../../mocks/raycast-api.js";

const text = process.env.KOKORO_BENCH_TEXT;
const daemonScript = process.env.KOKORO_BENCH_DAEMON_SCRIPT;
if (!text || !daemonScript) throw new Error("KOKORO_BENCH_TEXT and KOKORO_BENCH_DAEMON_SCRIPT must be set");
setSelectedText(text);
setPreferences({
  daemonScript,
  daemonPort: "0",
  ...(process.env.KOKORO_BENCH_VOICE ? { voice: process.env.KOKORO_BENCH_VOICE } : {}),
});
const { default: command } = await import("../../../raycast/src/speak-selected-text.js");
process.stdout.write(`${JSON.stringify({ commandStartedAtMs: performance.timeOrigin + performance.now() })}\n`);
await command();
process.stdout.write(
  `${JSON.stringify({ toasts: recorded.toasts.map((toast) => toast.title), huds: recorded.huds })}\n`,
);
