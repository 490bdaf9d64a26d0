/** One figure of a benchmark, with what it is compared with and the target it must meet, if any. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same figure for the reference (the bare Express server, a bare query, a smaller data set). */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** The target in words, e.g. "< 50 ms". */
  target?: string;
  pass?: boolean;
}

const cell = (value: number | undefined, digits = 2): string =>
  value === undefined || Number.isNaN(value) ? '' : String(Math.round(value * 10 ** digits) / 10 ** digits);

const verdict = (pass: boolean | undefined): string => (pass === undefined ? '' : pass ? 'pass' : 'MISS');

/** A plain-text table of a benchmark's rows, misses in capitals so they stand out in a terminal or a CI log. */
export function formatTable(title: string, rows: BenchRow[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass'];
  const body = rows.map((r) => [r.name, cell(r.value), r.unit, cell(r.baseline), cell(r.ratio), r.target ?? '', verdict(r.pass)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const numeric = new Set([1, 3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const misses = rows.filter((r) => r.pass === false).length;
  const summary = rows.some((r) => r.pass !== undefined) ? (misses ? `${misses} target(s) MISSED` : 'all targets met') : '';
  return [`== ${title}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), summary].filter(Boolean).join('\n');
}
