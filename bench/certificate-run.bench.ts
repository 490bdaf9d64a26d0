import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateDocument } from '../src/certificates/certificate-document';
import type * as Documents from '../src/certificates/certificate-documents';
import type * as Pdf from '../src/certificates/certificate-pdf';
import type { AppConfig } from '../src/config/app-config';
import type * as EnvSchema from '../src/config/env.schema';
import type * as Migrate from '../src/database/migrate';
import type * as I18n from '../src/i18n/i18n.service';
import { runBareRender, type BareRun } from './certificates/bare';
import { fromDist } from './lib/built-app';
import { cpuMs, postgresCpuMs } from './lib/cpu';
import { freshDatabase } from './lib/database';
import { ROOT, startWeb, startWorker, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { startSmtpSink } from './lib/smtp-sink';
import { round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';
import { issuedCertificates, loadCompletedCohort, runFacts, TEMPLATE, type IssuedCertificate } from './certificate-run/data';

/**
 * Issue 11, "Benchmark in bench/": 1,000 certificates issued as one certificate run. A cohort of 1,000 completed
 * trainees and the programme's template are loaded; an administrator starts the run through the API
 * (POST /api/v1/cohorts/:id/certificate-runs) and the built worker issues it as it would in production: PDFs drawn,
 * stored with their SHA-256, serials taken, emails queued in the outbox (and delivered to an SMTP sink meanwhile,
 * as a worker does). Timed from the start to the run's `done`, by PostgreSQL's clock.
 *
 * In the same run, with the platform stopped, the bare script (bench/certificates/bare-render.js) draws the same PDF
 * 1,000 times: the document of one of the issued certificates, which it must render byte for byte as stored. The
 * worker draws on CERTIFICATE_RENDER_THREADS threads (its default: one per core, at most four), so the bare loop
 * runs in as many processes as the worker has threads, like with like, and once in one process as well.
 * BENCH_CERTIFICATES sets another count (a smoke run).
 */
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 1_000);
const TARGETS = { seconds: 20, share: 0.7 };
const PUBLIC_URL = 'https://kursors.bench.test';
/** The threads the worker draws PDFs on: CERTIFICATE_RENDER_THREADS as the platform reads it. */
const THREADS = fromDist<typeof EnvSchema>('config/env.schema').envSchema.shape.CERTIFICATE_RENDER_THREADS.parse(
  process.env.CERTIFICATE_RENDER_THREADS,
);

const log = (message: string) => process.stdout.write(`certificate-run: ${message}\n`);

async function bare(documentFile: string, processes: number): Promise<BareRun> {
  const args = ['--document', documentFile, '--count', String(Math.ceil(CERTIFICATES / processes)), '--processes', String(processes)];
  const result = await runBareRender(args);
  log(`bare loop, ${processes} process(es): ${result.count} PDFs in ${result.seconds} s, ${result.cpuMsPerRender} ms CPU each`);
  return result;
}

async function api<T>(url: string, token: string, method = 'GET'): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, body: JSON.parse(text) as T };
}

/** The document of an issued certificate, built by the platform's own code from what the benchmark loaded. */
function documentOf(certificate: IssuedCertificate, logo: Buffer): CertificateDocument {
  const { CertificateDocuments } = fromDist<typeof Documents>('certificates/certificate-documents');
  const { I18nService } = fromDist<typeof I18n>('i18n/i18n.service');
  const config = { publicUrl: (path: string) => new URL(path, PUBLIC_URL).toString() } as AppConfig;
  const documents = new CertificateDocuments(undefined as never, new I18nService(), config);
  const template = {
    ...TEMPLATE,
    titleEn: 'Certificate',
    placeEn: 'Daugavpils',
    learningOutcomesEn: [],
    issuerEn: 'Daugavpils City Council',
  };
  return documents.build(
    {
      lang: 'lv',
      template: template as never,
      programme: {
        titleLv: 'Daugavpils pašvaldības darbinieku kursu cikla programma',
        titleEn: null,
        fundingStatement: 'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.',
      } as never,
      part: { titleLv: 'Projektu vadības specifika dažāda veida projektos', titleEn: null } as never,
      academicHours: 40,
      holderName: certificate.holder_name,
      startsOn: '2026-09-07',
      endsOn: '2026-11-27',
      issuedAt: certificate.issued_at,
      logos: [logo],
    },
    certificate.serial,
    certificate.verification_code,
  );
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Serials of one format numbered 1 to n, in order: the numbers' gaps and repeats. */
function serialTrouble(certificates: IssuedCertificate[]): number {
  const numbers = certificates.map((c) => Number(/(\d+)$/.exec(c.serial)![1]));
  return numbers.filter((n, i) => n !== i + 1).length;
}

export async function run(): Promise<BenchRow[]> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const sink = await startSmtpSink();
  const children: Child[] = [];
  try {
    const url = await freshDatabase('kursors_bench_certificate_run');
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const loaded = await loadCompletedCohort(url, uploadDir, CERTIFICATES);
    const env = benchWebEnv(url, uploadDir, {
      PUBLIC_URL,
      CERTIFICATE_RENDER_THREADS: String(THREADS),
      SMTP_URL: sink.url,
      // the sweeps stay out of the way; the run's job is queued as it starts
      OUTBOX_SWEEP_SECONDS: '600',
    });
    const web = await startWeb(env);
    children.push(web);
    const worker = await startWorker(env);
    children.push(worker);

    const machineLoad = loadavg()[0];
    log(`${CERTIFICATES} certificates as one run, ${THREADS} render thread(s); machine load average ${round(machineLoad, 2)}`);
    const pids = [worker.process.pid!, web.process.pid!];
    const before = { platform: cpuMs(pids), database: postgresCpuMs() };
    const startedAt = performance.now();
    const started = await api<{ id: string }>(`${web.url}/api/v1/cohorts/${loaded.cohortId}/certificate-runs`, loaded.apiToken, 'POST');
    if (started.status !== 202) throw new Error(`the run did not start (${started.status})`);
    const runId = started.body.id;
    for (;;) {
      const { body } = await api<{ status: string }>(`${web.url}/api/v1/certificate-runs/${runId}`, loaded.apiToken);
      if (body.status === 'done' || body.status === 'failed') break;
      if (performance.now() - startedAt > 600_000) throw new Error('the run did not finish within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const polledSeconds = (performance.now() - startedAt) / 1000;
    const after = { platform: cpuMs(pids), database: postgresCpuMs() };
    const facts = await runFacts(url, runId);
    log(
      `run ${facts.status}: ${facts.issued} issued, ${facts.failed} failed in ${round(facts.seconds, 2)} s (${round(polledSeconds, 2)} s as polled)`,
    );

    // What was stored is what was recorded, and a download gives the same bytes.
    const certificates = await issuedCertificates(url, loaded.programmeId);
    const sample = certificates[Math.floor(certificates.length / 2)];
    const download = await fetch(`${web.url}/api/v1/certificates/${sample.id}/download`, {
      headers: { authorization: `Bearer ${loaded.apiToken}` },
    });
    const downloaded = Buffer.from(await download.arrayBuffer());
    const downloadMatches = download.status === 200 && sha256(downloaded) === sample.sha256;
    await sink.waitFor(CERTIFICATES, 120_000).catch((error: unknown) => log(String(error)));
    const emailsArrived = sink.count;
    for (const child of children.splice(0)) await child.stop();

    // The bare loop draws the sample's document, which must give the bytes the platform stored.
    const logo = await readFile(join(ROOT, 'test', 'fixtures', 'funder-logo.jpg'));
    const document = documentOf(sample, logo);
    const { renderCertificatePdf } = fromDist<typeof Pdf>('certificates/certificate-pdf');
    const samePdf = sha256(await renderCertificatePdf(document)) === sample.sha256;
    const documentFile = join(uploadDir, 'document.json');
    await writeFile(documentFile, JSON.stringify({ ...document, logos: document.logos.map((b) => b.toString('base64')) }));
    const one = await bare(documentFile, 1);
    const parallel = THREADS > 1 ? await bare(documentFile, THREADS) : one;

    const seconds = facts.seconds;
    const rate = facts.issued / seconds;
    const per = (from?: number, to?: number) => (from === undefined || to === undefined ? undefined : round((to - from) / facts.issued, 2));
    const platformCpu = per(before.platform, after.platform);
    const databaseCpu = per(before.database, after.database);
    const gaps = serialTrouble(certificates);
    return [
      {
        name: `${CERTIFICATES} certificates as one run: start to done (${THREADS} render thread(s))`,
        value: round(seconds, 2),
        unit: 's',
        target: `<= ${TARGETS.seconds} s`,
        pass: seconds <= TARGETS.seconds && facts.status === 'done',
      },
      {
        name: `run's rate (baseline: bare loop, same PDF, ${parallel.processes} process(es))`,
        value: round(rate, 1),
        unit: 'PDF/s',
        baseline: parallel.rendersPerSecond,
        ratio: round(rate / parallel.rendersPerSecond, 3),
        target: `>= ${TARGETS.share * 100} % of baseline`,
        pass: rate / parallel.rendersPerSecond >= TARGETS.share,
      },
      {
        name: "run's rate (baseline: bare loop, same PDF, one process)",
        value: round(rate, 1),
        unit: 'PDF/s',
        baseline: one.rendersPerSecond,
        ratio: round(rate / one.rendersPerSecond, 3),
      },
      { name: 'bare loop: CPU per PDF (one process)', value: one.cpuMsPerRender, unit: 'ms' },
      ...(platformCpu === undefined ? [] : [{ name: 'worker and web: CPU per certificate', value: platformCpu, unit: 'ms' }]),
      ...(databaseCpu === undefined ? [] : [{ name: 'PostgreSQL: CPU per certificate', value: databaseCpu, unit: 'ms' }]),
      {
        name: 'certificates issued',
        value: facts.issued,
        unit: '',
        baseline: CERTIFICATES,
        target: 'all',
        pass: facts.issued === CERTIFICATES,
      },
      {
        name: 'serials out of place (gap or repeat)',
        value: gaps,
        unit: '',
        target: '0',
        pass: gaps === 0 && certificates.length === CERTIFICATES,
      },
      { name: 'emails queued in the outbox', value: facts.emails, unit: '', target: 'all', pass: facts.emails === CERTIFICATES },
      { name: 'emails at the SMTP sink by the end', value: emailsArrived, unit: '' },
      { name: 'downloaded PDF = stored SHA-256', value: downloadMatches ? 1 : 0, unit: 'yes', target: '1', pass: downloadMatches },
      { name: "bare loop's PDF = the stored one, byte for byte", value: samePdf ? 1 : 0, unit: 'yes', target: '1', pass: samePdf },
      { name: 'PDF size', value: round(sample.file_size / 1024, 1), unit: 'KiB', target: '< 100 KB', pass: sample.file_size < 100_000 },
      { name: 'machine load average (1 min) before the run', value: round(machineLoad, 2), unit: 'runnable' },
    ];
  } finally {
    for (const child of children) await child.stop();
    await sink.close();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) =>
      log(`could not remove Redis keys under ${BENCH_REDIS_PREFIX}: ${String(error)}`),
    );
    await rm(uploadDir, { recursive: true, force: true });
  }
}
