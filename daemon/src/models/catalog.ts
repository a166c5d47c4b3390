/**
 * The published Kokoro v1.0 files the manager can install or recognise, as data: file name, size in bytes, sha256,
 * licence and the format check each one must pass. Publishers list no checksums; the values are pinned by several
 * independent manifests and, for the voices, checked against the files of `kokoro-js@1.2.1` (docs/models.md).
 */
import { VOICE_CATALOG, VOICE_PACK_BYTES } from "@kokoro-speech/protocol";

export type ModelDtype = "fp32" | "fp16" | "int8";
export const MODEL_DTYPES: readonly ModelDtype[] = ["int8", "fp16", "fp32"];

/**
 * int8: a quarter of the fp32 download (92 MB vs 326 MB) and the fastest graph the original project measured on an
 * M1 CPU. Reports from other hardware conflict, so fp32 stays one flag away; the reasoning is in docs/models.md.
 */
export const DEFAULT_MODEL_DTYPE: ModelDtype = "int8";

/** `release`: the `voices-v1.0.bin` archive next to the models; `npm`: the 54 packs of `kokoro-js` via `npm pack`. */
export type VoicesSource = "release" | "npm";
export const VOICES_SOURCES: readonly VoicesSource[] = ["release", "npm"];
/** The archive comes from the same host as the model and needs no npm on the daemon's PATH. */
export const DEFAULT_VOICES_SOURCE: VoicesSource = "release";

/** Name of the voice-pack directory inside the data directory. */
export const VOICES_DIR_NAME = "voices";

/** How a file's first bytes are checked before use: an ONNX protobuf, a ZIP (`.npz`), or nothing beyond size+hash. */
export type FileSignature = "onnx" | "zip" | "none";

export interface CatalogFile {
  readonly fileName: string;
  readonly bytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
  readonly licence: string;
  readonly signature: FileSignature;
  /** For a model: the type of its weights, reported in `status` once it is loaded. */
  readonly dtype?: ModelDtype;
}

/** Where `MODEL_FILES` and `VOICES_ARCHIVE` are published (the thewh1teagle/kokoro-onnx release `model-files-v1.0`). */
export const DEFAULT_MODEL_BASE_URL = "https://github.com/thewh1teagle/kokoro-onnx/releases/download/model-files-v1.0";

/** Replaces `DEFAULT_MODEL_BASE_URL`, e.g. for a mirror or a local test server. */
export const MODEL_BASE_URL_ENV = "KOKORO_SPEECH_MODEL_BASE_URL";

/** Weights are Kokoro-82M's; the ONNX conversion is taylorchu's, optimised by kokoro-onnx. */
const RELEASE_MODEL_LICENCE = "Apache-2.0 (Kokoro-82M weights); MIT (taylorchu/kokoro-onnx export)";
const VOICE_LICENCE = "Apache-2.0 (Kokoro-82M voices)";

/** The downloadable models: the kokoro-onnx `model-files-v1.0` graphs (`tokens`/`style`/`speed` → `audio`). */
export const MODEL_FILES: Readonly<Record<ModelDtype, CatalogFile>> = {
  fp32: {
    fileName: "kokoro-v1.0.onnx",
    dtype: "fp32",
    bytes: 325_532_387,
    sha256: "7d5df8ecf7d4b1878015a32686053fd0eebe2bc377234608764cc0ef3636a6c5",
    licence: RELEASE_MODEL_LICENCE,
    signature: "onnx",
  },
  fp16: {
    fileName: "kokoro-v1.0.fp16.onnx",
    dtype: "fp16",
    bytes: 177_464_787,
    sha256: "c1610a859f3bdea01107e73e50100685af38fff88f5cd8e5c56df109ec880204",
    licence: RELEASE_MODEL_LICENCE,
    signature: "onnx",
  },
  int8: {
    fileName: "kokoro-v1.0.int8.onnx",
    dtype: "int8",
    bytes: 92_361_271,
    sha256: "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb",
    licence: RELEASE_MODEL_LICENCE,
    signature: "onnx",
  },
};

/** All 54 voices in one NumPy `.npz`, from the same release as the models. */
export const VOICES_ARCHIVE: CatalogFile = {
  fileName: "voices-v1.0.bin",
  bytes: 28_214_398,
  sha256: "bca610b8308e8d99f32e6fe4197e7ec01679264efed0cac9140fe9c29f1fbf7d",
  licence: VOICE_LICENCE,
  signature: "zip",
};

const ONNX_COMMUNITY_LICENCE = "Apache-2.0 (Kokoro-82M weights, onnx-community export)";

/**
 * The onnx-community/Kokoro-82M-v1.0-ONNX exports (`input_ids`/`style`/`speed` → `waveform`). Not downloaded, but a
 * user pointing the daemon at one gets its sha256 checked. The q8 hash rests on a single manifest.
 */
const ONNX_COMMUNITY_MODELS: readonly CatalogFile[] = [
  {
    fileName: "model.onnx",
    dtype: "fp32",
    bytes: 325_532_232,
    sha256: "8fbea51ea711f2af382e88c833d9e288c6dc82ce5e98421ea61c058ce21a34cb",
    licence: ONNX_COMMUNITY_LICENCE,
    signature: "onnx",
  },
  {
    fileName: "model_fp16.onnx",
    dtype: "fp16",
    bytes: 163_234_740,
    sha256: "ba4527a874b42b21e35f468c10d326fdff3c7fc8cac1f85e9eb6c0dfc35c334a",
    licence: ONNX_COMMUNITY_LICENCE,
    signature: "onnx",
  },
  {
    fileName: "model_quantized.onnx",
    dtype: "int8",
    bytes: 92_361_116,
    sha256: "fbae9257e1e05ffc727e951ef9b9c98418e6d79f1c9b6b13bd59f5c9028a1478",
    licence: ONNX_COMMUNITY_LICENCE,
    signature: "onnx",
  },
];

/** The 54 voice packs as catalogue files (`<name>.bin`). */
export const VOICE_PACKS: readonly CatalogFile[] = VOICE_CATALOG.map(({ name, sha256 }) => ({
  fileName: `${name}.bin`,
  bytes: VOICE_PACK_BYTES,
  sha256,
  licence: VOICE_LICENCE,
  signature: "none",
}));

/** The npm package that ships all 54 packs under `package/voices/` (Apache-2.0). */
export const VOICES_NPM_PACKAGE = "kokoro-js@1.2.1";

/** What one manager installs and recognises; tests build their own with generated files. */
export interface ModelCatalog {
  readonly models: Readonly<Record<ModelDtype, CatalogFile>>;
  readonly voicesArchive: CatalogFile;
  readonly voicePacks: readonly CatalogFile[];
  /** Models that are not downloaded but whose hash is checked when a user points at one. */
  readonly knownModels: readonly CatalogFile[];
  /** The `npm pack` spec for the voice packs. */
  readonly voicesPackage: string;
}

export const DEFAULT_CATALOG: ModelCatalog = {
  models: MODEL_FILES,
  voicesArchive: VOICES_ARCHIVE,
  voicePacks: VOICE_PACKS,
  knownModels: [...Object.values(MODEL_FILES), ...ONNX_COMMUNITY_MODELS],
  voicesPackage: VOICES_NPM_PACKAGE,
};

export function isModelDtype(value: unknown): value is ModelDtype {
  return typeof value === "string" && (MODEL_DTYPES as readonly string[]).includes(value);
}

/** The base URL in force: the explicit option, then `KOKORO_SPEECH_MODEL_BASE_URL`, then the release. */
export function resolveModelBaseUrl(options: { baseUrl?: string | undefined; env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  const chosen = options.baseUrl ?? env[MODEL_BASE_URL_ENV];
  return chosen === undefined || chosen === "" ? DEFAULT_MODEL_BASE_URL : chosen;
}

/** The URL of one catalogue file under a base URL (with or without a trailing slash). */
export function catalogFileUrl(file: CatalogFile, baseUrl: string): string {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return new URL(encodeURIComponent(file.fileName), base).href;
}
