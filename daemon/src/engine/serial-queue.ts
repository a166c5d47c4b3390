/**
 * Runs async tasks one at a time, in call order. Inference must be serial: one onnxruntime session already uses
 * every core it is given, and concurrent runs on one session only contend (lessons-from-original §10 rule 13).
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Runs `task` after every earlier task has settled, whether it succeeded or failed. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(async () => {
      try {
        return await task();
      } finally {
        this.#pending--;
      }
    });
    // The next task waits for this one to settle, never for it to succeed.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
