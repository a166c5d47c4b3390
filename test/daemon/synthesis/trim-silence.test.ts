import { describe, expect, it } from "vitest";
import { msToBytes } from "@kokoro-speech/protocol";
import { trimOptionsFor, trimSilence } from "../../../daemon/src/synthesis/trim-silence.js";

/** `silenceMs` of zeros, `toneMs` of a loud square wave, `silenceMs` of zeros. */
function padded(silenceMs: number, toneMs: number): { pcm: Buffer; tone: Buffer } {
  const tone = Buffer.alloc(msToBytes(toneMs));
  for (let i = 0; i < tone.byteLength / 2; i++) tone.writeInt16LE(i % 40 < 20 ? 12_000 : -12_000, i * 2);
  const silence = Buffer.alloc(msToBytes(silenceMs));
  return { pcm: Buffer.concat([silence, tone, silence]), tone };
}

describe("trimSilence", () => {
  it("cuts long silences down to what it is told to keep, and keeps all of the sound", () => {
    const { pcm, tone } = padded(1_000, 500);
    const trimmed = trimSilence(pcm, { keepLeadingMs: 20, keepTrailingMs: 250 });
    expect(trimmed.byteLength).toBeLessThan(pcm.byteLength);
    expect(trimmed.includes(tone)).toBe(true);
    const leading = trimmed.indexOf(tone);
    expect(leading).toBeLessThanOrEqual(msToBytes(20));
    const trailing = trimmed.byteLength - leading - tone.byteLength;
    expect(trailing).toBe(msToBytes(250));
    expect(leading).toBe(msToBytes(20));
  });

  it("treats quiet noise 70 dB below the peak as silence and 50 dB below as sound", () => {
    const { pcm } = padded(1_000, 200);
    const quiet = Buffer.from(pcm);
    for (let i = 0; i < msToBytes(1_000) / 2; i++) quiet.writeInt16LE(i % 2 ? 4 : -4, i * 2); // about -70 dB
    expect(trimSilence(quiet, { keepLeadingMs: 0, keepTrailingMs: 0 }).byteLength).toBeLessThan(msToBytes(400));
    const audible = Buffer.from(pcm);
    for (let i = 0; i < msToBytes(1_000) / 2; i++) audible.writeInt16LE(i % 2 ? 40 : -40, i * 2); // about -50 dB
    expect(trimSilence(audible, { keepLeadingMs: 0, keepTrailingMs: 0 }).byteLength).toBeGreaterThan(msToBytes(1_100));
  });

  it("returns all-silent and very short audio unchanged", () => {
    const silent = Buffer.alloc(msToBytes(500));
    expect(trimSilence(silent, { keepLeadingMs: 0, keepTrailingMs: 0 })).toBe(silent);
    const short = Buffer.alloc(100);
    expect(trimSilence(short, { keepLeadingMs: 0, keepTrailingMs: 0 })).toBe(short);
  });
});

describe("trimOptionsFor", () => {
  it.each([
    ["A full sentence.", 250],
    ["A question?", 250],
    ['She said "yes."', 250],
    ["a first clause,", 80],
    ["cut by the budget", 80],
  ])("%j keeps %i ms after it", (text, trailingMs) => {
    expect(trimOptionsFor(text).keepTrailingMs).toBe(trailingMs);
  });
});
