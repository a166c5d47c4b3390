/** One result row: median and p95 of repeated runs, with the goal it is held to. */
export interface BenchRow {
  name: string;
  unit: string;
  runs: number;
  median: number;
  /** The bad tail: the 95th percentile, or the 5th where more is better (`higherIsBetter`). */
  p95: number;
  higherIsBetter?: boolean;
  goal?: string;
}

/** Below this many runs a 95th percentile is just the worst run, and the table says so. */
export const MIN_RUNS_FOR_P95 = 20;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(name: string, unit: string, samples: number[], goal?: string): BenchRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const row: BenchRow = {
    name,
    unit,
    runs: samples.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
  };
  if (goal !== undefined) row.goal = goal;
  return row;
}

/**
 * For a quantity where more is better (words/s, a speed-up), the p95 column holds the value 95 % of runs reached
 * (the 5th percentile), so that in every row p95 is the bad tail.
 */
export function summarizeHigherIsBetter(name: string, unit: string, samples: number[], goal?: string): BenchRow {
  const row = summarize(name, unit, samples, goal);
  row.higherIsBetter = true;
  row.p95 = quantile(
    [...samples].sort((a, b) => a - b),
    0.05,
  );
  return row;
}

/** A row for a measurement that could not be made here (e.g. no real model file); its numbers print as "—". */
export function absentRow(name: string, reason: string): BenchRow {
  return { name, unit: "", runs: 0, median: Number.NaN, p95: Number.NaN, goal: reason };
}

function format(value: number): string {
  if (Number.isNaN(value)) return "—";
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** What the tail value of a row is: a p95 with enough runs, otherwise the worst run (max, or min where more is better). */
export function tailLabel(row: BenchRow): string {
  if (row.runs >= MIN_RUNS_FOR_P95) return "p95";
  return row.higherIsBetter ? "min" : "max";
}

export function toMarkdown(rows: BenchRow[]): string {
  const lines = ["| benchmark | unit | runs | median | tail | goal |", "|---|---|---:|---:|---:|---|"];
  for (const row of rows) {
    const tail = Number.isNaN(row.p95) ? "—" : `${format(row.p95)} (${tailLabel(row)})`;
    lines.push(`| ${row.name} | ${row.unit} | ${row.runs} | ${format(row.median)} | ${tail} | ${row.goal ?? ""} |`);
  }
  return lines.join("\n");
}
