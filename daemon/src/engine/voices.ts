/**
 * The voice store: where voice packs come from (a directory of `<voice>.bin` files, as kokoro-js and the
 * onnx-community repo ship them, or one kokoro-onnx `voices-v1.0.bin` npz), memoized so every pack is read once,
 * and where blend specs become packs.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { ProtocolError } from "@kokoro-speech/protocol";
import { decodeNpyVoicePack, unpackNpz } from "./npz.js";
import { blendVoicePacks, decodeVoicePack, type VoicePack } from "./voice-pack.js";
import { isValidVoiceName, parseVoiceSpec, type VoiceSpec } from "./voice-spec.js";

const BIN_SUFFIX = ".bin";

/**
 * Blends kept ready. Each costs 522 kB and a client can ask for endless weightings, so only the most recent few
 * stay; plain voices are bounded by the store's size and are all kept.
 */
const BLEND_CACHE_SIZE = 8;

type PackReader = (name: string) => Promise<VoicePack>;

export class VoiceStore {
  readonly #names: ReadonlySet<string>;
  readonly #readPack: PackReader;
  readonly #packs = new Map<string, Promise<VoicePack>>();
  readonly #blends = new Map<string, Promise<VoicePack>>();

  private constructor(names: Iterable<string>, readPack: PackReader) {
    this.#names = new Set([...names].filter(isValidVoiceName).sort());
    this.#readPack = readPack;
  }

  /** Opens a directory of `<voice>.bin` packs or a voices npz archive, whichever `path` is. */
  static async open(path: string): Promise<VoiceStore> {
    return (await stat(path)).isDirectory() ? VoiceStore.fromDirectory(path) : VoiceStore.fromNpz(path);
  }

  /** Lists the `.bin` files now; each is read on first use. */
  static async fromDirectory(directory: string): Promise<VoiceStore> {
    const files = await readdir(directory);
    const names = files.filter((file) => file.endsWith(BIN_SUFFIX)).map((file) => file.slice(0, -BIN_SUFFIX.length));
    return new VoiceStore(names, async (name) => {
      const path = join(directory, `${name}${BIN_SUFFIX}`);
      return decodeVoicePack(await readFile(path), path);
    });
  }

  /** Reads the archive once (28 MB for all 54 voices); each array is decoded on first use. */
  static async fromNpz(archivePath: string): Promise<VoiceStore> {
    const entries = unpackNpz(await readFile(archivePath), archivePath);
    return new VoiceStore(entries.keys(), async (name) =>
      decodeNpyVoicePack(entries.get(name) as Uint8Array, `${archivePath}:${name}.npy`),
    );
  }

  /** Installed voice ids, sorted. */
  names(): string[] {
    return [...this.#names];
  }

  has(name: string): boolean {
    return this.#names.has(name);
  }

  /** One voice's pack; `unknown_voice` when it is not installed or cannot be read. */
  pack(name: string): Promise<VoicePack> {
    if (!this.#names.has(name)) return Promise.reject(new ProtocolError("unknown_voice", `no voice "${name}"`));
    let pending = this.#packs.get(name);
    if (pending === undefined) {
      pending = this.#readPack(name).catch((error: unknown) => {
        this.#packs.delete(name);
        throw new ProtocolError("unknown_voice", `voice "${name}" could not be read`, { cause: error });
      });
      this.#packs.set(name, pending);
    }
    return pending;
  }

  /**
   * The pack for a voice id or blend spec (`af_bella:0.6+af_heart:0.4`). `invalid_voice_spec` for bad syntax,
   * `unknown_voice` when a named voice is not installed.
   */
  async resolve(spec: string | VoiceSpec): Promise<VoicePack> {
    const parsed = typeof spec === "string" ? parseVoiceSpec(spec) : spec;
    const missing = parsed.components.find((component) => !this.#names.has(component.name));
    if (missing !== undefined) throw new ProtocolError("unknown_voice", `no voice "${missing.name}"`);
    const [only] = parsed.components;
    if (parsed.components.length === 1 && only !== undefined) return this.pack(only.name);
    return this.#blend(parsed);
  }

  #blend(spec: VoiceSpec): Promise<VoicePack> {
    const cached = this.#blends.get(spec.key);
    if (cached !== undefined) {
      // Re-insert so Map order tracks recency.
      this.#blends.delete(spec.key);
      this.#blends.set(spec.key, cached);
      return cached;
    }
    const pending = Promise.all(
      spec.components.map(async (component) => ({ pack: await this.pack(component.name), weight: component.weight })),
    ).then(blendVoicePacks);
    pending.catch(() => this.#blends.delete(spec.key));
    this.#blends.set(spec.key, pending);
    const oldest = this.#blends.keys().next().value;
    if (this.#blends.size > BLEND_CACHE_SIZE && oldest !== undefined) this.#blends.delete(oldest);
    return pending;
  }
}
