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

function format(value: number): string {
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
