import { afterEach, describe, expect, it } from "vitest";
import { msToBytes, type ProtocolError } from "@kokoro-speech/protocol";
import { SpeakerSink } from "../../../daemon/src/audio/speaker-sink.js";
import { createAlsaCapture, createUnopenableAlsaHome, type AlsaHome } from "../../helpers/alsa.js";

// These tests run the real `speaker` addon in the sink's host process, which the sink takes from daemon/dist:
// run `npx tsc -b` first (`npm test` does).

const homes: AlsaHome[] = [];
const sinks: SpeakerSink[] = [];

afterEach(async () => {
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
  await Promise.all(homes.splice(0).map((home) => home.cleanup()));
});

async function captureSetup(): Promise<{ sink: SpeakerSink; read: () => Promise<Buffer> }> {
  const capture = await createAlsaCapture();
  homes.push(capture);
  const sink = new SpeakerSink({ env: capture.env });
  sinks.push(sink);
  return { sink, read: capture.read };
}

/** Distinct, non-silent chunks so that a reordered, dropped or repeated chunk changes the capture. */
function makeChunks(count: number, durationMs: number): Buffer[] {
  return Array.from({ length: count }, (_, chunkIndex) => {
    const chunk = Buffer.alloc(msToBytes(durationMs));
    for (let offset = 0; offset < chunk.length; offset += 2) {
      chunk.writeInt16LE(((chunkIndex * 7919 + offset * 31) % 65_536) - 32_768, offset);
    }
    return chunk;
  });
}

function expectAudioUnavailable(error: unknown): void {
  expect((error as ProtocolError).code).toBe("audio_unavailable");
}

describe("SpeakerSink", () => {
  it("plays written chunks so the device receives exactly their concatenation, in order", async () => {
    const { sink, read } = await captureSetup();
    const chunks = makeChunks(12, 37);
    await sink.open();
    for (const chunk of chunks) await sink.write(chunk);
    await sink.close();

    const expected = Buffer.concat(chunks);
    expect(sink.bytesAccepted).toBe(expected.length);
    expect((await read()).equals(expected)).toBe(true);
  });

  it("accepts writes issued without waiting for the previous one and keeps their order", async () => {
    const { sink, read } = await captureSetup();
    const chunks = makeChunks(8, 20);
    await sink.open();
    await Promise.all(chunks.map((chunk) => sink.write(chunk)));
    await sink.close();

    expect((await read()).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("opens the device without playing anything", async () => {
    const { sink, read } = await captureSetup();
    await sink.open();
    await sink.close();

    expect(sink.bytesAccepted).toBe(0);
    expect((await read()).length).toBe(0);
  });

  it("rejects open() with audio_unavailable when the device cannot be opened, and this process survives", async () => {
    const home = await createUnopenableAlsaHome();
    homes.push(home);
    const sink = new SpeakerSink({ env: home.env });
    sinks.push(sink);

    const error = await sink.open().then(
      () => undefined,
      (openError: unknown) => openError,
    );
    expectAudioUnavailable(error);
    expect(sink.hostPid).toBeUndefined();
    await expect(sink.write(makeChunks(1, 10)[0]!)).rejects.toMatchObject({ code: "audio_unavailable" });
  });

  it("reports a host killed mid-stream through onLost and rejects the writes still pending", async () => {
    const { sink } = await captureSetup();
    const lostErrors: ProtocolError[] = [];
    sink.onLost((error) => lostErrors.push(error));
    await sink.open();
    for (const chunk of makeChunks(3, 20)) await sink.write(chunk);

    const hostPid = sink.hostPid;
    expect(hostPid).toBeTypeOf("number");
    // Many seconds of audio are queued at once; the kill lands long before the host could have acknowledged them.
    const pending = makeChunks(40, 1000).map((chunk) => sink.write(chunk));
    const settled = Promise.allSettled(pending);
    process.kill(hostPid!, "SIGKILL");
    const outcomes = await settled;

    const lastOutcome = outcomes.at(-1);
    expect(lastOutcome?.status).toBe("rejected");
    expectAudioUnavailable(lastOutcome?.status === "rejected" ? lastOutcome.reason : undefined);
    expect(lostErrors).toHaveLength(1);
    expectAudioUnavailable(lostErrors[0]);
    await expect(sink.write(makeChunks(1, 10)[0]!)).rejects.toMatchObject({ code: "audio_unavailable" });
  });

  it("tells a listener registered after the loss about it", async () => {
    const { sink } = await captureSetup();
    await sink.open();
    const lost = new Promise<ProtocolError>((resolve) => sink.onLost(resolve));
    process.kill(sink.hostPid!, "SIGKILL");
    await lost;

    const lateListenerError = await new Promise<ProtocolError>((resolve) => sink.onLost(resolve));
    expectAudioUnavailable(lateListenerError);
  });

  it("closes idempotently, ends its host, and refuses writes afterwards", async () => {
    const { sink } = await captureSetup();
    let lostCalls = 0;
    sink.onLost(() => lostCalls++);
    await sink.open();
    await sink.write(makeChunks(1, 50)[0]!);
    const hostPid = sink.hostPid!;

    await Promise.all([sink.close(), sink.close()]);
    await sink.close();

    expect(sink.hostPid).toBeUndefined();
    expect(() => process.kill(hostPid, 0)).toThrow();
    expect(lostCalls).toBe(0);
    await expect(sink.write(makeChunks(1, 10)[0]!)).rejects.toMatchObject({ code: "audio_unavailable" });
  });

  it("resolves writes still queued when close() is called instead of failing them, and plays none of the rest", async () => {
    const { sink, read } = await captureSetup();
    await sink.open();
    const chunks = makeChunks(20, 500);
    const queued = chunks.map((chunk) => sink.write(chunk));
    await sink.close();

    const settled = await Promise.allSettled(queued);
    expect(settled.map((outcome) => outcome.status)).toEqual(chunks.map(() => "fulfilled"));
    // Ten seconds were queued; the device got only what it took before close, in order, nothing after.
    const written = Buffer.concat(chunks);
    const captured = await read();
    expect(captured.length).toBeLessThan(written.length / 2);
    expect(captured.equals(written.subarray(0, captured.length))).toBe(true);
  });

  it("rejects open() with audio_unavailable when closed while opening", async () => {
    const { sink } = await captureSetup();
    const openOutcome = sink.open().then(
      () => undefined,
      (openError: unknown) => openError,
    );
    await sink.close();

    expectAudioUnavailable(await openOutcome);
  });

  it("closes without ever having been opened", async () => {
    const { sink } = await captureSetup();
    await sink.close();

    await expect(sink.open()).rejects.toThrow(Error);
  });
});
