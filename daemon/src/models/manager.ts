/**
 * The model manager: makes sure a verified model and voices are on disk, downloading what is missing in the
 * background, and tells whoever listens how far along it is. The daemon keeps serving meanwhile and answers speech
 * requests with `model_unavailable` (see `modelUnavailableError`) until `status().state` is `ready`.
 */
import { EventEmitter } from "node:events";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { VOICE_PACK_BYTES } from "@kokoro-speech/protocol";
import type { Logger } from "pino";
import {
  catalogFileUrl,
  DEFAULT_CATALOG,
  DEFAULT_MODEL_DTYPE,
  DEFAULT_VOICES_SOURCE,
  resolveModelBaseUrl,
  VOICES_DIR_NAME,
  type CatalogFile,
  type ModelCatalog,
  type ModelDtype,
  type VoicesSource,
} from "./catalog.js";
import { downloadFile } from "./download.js";
import { fileSystemError, isModelError, ModelError, type ModelErrorCode } from "./errors.js";
import type { ExistingPaths } from "./existing-paths.js";
import { overallProgress, type TransferProgress } from "./progress.js";
import { VerifiedFiles } from "./verified-files.js";
import { fileSizeBytes, statOfFile, verifyFile } from "./verify-file.js";
import { installVoicesFromNpm } from "./voices-from-npm.js";

export type ModelState = "missing" | "downloading" | "verifying" | "ready" | "failed";

/** What the engine loads: an ONNX model and a voices directory (`<name>.bin` packs) or `.npz` archive. */
export interface ModelPaths {
  readonly modelPath: string;
  readonly voicesPath: string;
  /** The weights' type when the model is a published export (by size and sha256); null for any other file. */
  readonly dtype: ModelDtype | null;
}

export interface ManagedFile {
  readonly role: "model" | "voices";
  readonly path: string;
  readonly state: ModelState;
}

export interface ModelStatus {
  readonly state: ModelState;
  /** All bytes this run downloads, across files; present while downloading over HTTP. */
  readonly progress?: TransferProgress;
  readonly files: readonly ManagedFile[];
  /** Set once `state` is `ready`. */
  readonly paths?: ModelPaths;
  readonly error?: { readonly code: ModelErrorCode; readonly message: string };
}

export interface ModelManagerOptions {
  readonly dataDir: string;
  /** Overrides `KOKORO_SPEECH_MODEL_BASE_URL` and the release URL. */
  readonly baseUrl?: string | undefined;
  readonly catalog?: ModelCatalog;
  readonly log?: Logger;
}

export interface EnsureOptions {
  readonly model?: ModelDtype;
  readonly voices?: VoicesSource;
  readonly signal?: AbortSignal;
}

type ModelManagerEvents = { status: [ModelStatus] };

export class ModelManager extends EventEmitter<ModelManagerEvents> {
  readonly #dataDir: string;
  readonly #baseUrl: string;
  readonly #catalog: ModelCatalog;
  readonly #log: Logger | undefined;
  readonly #disposed = new AbortController();
  #status: ModelStatus = { state: "missing", files: [] };
  #running: { key: string; promise: Promise<ModelPaths> } | undefined;

  constructor(options: ModelManagerOptions) {
    super();
    this.#dataDir = options.dataDir;
    this.#baseUrl = resolveModelBaseUrl({ baseUrl: options.baseUrl });
    this.#catalog = options.catalog ?? DEFAULT_CATALOG;
    this.#log = options.log;
  }

  status(): ModelStatus {
    return this.#status;
  }

  /**
   * Resolves with the paths once a verified model and voices are in the data directory, downloading whatever is
   * missing. Work happens in streamed chunks, so the caller's event loop stays free; the caller need not await.
   * A second call while one runs returns the same promise; a call with other options meanwhile is a `RangeError`.
   */
  ensure(options: EnsureOptions = {}): Promise<ModelPaths> {
    const model = options.model ?? DEFAULT_MODEL_DTYPE;
    const voices = options.voices ?? DEFAULT_VOICES_SOURCE;
    return this.#runExclusive(`ensure:${model}:${voices}`, (signal) => this.#ensure(model, voices, signal), options);
  }

  /**
   * Uses a model and voices the user already has, in place (nothing is copied): checks size, sha256 when the file is
   * one the catalogue knows, and the format signature.
   */
  useExisting(paths: ExistingPaths, options: { signal?: AbortSignal } = {}): Promise<ModelPaths> {
    const key = `existing:${paths.modelPath}:${paths.voicesPath}`;
    return this.#runExclusive(key, (signal) => this.#useExisting(paths, signal), options);
  }

  /** Cancels any download in flight (its `.part` file stays for the next run). */
  dispose(): void {
    this.#disposed.abort();
  }

  #runExclusive(
    key: string,
    work: (signal: AbortSignal) => Promise<ModelPaths>,
    options: { signal?: AbortSignal | undefined },
  ): Promise<ModelPaths> {
    if (this.#running !== undefined) {
      if (this.#running.key === key) return this.#running.promise;
      throw new RangeError(`the model manager is busy (${this.#running.key}); wait for it before ${key}`);
    }
    const signals = options.signal === undefined ? [this.#disposed.signal] : [this.#disposed.signal, options.signal];
    const promise = work(AbortSignal.any(signals)).then(
      (paths) => {
        this.#update({ state: "ready", files: this.#markFiles("ready"), paths });
        return paths;
      },
      (cause: unknown) => {
        const failure = isModelError(cause) ? cause : fileSystemError(cause, this.#dataDir);
        const error = { code: failure.code, message: failure.message };
        this.#update({ state: "failed", files: this.#markFiles("failed"), error });
        throw failure;
      },
    );
    const running = { key, promise };
    this.#running = running;
    const release = (): void => {
      if (this.#running === running) this.#running = undefined;
    };
    promise.then(release, release);
    return promise;
  }

  async #ensure(model: ModelDtype, voicesSource: VoicesSource, signal: AbortSignal): Promise<ModelPaths> {
    const verified = await VerifiedFiles.open(this.#dataDir);
    try {
      return await this.#ensureWith(verified, model, voicesSource, signal);
    } finally {
      await this.#saveVerified(verified);
    }
  }

  async #ensureWith(
    verified: VerifiedFiles,
    model: ModelDtype,
    voicesSource: VoicesSource,
    signal: AbortSignal,
  ): Promise<ModelPaths> {
    const modelFile = this.#catalog.models[model];
    const modelPath = join(this.#dataDir, modelFile.fileName);
    const archivePath = join(this.#dataDir, this.#catalog.voicesArchive.fileName);
    const voicesDir = join(this.#dataDir, VOICES_DIR_NAME);
    const plannedVoicesPath = voicesSource === "npm" ? voicesDir : archivePath;
    this.#update({ state: "verifying", files: this.#filesFor(modelPath, "verifying", plannedVoicesPath, "verifying") });

    const modelInstalled = await this.#isInstalled(modelPath, modelFile, signal, verified);
    const installedVoicesPath = await this.#installedVoicesPath(voicesDir, archivePath, signal, verified);
    const voicesPath = installedVoicesPath ?? plannedVoicesPath;
    const downloads: Array<{ file: CatalogFile; path: string }> = [];
    if (!modelInstalled) downloads.push({ file: modelFile, path: modelPath });
    if (installedVoicesPath === undefined && voicesSource === "release") {
      downloads.push({ file: this.#catalog.voicesArchive, path: archivePath });
    }
    if (!modelInstalled || installedVoicesPath === undefined) {
      const modelState = modelInstalled ? "ready" : "downloading";
      const voicesState = installedVoicesPath === undefined ? "downloading" : "ready";
      this.#update({ state: "downloading", files: this.#filesFor(modelPath, modelState, voicesPath, voicesState) });
    }
    await this.#downloadAll(downloads, signal);
    // Each download was hashed as it arrived: the next start need not read it again.
    for (const { file, path } of downloads) await verified.remember(path, await statOfFile(path), file.sha256);
    if (installedVoicesPath === undefined && voicesSource === "npm") {
      this.#log?.info({ package: this.#catalog.voicesPackage }, "fetching voices with npm pack");
      await installVoicesFromNpm({
        dataDir: this.#dataDir,
        voicePacks: this.#catalog.voicePacks,
        packageSpec: this.#catalog.voicesPackage,
        signal,
      });
    }
    return { modelPath, voicesPath, dtype: model };
  }

  /** Downloads the files one after the other, reporting one progress figure across all of them. */
  async #downloadAll(
    downloads: ReadonlyArray<{ file: CatalogFile; path: string }>,
    signal: AbortSignal,
  ): Promise<void> {
    const bytesTotal = downloads.reduce((sum, { file }) => sum + file.bytes, 0);
    let bytesBefore = 0;
    for (const { file, path } of downloads) {
      const url = catalogFileUrl(file, this.#baseUrl);
      this.#log?.info({ url, path, bytes: file.bytes }, "downloading model file");
      const result = await downloadFile({
        url,
        destPath: path,
        expectedBytes: file.bytes,
        sha256: file.sha256,
        signal,
        onProgress: (progress) => {
          this.#update({ ...this.#status, progress: overallProgress(progress, bytesBefore, bytesTotal) });
        },
      });
      this.#log?.info({ path, resumedFromBytes: result.resumedFromBytes }, "model file verified");
      bytesBefore += file.bytes;
    }
  }

  /** Whether a verified copy is in place. A file of ours that fails is removed so it gets downloaded again. */
  async #isInstalled(path: string, file: CatalogFile, signal: AbortSignal, verified: VerifiedFiles): Promise<boolean> {
    try {
      await verifyFile(path, file, signal, verified);
      return true;
    } catch (error) {
      if (!isModelError(error)) throw error;
      if (error.code === "not_found") return false;
      if (error.code !== "size_mismatch" && error.code !== "checksum_mismatch" && error.code !== "bad_signature") {
        throw error;
      }
      this.#log?.warn({ path, code: error.code }, "removing an installed file that failed verification");
      await rm(path, { force: true });
      return false;
    }
  }

  /** A complete, verified voices directory (from npm) or archive (from the release), whichever is present. */
  async #installedVoicesPath(
    voicesDir: string,
    archivePath: string,
    signal: AbortSignal,
    verified: VerifiedFiles,
  ): Promise<string | undefined> {
    try {
      for (const pack of this.#catalog.voicePacks) {
        await verifyFile(join(voicesDir, pack.fileName), pack, signal, verified);
      }
      return voicesDir;
    } catch (error) {
      if (!isModelError(error)) throw error;
      if (error.code !== "not_found") {
        this.#log?.warn({ voicesDir, code: error.code }, "installed voice packs failed verification");
      }
    }
    const archive = this.#catalog.voicesArchive;
    return (await this.#isInstalled(archivePath, archive, signal, verified)) ? archivePath : undefined;
  }

  async #useExisting(paths: ExistingPaths, signal: AbortSignal): Promise<ModelPaths> {
    const files = this.#filesFor(paths.modelPath, "verifying", paths.voicesPath, "verifying");
    this.#update({ state: "verifying", files });
    const verified = await VerifiedFiles.open(this.#dataDir);
    try {
      return await this.#useExistingWith(verified, paths, signal);
    } finally {
      await this.#saveVerified(verified);
    }
  }

  async #useExistingWith(verified: VerifiedFiles, paths: ExistingPaths, signal: AbortSignal): Promise<ModelPaths> {
    const modelBytes = await fileSizeBytes(paths.modelPath);
    // Sizes of the published exports all differ, so the size says which hash applies.
    const knownModel = this.#catalog.knownModels.find((file) => file.bytes === modelBytes);
    await verifyFile(paths.modelPath, { sha256: knownModel?.sha256, signature: "onnx" }, signal, verified);
    if (await isDirectory(paths.voicesPath)) {
      await this.#verifyVoicesDir(paths.voicesPath, signal, verified);
    } else {
      const archive = this.#catalog.voicesArchive;
      const archiveBytes = await fileSizeBytes(paths.voicesPath);
      const sha256 = archiveBytes === archive.bytes ? archive.sha256 : undefined;
      await verifyFile(paths.voicesPath, { sha256, signature: archive.signature }, signal, verified);
    }
    return { modelPath: paths.modelPath, voicesPath: paths.voicesPath, dtype: knownModel?.dtype ?? null };
  }

  /** Every `<name>.bin` in the directory must have a pack's size, and the catalogue's hash when the name is known. */
  async #verifyVoicesDir(dir: string, signal: AbortSignal, verified: VerifiedFiles): Promise<void> {
    let packFiles: string[];
    try {
      packFiles = (await readdir(dir)).filter((name) => name.endsWith(".bin"));
    } catch (error) {
      throw fileSystemError(error, dir);
    }
    if (packFiles.length === 0) throw new ModelError("not_found", `${dir} holds no <voice>.bin packs`);
    for (const fileName of packFiles) {
      const known = this.#catalog.voicePacks.find((pack) => pack.fileName === fileName);
      const expected = known ?? { bytes: VOICE_PACK_BYTES, signature: "none" as const };
      await verifyFile(join(dir, fileName), expected, signal, verified);
    }
  }

  /** A record that cannot be written (a read-only or full disk) only means hashing again next time: said, not fatal. */
  async #saveVerified(verified: VerifiedFiles): Promise<void> {
    try {
      await verified.save();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== "string") throw error;
      this.#log?.warn(
        { code, dataDir: this.#dataDir },
        "cannot record verified files; they are hashed again next start",
      );
    }
  }

  #filesFor(modelPath: string, modelState: ModelState, voicesPath: string, voicesState: ModelState): ManagedFile[] {
    return [
      { role: "model", path: modelPath, state: modelState },
      { role: "voices", path: voicesPath, state: voicesState },
    ];
  }

  #markFiles(state: ModelState): ManagedFile[] {
    return this.#status.files.map((file) => ({ ...file, state }));
  }

  #update(next: ModelStatus): void {
    const { progress, ...rest } = next;
    const keepProgress = next.state === "downloading" && progress !== undefined;
    this.#status = Object.freeze(keepProgress ? { ...rest, progress } : rest);
    this.emit("status", this.#status);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw fileSystemError(error, path);
  }
}
