/**
 * Admission for HTTP renders: a fixed number render at once, a bounded number wait their turn in arrival order, and
 * anything beyond is refused at once with `queue_full` (HTTP 429) instead of piling up behind the one inference
 * worker. A waiting request whose client goes away leaves the line without ever rendering.
 */
import { ProtocolError } from "@kokoro-speech/protocol";

/**
 * One HTTP render at a time. The engine serializes inferences FIFO per segment, so every running render puts one
 * segment ahead of an interactive `speak`; with one at a time, `speak` waits for at most one HTTP segment.
 */
export const MAX_ACTIVE_HTTP_RENDERS = 1;

/** HTTP requests that may wait behind the active render; one more is answered 429. */
export const MAX_QUEUED_HTTP_RENDERS = 4;

export interface RenderSlotsOptions {
  maxActive?: number;
  maxQueued?: number;
}

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

interface Waiter {
  grant: () => void;
}

export class RenderSlots {
  readonly maxActive: number;
  readonly maxQueued: number;
  #active = 0;
  readonly #waiters: Waiter[] = [];

  constructor(options: RenderSlotsOptions = {}) {
    this.maxActive = options.maxActive ?? MAX_ACTIVE_HTTP_RENDERS;
    this.maxQueued = options.maxQueued ?? MAX_QUEUED_HTTP_RENDERS;
    if (!Number.isInteger(this.maxActive) || this.maxActive < 1) {
      throw new RangeError(`maxActive must be a positive integer, got ${this.maxActive}`);
    }
    if (!Number.isInteger(this.maxQueued) || this.maxQueued < 0) {
      throw new RangeError(`maxQueued must be a non-negative integer, got ${this.maxQueued}`);
    }
  }

  /** Renders running now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.#waiters.length;
  }

  /**
   * Resolves with the slot's release once it is this request's turn. Throws `queue_full` when the line is full;
   * rejects with the signal's reason when the signal aborts while waiting.
   */
  acquire(signal: AbortSignal): Promise<ReleaseSlot> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.maxActive) return Promise.resolve(this.#take());
    if (this.#waiters.length >= this.maxQueued) {
      return Promise.reject(
        new ProtocolError(
          "queue_full",
          `${this.#active} speech request(s) are rendering and ${this.#waiters.length} waiting; try again shortly.`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal.removeEventListener("abort", signalOnAbort);
          resolve(this.#take());
        },
      };
      const signalOnAbort = (): void => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(signal.reason);
      };
      signal.addEventListener("abort", signalOnAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  #take(): ReleaseSlot {
    this.#active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active--;
      this.#waiters.shift()?.grant();
    };
  }
}
