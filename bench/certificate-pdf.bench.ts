import { loadavg } from 'node:os';
import { runBareRender, type BareRun } from './certificates/bare';
import type { BenchRow } from './lib/report';
import { round } from './lib/stats';

/**
 * Issue 11, the certificate PDF: how fast the renderer draws a certificate (with two logos and the QR code), with
 * and without the seal, in one process and in two at once, by the bare script the bulk-issuing benchmark also
 * compares itself with (bench/certificates/bare-render.js). The bulk target, 1,000 certificates in 20 s on two
 * cores, needs at least 50 a second from the renderer alone; the PDF must stay under 100 KB.
 */
const log = (message: string) => process.stdout.write(`certificate-pdf: ${message}\n`);

async function bare(args: string[]): Promise<BareRun> {
  const result = await runBareRender(args);
  log(`${args.join(' ')}: ${result.rendersPerSecond} renders/s, ${result.cpuMsPerRender} ms CPU each, ${result.bytes} bytes`);
  return result;
}

export async function run(): Promise<BenchRow[]> {
  const machineLoad = loadavg()[0];
  const one = await bare(['--count', '300']);
  const sealed = await bare(['--count', '200', '--seal']);
  const two = await bare(['--count', '200', '--processes', '2']);
  const kb = (bytes: number) => round(bytes / 1024, 1);
  return [
    { name: 'load average (1 min) before', value: round(machineLoad, 2), unit: '' },
    { name: 'render, one process', value: one.rendersPerSecond, unit: 'PDF/s' },
    { name: 'render: CPU per PDF', value: one.cpuMsPerRender, unit: 'ms' },
    {
      name: 'render and seal, one process',
      value: sealed.rendersPerSecond,
      unit: 'PDF/s',
      baseline: one.rendersPerSecond,
      ratio: round(sealed.rendersPerSecond / one.rendersPerSecond, 2),
    },
    { name: 'render and seal: CPU per PDF', value: sealed.cpuMsPerRender, unit: 'ms' },
    {
      name: 'render, two processes at once',
      value: two.rendersPerSecond,
      unit: 'PDF/s',
      target: '>= 50 (1,000 in 20 s)',
      pass: two.rendersPerSecond >= 50,
    },
    // what two cores would give if each spent only its CPU time on rendering: the figure a busy machine leaves intact
    { name: 'two cores by CPU time per PDF', value: round(2000 / two.cpuMsPerRender, 1), unit: 'PDF/s' },
    { name: 'PDF with two logos', value: kb(one.bytes), unit: 'KiB', target: '< 100 KB', pass: one.bytes < 100_000 },
    { name: 'sealed PDF', value: kb(sealed.bytes), unit: 'KiB', target: '< 100 KB', pass: sealed.bytes < 100_000 },
  ];
}
