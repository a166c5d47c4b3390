/** Transfer progress arithmetic: bytes done of total, percentage, speed and time left. */

export interface TransferProgress {
  readonly bytesDone: number;
  /** Undefined when the server announced no length and the catalogue has none. */
  readonly bytesTotal: number | undefined;
  /** 0–100, undefined without a total. */
  readonly percent: number | undefined;
  /** Average over this transfer; bytes resumed from an earlier attempt do not count as speed. */
  readonly bytesPerSecond: number;
  /** Undefined until a speed is known. */
  readonly etaSeconds: number | undefined;
}

export interface TransferMeterOptions {
  readonly bytesTotal: number | undefined;
  /** Bytes already on disk when this transfer started (a resumed `.part`). */
  readonly bytesAlreadyDone?: number;
  /** Milliseconds clock; injectable so the arithmetic is testable without waiting. */
  readonly now?: () => number;
}

/** Counts bytes as they arrive and derives the progress figures from them. */
export class TransferMeter {
  readonly #now: () => number;
  readonly #startedAtMs: number;
  readonly #bytesAtStart: number;
  readonly #bytesTotal: number | undefined;
  #bytesDone: number;

  constructor(options: TransferMeterOptions) {
    this.#now = options.now ?? Date.now;
    this.#startedAtMs = this.#now();
    this.#bytesAtStart = options.bytesAlreadyDone ?? 0;
    this.#bytesDone = this.#bytesAtStart;
    this.#bytesTotal = options.bytesTotal;
  }

  add(byteCount: number): void {
    this.#bytesDone += byteCount;
  }

  snapshot(): TransferProgress {
    const elapsedMs = this.#now() - this.#startedAtMs;
    const bytesMoved = this.#bytesDone - this.#bytesAtStart;
    return progressFigures(this.#bytesDone, this.#bytesTotal, elapsedMs > 0 ? (bytesMoved * 1000) / elapsedMs : 0);
  }
}

/** Progress of several files in a row: `current` is the file in flight, `bytesBefore` the files already finished. */
export function overallProgress(current: TransferProgress, bytesBefore: number, bytesTotal: number): TransferProgress {
  return progressFigures(bytesBefore + current.bytesDone, bytesTotal, current.bytesPerSecond);
}

function progressFigures(bytesDone: number, bytesTotal: number | undefined, bytesPerSecond: number): TransferProgress {
  const percent =
    bytesTotal === undefined || bytesTotal === 0 ? undefined : Math.min(100, (bytesDone / bytesTotal) * 100);
  const bytesLeft = bytesTotal === undefined ? undefined : Math.max(0, bytesTotal - bytesDone);
  let etaSeconds: number | undefined;
  if (bytesLeft === 0) etaSeconds = 0;
  else if (bytesLeft !== undefined && bytesPerSecond > 0) etaSeconds = bytesLeft / bytesPerSecond;
  return { bytesDone, bytesTotal, percent, bytesPerSecond, etaSeconds };
}
