/**
 * How the bench prints its figures: each measured figure beside the baseline measured in the same
 * run (the same statement as raw SQL, `psql \copy`, a static file, the bare argon2id hash...) and
 * their ratio. A figure without a baseline prints "-" there. Medians and p95 by nearest rank.
 */

export type Timed = { name: string; timesMs: number[]; rows?: string };
export type Compared = { figure: Timed; baseline?: Timed; note?: string };

/** The p-th percentile, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");

/** A table: figure p50/p95, baseline p50/p95, and the ratio of the p95s (figure / baseline). */
export function printComparisons(title: string, rows: readonly Compared[]): void {
  console.log(`\n${title}`);
  const header = ["measurement", "p50 ms", "p95 ms", "baseline p50", "baseline p95", "p95 ratio", "rows"];
  const cells = rows.map(({ figure, baseline, note }) => {
    const p95 = percentile(figure.timesMs, 95);
    const baselineP95 = baseline ? percentile(baseline.timesMs, 95) : Number.NaN;
    return [
      figure.name,
      ms(percentile(figure.timesMs, 50)),
      ms(p95),
      baseline ? ms(percentile(baseline.timesMs, 50)) : "-",
      baseline ? ms(baselineP95) : "-",
      baseline ? `${(p95 / baselineP95).toFixed(2)}x` : "-",
      [figure.rows, note].filter(Boolean).join("; "),
    ];
  });
  printTable(header, cells);
}

/** A plain aligned table; the first and last columns are text, the others numbers. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const isText = (column: number) => column === 0 || column === header.length - 1;
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (isText(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  console.log([line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n"));
}
