/**
 * How late ALSA's `file` plugin writes what a player hands the device: the real `speaker` addon, fed the way the
 * daemon's player feeds it (a lead of DEVICE_LEAD_MS, then 10 ms writes paced by the clock), while the capture file
 * is polled. Prints `{"lagMs": …}`: the time from the first write to the first captured byte. Run with HOME pointing
 * at a capture `.asoundrc` (test/helpers/alsa.ts); argv[2] is the capture path, argv[3] the lead in ms.
 *
 * The plugin holds back one device buffer (out123 asks ALSA for 0.5 s) before it writes to the file, while playback
 * on a sound card starts with the first frame (start threshold 1): the capture's first byte comes late by this lag.
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { clearInterval, setInterval, setTimeout } from "node:timers";
import { URL } from "node:url";

// The daemon package declares `speaker`: resolved from there.
const Speaker = createRequire(new URL("../../../daemon/package.json", import.meta.url))("speaker");
const [capturePath, leadArg] = process.argv.slice(2);
const BYTES_PER_MS = 48; // 24 kHz, mono, s16le
const leadMs = Number(leadArg);
const speaker = new Speaker({ channels: 1, bitDepth: 16, sampleRate: 24_000 });
const startedMs = performance.now();
let handedMs = 0;
const feed = setInterval(() => {
  const dueMs = performance.now() - startedMs + leadMs;
  if (dueMs > handedMs) {
    speaker.write(Buffer.alloc(Math.round(dueMs - handedMs) * BYTES_PER_MS, 1));
    handedMs = Math.round(dueMs);
  }
}, 10);
speaker.write(Buffer.alloc(leadMs * BYTES_PER_MS, 1));
handedMs = leadMs;
const poll = setInterval(() => {
  let size = 0;
  try {
    size = statSync(capturePath).size;
  } catch {
    // Not created yet.
  }
  if (size === 0 && performance.now() - startedMs < 10_000) return;
  clearInterval(poll);
  clearInterval(feed);
  process.stdout.write(`${JSON.stringify({ lagMs: size === 0 ? null : performance.now() - startedMs })}\n`);
  speaker.end();
  setTimeout(() => process.exit(0), 50);
}, 2);
