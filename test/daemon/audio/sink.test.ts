import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSink, type SinkOptions } from "../../../daemon/src/audio/sink.js";
import { createAlsaCapture, type AlsaCapture } from "../../helpers/alsa.js";

let directory: string;
let capture: AlsaCapture;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "kokoro-sink-"));
  capture = await createAlsaCapture();
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await capture.cleanup();
});

const optionsByKind: Record<SinkOptions["kind"], () => SinkOptions> = {
  speaker: () => ({ kind: "speaker", env: capture.env }),
  wav: () => ({ kind: "wav", path: join(directory, "sink.wav") }),
  null: () => ({ kind: "null" }),
};

describe("createSink", () => {
  it.each(Object.entries(optionsByKind))("creates a working %s sink", async (kind, makeOptions) => {
    const sink = createSink(makeOptions());
    expect(sink.kind).toBe(kind);
    await sink.open();
    await sink.write(Buffer.alloc(480));
    await sink.close();

    expect(sink.bytesAccepted).toBe(480);
  });
});
