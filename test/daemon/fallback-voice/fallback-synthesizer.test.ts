import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_RATE_HZ } from "@kokoro-speech/protocol";
import {
  createFallbackSynthesizer,
  FallbackSynthesizer,
} from "../../../daemon/src/fallback-voice/fallback-synthesizer.js";
import type { SegmentStart, SynthesisRequest, SynthesizedSegment } from "../../../daemon/src/synthesis/synthesizer.js";
import { protocolCodeOf } from "../../helpers/errors.js";

const SENTENCE = "Kokoro is not installed yet, so espeak reads this sentence instead.";
const PARAGRAPH =
  "The model is still downloading. Until it is ready, this voice speaks instead! " +
  "It follows the same segments, so skipping works as usual; and the spans cover every character.";

async function collect(
  synthesizer: FallbackSynthesizer,
  request: SynthesisRequest,
  from?: SegmentStart,
): Promise<SynthesizedSegment[]> {
  const iterator = synthesizer.segments(request, from);
  const segments: SynthesizedSegment[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) segments.push(next.value);
  return segments;
}

function rms(pcm: Buffer): number {
  let sum = 0;
  for (let i = 0; i < pcm.byteLength; i += 2) sum += pcm.readInt16LE(i) ** 2;
  return Math.sqrt(sum / Math.max(1, pcm.byteLength / 2));
}

describe("FallbackSynthesizer (real espeak-ng WASM)", () => {
  let synthesizer: FallbackSynthesizer;

  beforeAll(async () => {
    const created = await createFallbackSynthesizer();
    if (!created) throw new Error("the espeak-ng package should be installed in the daemon workspace");
    synthesizer = created;
  });

  afterAll(async () => {
    await synthesizer.close();
  });

  it('is named "fallback"', () => {
    expect(synthesizer.name).toBe("fallback");
  });

  it("produces non-silent 24 kHz audio for a sentence", async () => {
    const segments = await collect(synthesizer, { text: SENTENCE, voice: "af_heart", speed: 1 });
    const pcm = Buffer.concat(segments.map((segment) => segment.pcm));
    const seconds = pcm.byteLength / 2 / SAMPLE_RATE_HZ;
    expect(pcm.byteLength % 2).toBe(0);
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(10);
    expect(rms(pcm)).toBeGreaterThan(500);
  });

  it("yields segments whose spans partition the text, in order", async () => {
    const segments = await collect(synthesizer, { text: PARAGRAPH, voice: "bf_emma", speed: 1 });
    expect(segments.length).toBeGreaterThan(1);
    expect(segments.map((segment) => segment.index)).toEqual(segments.map((_, i) => i));
    expect(segments[0]!.start).toBe(0);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    expect(segments.at(-1)!.end).toBe(PARAGRAPH.length);
    for (const segment of segments) expect(rms(segment.pcm)).toBeGreaterThan(500);
  });

  it("restarts from a source offset with spans and indices shifted to the whole text", async () => {
    const whole = await collect(synthesizer, { text: PARAGRAPH, voice: "af_heart", speed: 1 });
    const from = { offset: whole[0]!.end, index: 1 };
    const rest = await collect(synthesizer, { text: PARAGRAPH, voice: "af_heart", speed: 1 }, from);
    expect(rest[0]!.index).toBe(1);
    expect(rest[0]!.start).toBe(from.offset);
    expect(rest.at(-1)!.end).toBe(PARAGRAPH.length);
  });

  it("gives shorter audio at speed 2 than at speed 1", async () => {
    const byteLength = async (speed: number): Promise<number> =>
      (await collect(synthesizer, { text: SENTENCE, voice: "af_heart", speed })).reduce(
        (sum, segment) => sum + segment.pcm.byteLength,
        0,
      );
    expect(await byteLength(2)).toBeLessThan(await byteLength(1));
  });

  it("speaks two streams one after the other and counts each request once, restarts included", async () => {
    const before = synthesizer.counters.streams;
    const first: SynthesisRequest = { text: "First stream.", voice: "af_heart", speed: 1 };
    const second: SynthesisRequest = { text: "Second stream.", voice: "am_adam", speed: 1 };
    expect(await collect(synthesizer, first)).toHaveLength(1);
    expect(await collect(synthesizer, second)).toHaveLength(1);
    await collect(synthesizer, first, { offset: 0, index: 0 });
    expect(synthesizer.counters.streams - before).toBe(2);
  });

  it.each(["af_heart", "bm_george", "af_bella:0.6+am_adam:0.4"])(
    "accepts %s: English catalogue voices, no pack needed",
    (voice) => {
      expect(protocolCodeOf(() => synthesizer.validate({ text: SENTENCE, voice, speed: 1 }))).toBeUndefined();
    },
  );

  // The same answers Kokoro gives: voice validation does not depend on which synthesizer speaks.
  it.each([
    ["af_nobody", "unknown_voice"],
    ["af_heart+af_nobody", "unknown_voice"],
    ["zz_nobody", "unknown_voice"],
    ["jf_alpha", "unsupported_language"],
    ["af_bella:0.6+jf_alpha:0.4", "unsupported_language"],
    ["zf_xiaobei+af_heart", "unsupported_language"],
    ["af heart!", "invalid_voice_spec"],
  ])("refuses %s with %s", (voice, code) => {
    expect(protocolCodeOf(() => synthesizer.validate({ text: SENTENCE, voice, speed: 1 }))).toBe(code);
  });
});
