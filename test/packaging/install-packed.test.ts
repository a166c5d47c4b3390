/**
 * The two publishable packages as a user gets them: packed by npm, installed into an empty prefix with every
 * third-party dependency from the registry (the `speaker` addon compiles there, as it will on a user's machine), and
 * run through the installed `kokoro-speech` command only. Nothing here imports the repository's dist/: what the
 * tarballs leave out, the installed command lacks.
 */
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDiscovery } from "@kokoro-speech/protocol";
import { writeStandInModel, writeVoiceBin } from "../fixtures/stand-in-model.js";
import { createAlsaCapture, type AlsaCapture } from "../helpers/alsa.js";
import { expectedTokenIds, spokenTokenIds } from "../helpers/stand-in-speech.js";
import { testTempRoot } from "../helpers/temp-dir.js";
import { DAEMON_PACKAGE_DIR, PROTOCOL_PACKAGE_DIR, npmPack, type PackResult } from "./pack.js";
import { stopDaemonDiscoveredIn } from "../helpers/stop-discovered-daemon.js";

const run = promisify(execFile);
const INSTALL_TIMEOUT_MS = 540_000;
const TEXT = "The package speaks. It was installed from two tarballs, like any other.";

let root: string;
let prefix: string;
let bin: string;
let alsa: AlsaCapture;
let protocol: PackResult;
let daemon: PackResult;
const startedStateDirs: string[] = [];

/**
 * The environment of npm and of the installed command: this run's, minus what `npm test` tells its own scripts about
 * the repository (which an install elsewhere must not see), with onnxruntime-node's optional CUDA download skipped as
 * the repository's .npmrc does (a macOS install has nothing to download).
 */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(alsa.env)) {
    if (/^npm_(package|lifecycle)_/i.test(key) || /^npm_config_local_prefix$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ONNXRUNTIME_NODE_INSTALL: "skip", KOKORO_SPEECH_PORT: "0", ...extra };
}

async function kokoroSpeech(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return run(bin, args, { cwd: root, env: cleanEnv(), timeout: 120_000 });
}

/** A WAV file's format fields and data, read by offset (the product writes the canonical 44-byte header). */
function readWav(wav: Buffer): { channels: number; rate: number; bits: number; data: Buffer } {
  expect(wav.subarray(0, 4).toString("ascii")).toBe("RIFF");
  expect(wav.subarray(8, 16).toString("ascii")).toBe("WAVEfmt ");
  expect(wav.subarray(36, 40).toString("ascii")).toBe("data");
  expect(wav.readUInt16LE(20)).toBe(1); // PCM
  const dataBytes = wav.readUInt32LE(40);
  expect(wav.length).toBe(44 + dataBytes);
  return {
    channels: wav.readUInt16LE(22),
    rate: wav.readUInt32LE(24),
    bits: wav.readUInt16LE(34),
    data: wav.subarray(44),
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(testTempRoot(), "kokoro-packed-"));
  alsa = await createAlsaCapture();
  const packs = join(root, "packs");
  await mkdir(packs);
  protocol = await npmPack(PROTOCOL_PACKAGE_DIR, packs);
  daemon = await npmPack(DAEMON_PACKAGE_DIR, packs);
  prefix = join(root, "prefix");
  await mkdir(prefix);
  await run(
    "npm",
    ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", protocol.tarball, daemon.tarball],
    { cwd: root, env: cleanEnv(), timeout: INSTALL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
  );
  bin = join(prefix, "node_modules", ".bin", "kokoro-speech");
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(async () => {
  for (const stateDir of startedStateDirs) await stopDaemonDiscoveredIn(stateDir);
  await alsa?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the packed tarballs", () => {
  it("hold the built code, the types, the compiled lexicon and its licence, and no sources of the build tools", () => {
    const protocolFiles = protocol.files.map((file) => file.path);
    expect(protocolFiles).toEqual(
      expect.arrayContaining(["package.json", "README.md", "dist/index.js", "dist/index.d.ts", "dist/paths.js"]),
    );
    const daemonFiles = daemon.files.map((file) => file.path);
    expect(daemonFiles).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "bin/kokoro-speech.js",
        "dist/cli.js",
        "dist/cli/program.js",
        "dist/daemon.js",
        "assets/lexicon/en-us.tsv",
        "assets/lexicon/en-us.idx",
        "assets/lexicon/en-gb.tsv",
        "assets/lexicon/en-gb.idx",
        "assets/misaki/LICENSE",
      ]),
    );
    // The lexicon is whole: each variant holds a quarter of a million words, about 6 MB.
    const lexicon = daemon.files.find((file) => file.path === "assets/lexicon/en-us.tsv");
    expect(lexicon?.size).toBeGreaterThan(4_000_000);
    for (const path of [...protocolFiles, ...daemonFiles]) {
      expect(path).not.toMatch(
        /\.tsbuildinfo$|^src\/build\/|^(src|dist)\/g2p\/build\/|^test\/|\.tsv\.gz$|node_modules/,
      );
    }
  });

  it("declare every dependency with a registry range: no workspace, file or link paths", async () => {
    for (const name of ["@kokoro-speech/protocol", "kokoro-speech"]) {
      const manifest = JSON.parse(await readFile(join(prefix, "node_modules", name, "package.json"), "utf8")) as {
        private?: boolean;
        dependencies?: Record<string, string>;
        engines?: Record<string, string>;
      };
      expect(manifest.private).toBeUndefined();
      expect(manifest.engines?.node).toMatch(/^>=/);
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(`${dependency}@${range}`).toMatch(/@[\^~]?\d+\.\d+\.\d+$/);
      }
    }
  });
});

describe("the installed kokoro-speech command", () => {
  it("prints the package's version", async () => {
    const { stdout } = await kokoroSpeech(["--version"]);
    expect(stdout.trim()).toBe(daemon.version);
  });

  it("renders a WAV with the fallback voice when no model is installed, starting its own daemon", async () => {
    const stateDir = join(root, "state-fallback");
    startedStateDirs.push(stateDir);
    const wavPath = join(root, "fallback.wav");
    const { stderr } = await kokoroSpeech([
      "speak",
      "--state-dir",
      stateDir,
      "--data-dir",
      join(root, "data-empty"),
      "--out",
      wavPath,
      TEXT,
    ]);
    expect(stderr).toMatch(/fallback/i);
    const wav = readWav(await readFile(wavPath));
    expect({ channels: wav.channels, rate: wav.rate, bits: wav.bits }).toEqual({ channels: 1, rate: 24_000, bits: 16 });
    // Twelve words take well over two seconds to say, and speech is not silence.
    expect(wav.data.length / 48_000).toBeGreaterThan(2);
    let energy = 0;
    for (let i = 0; i < wav.data.length; i += 2) energy += wav.data.readInt16LE(i) ** 2;
    expect(Math.sqrt(energy / (wav.data.length / 2))).toBeGreaterThan(300);
    // The daemon it started is the installed package's.
    const discovery = await readDiscovery(stateDir);
    if (discovery === null) throw new Error("the command left no running daemon behind");
    const { stdout: commandLine } = await run("ps", ["-o", "args=", "-p", String(discovery.pid)]);
    expect(commandLine).toContain(join(prefix, "node_modules", "kokoro-speech", "dist", "cli.js"));
  });

  it("renders a WAV with a Kokoro model whose audio is the text's own phonemes", async () => {
    const modelDir = join(root, "model");
    await mkdir(join(modelDir, "voices"), { recursive: true });
    await writeStandInModel(join(modelDir, "model.onnx"), "kokoro-onnx");
    await writeVoiceBin(join(modelDir, "voices", "af_fixture.bin"), 0);
    const stateDir = join(root, "state-model");
    startedStateDirs.push(stateDir);
    const serve = spawn(
      bin,
      [
        "serve",
        "--state-dir",
        stateDir,
        "--port",
        "0",
        "--sink",
        "null",
        "--model-path",
        join(modelDir, "model.onnx"),
        "--voices-path",
        join(modelDir, "voices"),
      ],
      { cwd: root, env: cleanEnv(), stdio: "ignore" },
    );
    try {
      for (let i = 0; i < 500; i++) {
        const status = await kokoroSpeech(["status", "--state-dir", stateDir, "--json"]).catch(() => null);
        if (status !== null && (JSON.parse(status.stdout) as { model: { state: string } }).model.state === "ready")
          break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const wavPath = join(root, "model.wav");
      await kokoroSpeech(["speak", "--state-dir", stateDir, "--voice", "af_fixture", "--out", wavPath, TEXT]);
      const wav = readWav(await readFile(wavPath));
      const spoken = spokenTokenIds(wav.data);
      expect(spoken.length).toBeGreaterThan(40);
      expect(spoken).toEqual(await expectedTokenIds(TEXT, "en-us"));
    } finally {
      serve.kill("SIGTERM");
    }
  });
});
