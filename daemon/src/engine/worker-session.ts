/**
 * An onnxruntime-node session that lives in a worker thread. onnxruntime-node's `session.run` blocks the calling
 * thread for the whole inference (measured: a 490 ms run stalled the event loop 488 ms), and the player paces audio
 * from the daemon's event loop with only 50 ms queued in the device: an inference on the main thread would starve
 * the device at every segment. Here the main thread only builds tensors and copies results; the worker runs.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import * as ort from "onnxruntime-node";

/** What crosses the thread boundary for one tensor; `data` is transferred, not copied. */
interface TensorMessage {
  type: ort.Tensor.Type;
  data: ort.Tensor.DataType;
  dims: readonly number[];
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface SessionInfo {
  inputNames: readonly string[];
  outputNames: readonly string[];
  inputMetadata: ort.InferenceSession["inputMetadata"];
  outputMetadata: ort.InferenceSession["outputMetadata"];
}

/**
 * The worker's code, run as a CommonJS script (`eval`), so it works the same from `dist/` and from the TypeScript
 * sources the tests import; onnxruntime-node is loaded from the path the main thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const ort = require(workerData.ortPath);
let session = null;
function own(data) {
  // Transfer needs a buffer of its own: copy a view into a larger one.
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}
parentPort.on("message", async (message) => {
  try {
    if (message.kind === "open") {
      session = await ort.InferenceSession.create(message.modelPath, message.options);
      const info = {
        inputNames: session.inputNames,
        outputNames: session.outputNames,
        inputMetadata: JSON.parse(JSON.stringify(session.inputMetadata)),
        outputMetadata: JSON.parse(JSON.stringify(session.outputMetadata)),
      };
      parentPort.postMessage({ id: message.id, ok: true, value: info });
    } else if (message.kind === "run") {
      const feeds = {};
      for (const [name, tensor] of Object.entries(message.feeds)) {
        feeds[name] = new ort.Tensor(tensor.type, tensor.data, tensor.dims);
      }
      const outputs = await session.run(feeds, message.fetches);
      const value = {};
      const transfer = [];
      for (const [name, tensor] of Object.entries(outputs)) {
        const data = own(tensor.data);
        value[name] = { type: tensor.type, data, dims: Array.from(tensor.dims) };
        if (data.buffer) transfer.push(data.buffer);
      }
      parentPort.postMessage({ id: message.id, ok: true, value }, transfer);
    } else if (message.kind === "release") {
      if (session) await session.release();
      session = null;
      parentPort.postMessage({ id: message.id, ok: true, value: null });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, message: String((error && error.message) || error) });
  }
});
`;

export class WorkerSession implements SessionInfo {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata: ort.InferenceSession["inputMetadata"];
  readonly outputMetadata: ort.InferenceSession["outputMetadata"];
  private readonly worker: Worker;
  private readonly pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
  private nextId: number;

  private constructor(worker: Worker, pending: WorkerSession["pending"], nextId: number, info: SessionInfo) {
    this.worker = worker;
    this.pending = pending;
    this.nextId = nextId;
    this.inputNames = info.inputNames;
    this.outputNames = info.outputNames;
    this.inputMetadata = info.inputMetadata;
    this.outputMetadata = info.outputMetadata;
  }

  /** Starts a worker and creates the session there; rejects with onnxruntime's own message when it cannot. */
  static async create(modelPath: string, options: ort.InferenceSession.SessionOptions): Promise<WorkerSession> {
    const ortPath = createRequire(import.meta.url).resolve("onnxruntime-node");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ortPath } });
    worker.unref();
    const pending: WorkerSession["pending"] = new Map();
    const failAll = (error: Error): void => {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    };
    worker.on("message", (reply: Reply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      // Held open only while work is pending, so an idle session never keeps a process alive.
      if (pending.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.message));
    });
    worker.on("error", (error) => failAll(error));
    worker.on("exit", (code) => failAll(new Error(`the inference worker exited (${code})`)));
    const open = new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
    worker.ref();
    worker.postMessage({ kind: "open", id: 0, modelPath, options });
    try {
      const info = (await open) as SessionInfo;
      return new WorkerSession(worker, pending, 1, info);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
  }

  /** Runs one inference in the worker; the feeds' data is copied there, the outputs' data moved back. */
  async run(feeds: Record<string, ort.Tensor>, fetches: readonly string[]): Promise<Record<string, ort.Tensor>> {
    const messages: Record<string, TensorMessage> = {};
    for (const [name, tensor] of Object.entries(feeds)) {
      messages[name] = { type: tensor.type, data: tensor.data, dims: tensor.dims };
    }
    const outputs = (await this.call({ kind: "run", feeds: messages, fetches })) as Record<string, TensorMessage>;
    const result: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(outputs)) {
      result[name] = new ort.Tensor(tensor.type, tensor.data as Float32Array, tensor.dims);
    }
    return result;
  }

  /** Frees the session and ends the worker. */
  async release(): Promise<void> {
    try {
      await this.call({ kind: "release" });
    } finally {
      await this.worker.terminate();
    }
  }

  private call(message: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }
}
