/**
 * Shared pieces of `npm run bench`: medians, the result row every benchmark returns, and
 * the table it prints. Figures are never invented: a benchmark whose feature is missing
 * returns `notMeasured(reason)`.
 */

export interface BenchRow {
  /** Short id, e.g. `cold-start`. */
  id: string;
  /** What is measured, in a few words. */
  name: string;
  /** The median, or null when not measured. */
  value: number | null;
  unit: string;
  /** The target as text, e.g. `≤ 16 ms`. */
  target: string;
  pass: boolean | null;
  /** How many runs the median is taken over. */
  runs: number;
  /** A detail worth printing (spread, comparison figures), or why it was not measured. */
  note: string;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function notMeasured(
  row: Pick<BenchRow, 'id' | 'name' | 'unit' | 'target'>,
  reason: string,
): BenchRow {
  return { ...row, value: null, pass: null, runs: 0, note: `not measured: ${reason}` };
}

/** Thrown by a benchmark when what it needs does not exist yet. */
export class NotMeasured extends Error {}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['#', 'benchmark', 'median', 'target', 'result', 'runs', 'notes'];
  const lines = rows.map((row, index) => [
    String(index + 1),
    row.name,
    row.value === null ? '—' : `${row.value} ${row.unit}`,
    row.target,
    row.pass === null ? 'not measured' : row.pass ? 'pass' : 'FAIL',
    row.runs ? String(row.runs) : '—',
    row.note,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map((line) => (i === 6 ? 0 : line[i]!.length))),
  );
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 6 ? cell : cell.padEnd(widths[i]!))).join(' | ');
  return [
    format(header),
    widths.map((w, i) => (i === 6 ? '-----' : '-'.repeat(w))).join('-|-'),
    ...lines.map(format),
  ].join('\n');
}

export function hrtimeMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
