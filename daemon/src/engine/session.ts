/**
 * Opens a Kokoro ONNX session and reads its contract from the session's own metadata (kokoro-model.md §2.7): which
 * input takes the token ids, what dtype `speed` wants, which output carries the audio. Exports disagree on all
 * three, and guessing from names alone is how kokoro-onnx came to send int32 speeds to float graphs (§2.6).
 */
import * as ort from "onnxruntime-node";
import { ProtocolError } from "@kokoro-speech/protocol";
import { STYLE_DIM } from "./voice-pack.js";
import { WorkerSession } from "./worker-session.js";

export type ExecutionProvider = "cpu" | "coreml" | "cuda";

/**
 * Which known export the signature matches; descriptive only (for stats and logs), the engine acts on the fields
 * of `ModelSignature`, never on this label.
 */
export type ModelFlavour = "onnx-community" | "kokoro-onnx" | "int32-speed";

export type SpeedDtype = "float32" | "int32";

export interface ModelSignature {
  readonly tokenInput: string;
  readonly styleInput: string;
  readonly speedInput: string;
  readonly speedDtype: SpeedDtype;
  readonly audioOutput: string;
  readonly flavour: ModelFlavour;
}

export interface SessionSettings {
  readonly executionProvider: ExecutionProvider;
  readonly intraOpNumThreads: number;
}

export interface KokoroSession {
  readonly session: WorkerSession;
  readonly signature: ModelSignature;
}

const TOKEN_INPUT_NAMES = ["input_ids", "tokens"] as const;
const AUDIO_OUTPUT_NAMES = ["waveform", "audio"] as const;

/**
 * Creates the session and detects its signature; `model_unavailable` when the file cannot be opened with this
 * provider or the graph is not a Kokoro model.
 */
export async function openKokoroSession(modelPath: string, settings: SessionSettings): Promise<KokoroSession> {
  let session: WorkerSession;
  try {
    session = await WorkerSession.create(modelPath, {
      executionProviders: [settings.executionProvider],
      intraOpNumThreads: settings.intraOpNumThreads,
      // One inference runs at a time (the engine's queue), so parallelism between graph nodes buys nothing.
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProtocolError(
      "model_unavailable",
      `cannot open ${modelPath} (${settings.executionProvider}): ${reason}`,
      {
        cause: error,
      },
    );
  }
  try {
    return { session, signature: detectSignature(session) };
  } catch (error) {
    await session.release();
    throw error;
  }
}

type SessionMetadata = Pick<ort.InferenceSession, "inputNames" | "outputNames" | "inputMetadata" | "outputMetadata">;

/** Reads the Kokoro contract from a session's declared inputs and outputs. */
export function detectSignature(session: SessionMetadata): ModelSignature {
  const inputs = tensorMetadataByName(session.inputMetadata);
  const describe = (): string =>
    `inputs [${session.inputNames.join(", ")}], outputs [${session.outputNames.join(", ")}]`;

  const tokenInput = TOKEN_INPUT_NAMES.find((name) => inputs.has(name));
  if (tokenInput === undefined) throw incompatible(`no token input (input_ids or tokens); the model has ${describe()}`);
  if (inputs.get(tokenInput)?.type !== "int64") throw incompatible(`token input ${tokenInput} is not int64`);

  const style = inputs.get("style");
  if (style === undefined) throw incompatible(`no style input; the model has ${describe()}`);
  if (style.type !== "float32" || style.shape.at(-1) !== STYLE_DIM) {
    throw incompatible(`style input must be float32 [1, ${STYLE_DIM}], is ${style.type} [${style.shape.join(", ")}]`);
  }

  const speed = inputs.get("speed");
  if (speed === undefined) throw incompatible(`no speed input; the model has ${describe()}`);
  if (speed.type !== "float32" && speed.type !== "int32") {
    throw incompatible(`speed input must be float32 or int32, is ${speed.type}`);
  }

  const audioOutput = AUDIO_OUTPUT_NAMES.find((name) => session.outputNames.includes(name)) ?? session.outputNames[0];
  if (audioOutput === undefined) throw incompatible("the model has no outputs");

  return {
    tokenInput,
    styleInput: "style",
    speedInput: "speed",
    speedDtype: speed.type,
    audioOutput,
    flavour: speed.type === "int32" ? "int32-speed" : tokenInput === "tokens" ? "kokoro-onnx" : "onnx-community",
  };
}

function tensorMetadataByName(
  metadata: readonly ort.InferenceSession.ValueMetadata[],
): Map<string, ort.InferenceSession.TensorValueMetadata> {
  const tensors = new Map<string, ort.InferenceSession.TensorValueMetadata>();
  for (const value of metadata) if (value.isTensor) tensors.set(value.name, value);
  return tensors;
}

function incompatible(reason: string): ProtocolError {
  return new ProtocolError("model_unavailable", `not a Kokoro v1.0 model: ${reason}`);
}
