import { In } from 'typeorm';
import { CertificateRun } from '../src/certificates/certificate-run.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { CertificateRunsService } from '../src/certificates/certificate-runs.service';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { startWebApp, type TestApp } from './support/app';
import { completedCohort } from './support/certificate-factories';
import { eventually } from './support/eventually';
import { actorOf, createAdmin } from './support/factories';
import { startSmtp, type TestSmtp } from './support/smtp';
import { useTemporaryUploadDir } from './support/uploads';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

useTemporaryUploadDir();
const TRAINEES = 100;

describe('a certificate run whose worker is killed halfway', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startWebApp();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await t.close();
    await smtp.close();
  });

  it('is taken up again when a worker starts, and every eligible trainee ends with exactly one valid certificate', async () => {
    const world = await completedCohort(t.dataSource, TRAINEES);
    const admin = await createAdmin(t.dataSource);
    const { run } = await t.app.get(CertificateRunsService).start(actorOf(admin), world.cohort.id);
    const runs = t.dataSource.getRepository(CertificateRun);
    const certificates = t.dataSource.getRepository(Certificate);

    workers.push(await startWorkerProcess({ SMTP_URL: smtp.url }));
    await eventually(async () => (await runs.findOneByOrFail({ id: run.id })).issued >= 30, 90_000, 'the first batches issued');
    await workers[0].kill();

    const interrupted = await runs.findOneByOrFail({ id: run.id });
    expect(interrupted.status).toBe('running');
    expect(interrupted.issued).toBeLessThan(TRAINEES);
    // What a batch cut short wrote is gone with its transaction: the certificates are those the run has counted.
    expect(await certificates.countBy({ partId: world.part.id })).toBe(interrupted.issued);

    workers.push(await startWorkerProcess({ SMTP_URL: smtp.url }));
    const finished = await eventually(
      async () => {
        const now = await runs.findOneByOrFail({ id: run.id });
        return now.status === 'done' ? now : undefined;
      },
      120_000,
      'the run taken up again and finished',
    );
    expect(finished).toMatchObject({ total: TRAINEES, issued: TRAINEES, held: 0, failed: 0 });
    expect(finished.resumes).toBeGreaterThanOrEqual(1);

    const issued = await certificates.find({ where: { partId: world.part.id } });
    expect(issued.every((c) => c.status === 'valid')).toBe(true);
    expect(issued.map((c) => c.userId).sort()).toEqual(world.trainees.map((u) => u.id).sort());
    // The serials of a batch cut short went back to the counter: 1 to 100, no gap, no repeat.
    const numbers = issued.map((c) => Number(/(\d+)$/.exec(c.serial)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: TRAINEES }, (_, i) => i + 1));

    // One email each in the outbox, and each holder's arrives (a delivery cut short by the kill is sent once more
    // with the same Message-ID, so a mailbox shows it once).
    const emails = await t.dataSource
      .getRepository(OutboxMessage)
      .findBy({ template: 'certificate-issued', recipientId: In(world.trainees.map((u) => u.id)) });
    expect(emails).toHaveLength(TRAINEES);
    const ids = new Set(emails.map((e) => e.messageId));
    await eventually(
      () => new Set(smtp.messages.map((m) => m.messageId).filter((id) => ids.has(id!))).size === TRAINEES,
      90_000,
      'every email',
    );
  }, 300_000);
});
