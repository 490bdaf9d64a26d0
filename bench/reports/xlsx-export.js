// One XLSX export of ROWS rows streamed to a file, in a process of its own so its memory is its own. Prints one
// line of JSON: { seconds, rssGrowthMb, heapGrowthMb, bytes }.
//   node --expose-gc bench/reports/xlsx-export.js kursors  — the platform's writer (tableXlsx of
//     src/common/table-export.ts, what background exports use): typed columns, Riga dates, frozen header
//   node --expose-gc bench/reports/xlsx-export.js bare     — exceljs's streaming writer alone, the same cells with
//     the same number formats (dates passed through as they are, no Riga wall-clock reading)
const { createWriteStream, mkdtempSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pipeline } = require('node:stream/promises');
const { performance } = require('node:perf_hooks');
const ExcelJS = require('exceljs');

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100000);
const mode = process.argv[2];
const dist = (module) => require(join(__dirname, '..', '..', 'dist', module));
const STARTS = Date.UTC(2012, 8, 10, 6, 0);

function* rows() {
  for (let i = 0; i < ROWS; i += 1) {
    const at = new Date(STARTS + (i % 5000) * 3_600_000);
    yield [`Kursants Ābols ${i}`, `Nodaļa ${i % 17}`, i % 40, (i % 1001) / 100, i % 101, at, at];
  }
}

const COLUMNS = [
  { header: 'Dalībnieks', type: 'text' },
  { header: 'Nodaļa', type: 'text' },
  { header: 'Nodarbības', type: 'integer', numFmt: '0' },
  { header: 'Punkti', type: 'decimal', numFmt: '0.00' },
  { header: 'Apmeklējums, %', type: 'percent', numFmt: '0" %"' },
  { header: 'Datums', type: 'date', numFmt: 'yyyy-mm-dd' },
  { header: 'Sākums', type: 'datetime', numFmt: 'yyyy-mm-dd hh:mm' },
];

function bare(out) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Apmeklējums');
  sheet.columns = COLUMNS.map((c, i) => ({ key: String(i), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.addRow(COLUMNS.map((c) => c.header)).commit();
  for (const row of rows()) sheet.addRow(row).commit();
  sheet.commit();
  return workbook.commit();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kursors-bench-xlsx-'));
  const file = join(dir, 'export.xlsx');
  const { tableXlsx } = mode === 'kursors' ? dist('common/table-export') : {};
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 10);
  const started = performance.now();
  if (mode === 'kursors') {
    await pipeline(tableXlsx({ title: 'Apmeklējums', columns: COLUMNS, rows: rows() }, { lang: 'lv' }), createWriteStream(file));
  } else if (mode === 'bare') {
    const out = createWriteStream(file);
    await bare(out);
    await new Promise((resolve) => (out.writableFinished ? resolve() : out.once('finish', resolve)));
  } else {
    throw new Error(`mode must be kursors or bare, not ${mode}`);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const bytes = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  const mb = (n) => Math.round((n / 2 ** 20) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({ seconds, rssGrowthMb: mb(peakRss - before.rss), heapGrowthMb: mb(peakHeap - before.heapUsed), bytes })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
