import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MODEL_DTYPE, MODEL_DTYPES, MODEL_FILES, type ModelDtype } from "./catalog.js";

/**
 * The best model already in the data directory (the default dtype first), judged by presence only: `ensure`
 * verifies it. Cheap enough for start-up (one `stat` per dtype) and free of the manager's heavier imports.
 */
export function installedModelDtype(dataDir: string): ModelDtype | null {
  const preference = [DEFAULT_MODEL_DTYPE, ...MODEL_DTYPES.filter((dtype) => dtype !== DEFAULT_MODEL_DTYPE)];
  return preference.find((dtype) => existsSync(join(dataDir, MODEL_FILES[dtype].fileName))) ?? null;
}
