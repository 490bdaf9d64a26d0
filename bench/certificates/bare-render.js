// The bare reference of the certificate benchmarks: the built renderer (dist/, `npm run build`) drawing the same
// certificate PDF in a loop, nothing else: no database, no storage, no queue, no email. Whatever the bulk run
// does beyond this is the platform's own cost.
//
//   node bench/certificates/bare-render.js [--document doc.json] [--count 300] [--processes 1] [--seal]
//
// --document: a CertificateDocument as JSON, its logos as base64 strings (the bulk benchmark passes the document
//             of one of its certificates, so both render the same PDF); without it, a sample certificate.
// --count:    renders per process after a warm-up of 20 (the fonts are cut down on the first render).
// --processes: that many processes render at once; the rate is their total.
// --seal:     also seal each PDF with a development key, as development and test installations do.
//
// Prints one JSON line: { rendersPerSecond, processes, count, seconds, bytes, cpuMsPerRender, sealed }.
'use strict';
const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const dist = (module) => require(join(ROOT, 'dist', module));
const WARM_UP = 20;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  return value === undefined || value.startsWith('--') ? true : value;
}

function sampleDocument() {
  const { I18nService } = dist('i18n/i18n.service');
  const { certificateLabels } = dist('certificates/certificate-labels');
  const logo = readFileSync(join(ROOT, 'test', 'fixtures', 'funder-logo.jpg'));
  const code = 'BENCH-7Q2M-PA9F-JDW4';
  return {
    lang: 'lv',
    title: 'Apliecība',
    holderName: 'Ērika Šķēle-Ļaudaviņa',
    programmeTitle: 'Valsts pārvaldes darbinieku profesionālā pilnveide',
    partTitle: '1. daļa. Publisko iepirkumu pamati',
    academicHours: 24,
    startsOn: '2012-09-05',
    endsOn: '2012-12-14',
    place: 'Rīga, Raiņa bulvāris 4',
    learningOutcomes: [
      'Pārzina publisko iepirkumu regulējumu un tā piemērošanu.',
      'Prot sagatavot iepirkuma nolikumu un tehnisko specifikāciju.',
      'Spēj izvērtēt piedāvājumus pēc saimnieciski izdevīgākā piedāvājuma kritērijiem.',
    ],
    signatories: [
      { name: 'Mārtiņš Gailītis', position: 'Direktors' },
      { name: 'Inese Ķirse', position: 'Mācību daļas vadītāja' },
    ],
    issuedOn: '2012-12-20',
    issuer: 'Valsts administrācijas skola',
    serial: 'VAS-2012/0042',
    verificationCode: code,
    verificationUrl: `https://kursors.example.lv/verify/${code}`,
    logos: [logo, logo],
    publicityStatement: 'Projekts tiek līdzfinansēts no Eiropas Sociālā fonda.',
    labels: certificateLabels(new I18nService(), 'lv'),
  };
}

function loadDocument(path) {
  if (typeof path !== 'string') return sampleDocument();
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  return { ...doc, logos: doc.logos.map((logo) => Buffer.from(logo, 'base64')) };
}

async function renderLoop(doc, count, seal) {
  const { renderCertificatePdf } = dist('certificates/certificate-pdf');
  const { developmentIdentity, sealPdf } = dist('certificates/pdf-seal');
  const identity = seal ? await developmentIdentity('Kursors') : null;
  const once = async () => {
    const pdf = await renderCertificatePdf(doc);
    return identity
      ? sealPdf(pdf, identity, { signedAt: new Date(`${doc.issuedOn}T10:00:00Z`), reason: doc.serial, location: doc.place })
      : pdf;
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes = (await once()).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { count, seconds, bytes, cpuMs: (used.user + used.system) / 1000 };
}

/** Runs the loop in `processes` children started together; the rate is the total over the longest of them. */
async function parallel(processes) {
  const args = process.argv.slice(2).filter((_, i, all) => all[i] !== '--processes' && all[i - 1] !== '--processes');
  const runs = await Promise.all(
    Array.from(
      { length: processes },
      () =>
        new Promise((resolve, reject) => {
          const child = fork(__filename, [...args, '--child'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bare-render child exited ${code}`))));
        }),
    ),
  );
  const count = runs.reduce((sum, run) => sum + run.count, 0);
  const seconds = Math.max(...runs.map((run) => run.seconds));
  const cpuMs = runs.reduce((sum, run) => sum + run.cpuMs, 0);
  return { count, seconds, bytes: runs[0].bytes, cpuMs };
}

async function main() {
  const processes = Number(option('processes', 1));
  const count = Number(option('count', 300));
  const seal = option('seal', false) === true;
  if (!Number.isInteger(processes) || processes < 1 || !Number.isInteger(count) || count < 1) {
    throw new Error('--processes and --count take positive whole numbers');
  }
  const run =
    option('child', false) === true || processes === 1
      ? await renderLoop(loadDocument(option('document')), count, seal)
      : await parallel(processes);
  const result = {
    rendersPerSecond: Math.round((run.count / run.seconds) * 10) / 10,
    processes: option('child', false) === true ? 1 : processes,
    count: run.count,
    seconds: Math.round(run.seconds * 100) / 100,
    bytes: run.bytes,
    cpuMsPerRender: Math.round((run.cpuMs / run.count) * 100) / 100,
    sealed: seal,
  };
  process.stdout.write(`${JSON.stringify(option('child', false) === true ? { ...run } : result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bare-render: ${error.stack ?? error}\n`);
  process.exit(1);
});
