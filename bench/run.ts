import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serverNodeVersion } from './lib/processes';
import { formatTable, type BenchRow } from './lib/report';

/**
 * Runs the benchmarks (every bench/*.bench.ts, or those named: `npm run bench -- schedule`), prints a table for
 * each and keeps the figures in artifacts/bench.json. A missed target is reported, not an error: the exit code
 * is non-zero only when a benchmark could not run.
 */
interface BenchModule {
  run?: () => Promise<BenchRow[]>;
  default?: { run?: () => Promise<BenchRow[]> };
}

interface BenchResult {
  ranAt: string;
  seconds: number;
  rows?: BenchRow[];
  error?: string;
}

const SUFFIX = '.bench.js';
const OUTPUT = join(ROOT, 'artifacts', 'bench.json');

async function available(): Promise<string[]> {
  return (await readdir(__dirname))
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

async function runOne(name: string): Promise<BenchResult> {
  const ranAt = new Date().toISOString();
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  try {
    const loaded = (await import(pathToFileURL(join(__dirname, `${name}${SUFFIX}`)).href)) as BenchModule;
    const run = loaded.run ?? loaded.default?.run;
    if (typeof run !== 'function') throw new Error(`bench/${name}.bench.ts exports no run()`);
    const rows = await run();
    process.stdout.write(`\n${formatTable(name, rows)}\n(${seconds()} s)\n\n`);
    return { ranAt, seconds: seconds(), rows };
  } catch (error) {
    process.stderr.write(`\n== ${name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
    return { ranAt, seconds: seconds(), error: error instanceof Error ? error.message : String(error) };
  }
}

/** Earlier results of benchmarks not run this time stay in the file, each with its own date. */
async function save(results: Record<string, BenchResult>): Promise<void> {
  const previous = await readFile(OUTPUT, 'utf8').then(
    (text) => (JSON.parse(text) as { benchmarks?: Record<string, BenchResult> }).benchmarks ?? {},
    () => ({}),
  );
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    serverNode: serverNodeVersion(),
    platform: process.platform,
  };
  await mkdir(join(ROOT, 'artifacts'), { recursive: true });
  await writeFile(OUTPUT, `${JSON.stringify({ machine, benchmarks: { ...previous, ...results } }, null, 2)}\n`);
}

async function main(): Promise<number> {
  const names = await available();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length) {
    process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${names.join(', ') || 'none'}\n`);
    return 2;
  }
  process.stdout.write(`Servers under test and their references run on Node ${serverNodeVersion()}\n`);
  const results: Record<string, BenchResult> = {};
  for (const name of wanted.length ? wanted : names) results[name] = await runOne(name);
  await save(results);
  process.stdout.write(`Results written to ${OUTPUT}\n`);
  return Object.values(results).some((result) => result.error) ? 1 : 0;
}

// Exits explicitly: a benchmark's stray connection must not keep the runner alive after the report.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
