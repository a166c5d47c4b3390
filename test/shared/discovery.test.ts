import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectToDiscoveredDaemon,
  readDiscovery,
  readToken,
  STATE_FILES,
  type Discovery,
} from "@kokoro-speech/protocol";

let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), "kokoro-speech-discovery-"));
});

afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

/** A discovery file's content; table rows build theirs before any test runs, so no path depends on the temp dir. */
function discovery(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "kokoro-speech",
    pid: 4242,
    port: 47_315,
    host: "127.0.0.1",
    version: "0.1.0",
    protocol: 1,
    tokenPath: join("/", "state", STATE_FILES.token),
    startedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

async function writeDiscovery(text: string): Promise<void> {
  await writeFile(join(stateDir, STATE_FILES.discovery), text);
}

describe("readDiscovery", () => {
  it("reads the file the daemon writes", async () => {
    const written = discovery();
    await writeDiscovery(`${JSON.stringify(written, null, 2)}\n`);
    expect(await readDiscovery(stateDir)).toEqual<Discovery>(written as Discovery);
  });

  it("returns null when there is no file", async () => {
    expect(await readDiscovery(stateDir)).toBeNull();
  });

  it("returns null when the state directory does not exist", async () => {
    expect(await readDiscovery(join(stateDir, "missing"))).toBeNull();
  });

  it.each<[string, string]>([
    ["half-written JSON", '{"name":"kokoro-speech","pid":'],
    ["an empty file", ""],
    ["a JSON array", "[]"],
    ["a port of 0", JSON.stringify(discovery({ port: 0 }))],
    ["a port beyond 65535", JSON.stringify(discovery({ port: 65_536 }))],
    ["a negative pid", JSON.stringify(discovery({ pid: -1 }))],
    ["a missing token path", JSON.stringify(discovery({ tokenPath: undefined }))],
    ["a string protocol", JSON.stringify(discovery({ protocol: "1" }))],
  ])("returns null for %s", async (_name, text) => {
    await writeDiscovery(text);
    expect(await readDiscovery(stateDir)).toBeNull();
  });
});

describe("readToken", () => {
  it("reads the token without its trailing newline", async () => {
    const tokenPath = join(stateDir, STATE_FILES.token);
    await writeFile(tokenPath, `${"ab".repeat(32)}\n`, { mode: 0o600 });
    expect(await readToken(tokenPath)).toBe("ab".repeat(32));
  });

  it("returns null when the token file is missing", async () => {
    expect(await readToken(join(stateDir, STATE_FILES.token))).toBeNull();
  });
});

describe("connectToDiscoveredDaemon", () => {
  it("reports a state directory without a discovery file as absent", async () => {
    expect(await connectToDiscoveredDaemon(stateDir, { clientName: "test" })).toEqual({ kind: "absent" });
  });

  it("reports a token it cannot read, naming its path", async () => {
    const tokenPath = join(stateDir, STATE_FILES.token);
    await writeDiscovery(JSON.stringify(discovery({ tokenPath })));
    expect(await connectToDiscoveredDaemon(stateDir, { clientName: "test" })).toEqual({ kind: "no_token", tokenPath });
  });

  it("reports a port where nothing answers as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const tokenPath = join(stateDir, STATE_FILES.token);
    await writeFile(tokenPath, "secret\n");
    await writeDiscovery(JSON.stringify(discovery({ tokenPath, port })));
    expect(await connectToDiscoveredDaemon(stateDir, { clientName: "test" })).toEqual({ kind: "unreachable", port });
  });
});
