import { describe, expect, it } from "vitest";
import { segmentsRetryingOnce } from "../../../daemon/src/synthesis/segment-retry.js";
import type { SegmentStart, SynthesizedSegment } from "../../../daemon/src/synthesis/synthesizer.js";

const SENTENCES = ["One. ", "Two. ", "Three. ", "Four."];
const TEXT = SENTENCES.join("");

/**
 * A small synthesizer over TEXT: one segment per sentence, PCM naming the sentence. `failures` says how many times
 * each segment index still fails before it succeeds. Records every open and whether the open iterators were closed.
 */
function scripted(failures: Map<number, number>) {
  const opens: SegmentStart[] = [];
  let closed = 0;
  const open = (from: SegmentStart): AsyncIterator<SynthesizedSegment> => {
    opens.push(from);
    return (async function* () {
      try {
        let start = 0;
        for (const [index, sentence] of SENTENCES.entries()) {
          const end = start + sentence.length;
          if (start >= from.offset) {
            await Promise.resolve();
            const left = failures.get(index) ?? 0;
            if (left > 0) {
              failures.set(index, left - 1);
              throw new Error(`segment ${index} failed`);
            }
            yield { index, start, end, pcm: Buffer.from(sentence) };
          }
          start = end;
        }
      } finally {
        closed++;
      }
    })();
  };
  return { open, opens, closedCount: () => closed };
}

async function collect(iterator: AsyncIterator<SynthesizedSegment>): Promise<string> {
  let text = "";
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += next.value.pcm.toString();
  return text;
}

describe("segmentsRetryingOnce", () => {
  it("yields what the synthesizer yields when nothing fails, without retrying", async () => {
    const synthesizer = scripted(new Map());
    const retries: SegmentStart[] = [];
    const segments = segmentsRetryingOnce(synthesizer.open, { offset: 0, index: 0 }, (_, at) => retries.push(at));
    expect(await collect(segments)).toBe(TEXT);
    expect(retries).toEqual([]);
  });

  it("reopens at the segment that failed once, so every segment arrives once and in order", async () => {
    const synthesizer = scripted(new Map([[2, 1]]));
    const retries: SegmentStart[] = [];
    const segments = segmentsRetryingOnce(synthesizer.open, { offset: 0, index: 0 }, (_, at) => retries.push(at));
    expect(await collect(segments)).toBe(TEXT);
    const third = { offset: "One. Two. ".length, index: 2 };
    expect(retries).toEqual([third]);
    expect(synthesizer.opens).toEqual([{ offset: 0, index: 0 }, third]);
  });

  it("retries each failing segment once, a later one too", async () => {
    const synthesizer = scripted(
      new Map([
        [0, 1],
        [3, 1],
      ]),
    );
    let retries = 0;
    const segments = segmentsRetryingOnce(synthesizer.open, { offset: 0, index: 0 }, () => retries++);
    expect(await collect(segments)).toBe(TEXT);
    expect(retries).toBe(2);
  });

  it("lets the second failure of the same segment through, after what came before", async () => {
    const synthesizer = scripted(new Map([[1, 2]]));
    const segments = segmentsRetryingOnce(synthesizer.open, { offset: 0, index: 0 }, () => {});
    expect((await segments.next()).value?.pcm.toString()).toBe("One. ");
    await expect(segments.next()).rejects.toThrow("segment 1 failed");
  });

  it("starts where it is asked to and closes the synthesizer's iterator when closed early", async () => {
    const synthesizer = scripted(new Map());
    const segments = segmentsRetryingOnce(synthesizer.open, { offset: "One. ".length, index: 1 }, () => {});
    expect((await segments.next()).value).toMatchObject({ index: 1, start: 5 });
    await segments.return(undefined);
    expect(synthesizer.closedCount()).toBe(1);
  });
});
