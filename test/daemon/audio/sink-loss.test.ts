import { describe, expect, it } from "vitest";
import { ProtocolError } from "@kokoro-speech/protocol";
import { SinkLoss } from "../../../daemon/src/audio/sink-loss.js";

describe("SinkLoss", () => {
  it("calls every listener once with the first reported loss", () => {
    const loss = new SinkLoss();
    const heard: string[] = [];
    loss.onLost((error) => heard.push(`a:${error.message}`));
    loss.onLost((error) => heard.push(`b:${error.message}`));

    loss.report(new ProtocolError("audio_unavailable", "first"));
    loss.report(new ProtocolError("audio_unavailable", "second"));

    expect(heard).toEqual(["a:first", "b:first"]);
    expect(loss.error?.message).toBe("first");
  });

  it("tells a listener registered after the loss, though not synchronously", async () => {
    const loss = new SinkLoss();
    loss.report(new ProtocolError("audio_unavailable", "gone"));
    const heard: string[] = [];

    loss.onLost((error) => heard.push(error.message));
    expect(heard).toEqual([]);
    await Promise.resolve();

    expect(heard).toEqual(["gone"]);
  });

  it("reports no error before a loss", () => {
    expect(new SinkLoss().error).toBeUndefined();
  });
});
