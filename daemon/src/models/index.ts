/** The model manager's public surface: the daemon and the `download` command use only these. */
export {
  DEFAULT_MODEL_DTYPE,
  DEFAULT_VOICES_SOURCE,
  MODEL_FILES,
  VOICES_ARCHIVE,
  VOICES_DIR_NAME,
  VOICES_SOURCES,
  type VoicesSource,
  isModelDtype,
  MODEL_BASE_URL_ENV,
  MODEL_DTYPES,
  type ModelCatalog,
  type ModelDtype,
} from "./catalog.js";
export { isModelError, MODEL_ERROR_CODES, ModelError, type ModelErrorCode } from "./errors.js";
export { MODEL_PATH_ENV, resolveExistingPaths, VOICES_PATH_ENV, type ExistingPaths } from "./existing-paths.js";
export {
  ModelManager,
  type EnsureOptions,
  type ManagedFile,
  type ModelManagerOptions,
  type ModelPaths,
  type ModelState,
  type ModelStatus,
} from "./manager.js";
export { installedModelDtype } from "./installed-model.js";
export { modelUnavailableError } from "./model-unavailable.js";
export type { TransferProgress } from "./progress.js";
