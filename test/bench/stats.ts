/** One result row: median and p95 of repeated runs, with the goal it is held to. */
export interface BenchRow {
  name: string;
  unit: string;
  runs: number;
  median: number;
  p95: number;
  goal?: string;
}

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

export function toMarkdown(rows: BenchRow[]): string {
  const lines = ["| benchmark | unit | runs | median | p95 | goal |", "|---|---|---:|---:|---:|---|"];
  for (const row of rows) {
    lines.push(
      `| ${row.name} | ${row.unit} | ${row.runs} | ${format(row.median)} | ${format(row.p95)} | ${row.goal ?? ""} |`,
    );
  }
  return lines.join("\n");
}
