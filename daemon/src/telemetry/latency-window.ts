/** The last `capacity` values of one measurement, and their percentiles. */
export class LatencyWindow {
  private readonly values: number[] = [];
  private readonly capacity: number;
  private next = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    if (this.values.length < this.capacity) this.values.push(value);
    else this.values[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
  }

  get count(): number {
    return this.values.length;
  }

  /** Nearest-rank percentile (0 < q ≤ 1); null while empty. */
  percentile(q: number): number | null {
    if (this.values.length === 0) return null;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  }

  summary(): { p50: number | null; p95: number | null; count: number } {
    return { p50: this.percentile(0.5), p95: this.percentile(0.95), count: this.count };
  }
}
