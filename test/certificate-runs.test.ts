import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { In } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { CertificateRunItem } from '../src/certificates/certificate-run-item.entity';
import { CertificateRun } from '../src/certificates/certificate-run.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { CertificateTemplate } from '../src/certificates/certificate-template.entity';
import { CertificatesService } from '../src/certificates/certificates.service';
import { rigaParts } from '../src/i18n/dates';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, startWorker, type TestApp } from './support/app';
import { completedCohort, type CompletedWorld } from './support/certificate-factories';
import { markInProgress } from './support/completion-factories';
import { eventually } from './support/eventually';
import { actorOf, createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { logIn, postForm } from './support/http';
import { enrol } from './support/schedule-factories';
import { startSmtp, type TestSmtp } from './support/smtp';
import { useTemporaryUploadDir } from './support/uploads';

useTemporaryUploadDir();

describe('certificate runs: a cohort issued in the background', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let admin: User;
  let adminAgent: ReturnType<TestApp['agent']>;
  let api: (method: 'get' | 'post', path: string, secret?: string) => request.Test;
  let adminSecret: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    t = await startWebApp();
    admin = await createAdmin(t.dataSource, { name: 'Administratore Ilze' });
    adminAgent = await logIn(t.agent(), admin.email);
    adminSecret = (await createApiToken(t.dataSource, admin)).secret;
    api = (method, path, secret = adminSecret) => t.http()[method](path).set('Authorization', `Bearer ${secret}`);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
    await smtp.close();
    delete process.env.SMTP_URL;
  });

  const runOf = (id: string) => t.dataSource.getRepository(CertificateRun).findOneByOrFail({ id });
  const validOf = (world: CompletedWorld) =>
    t.dataSource.getRepository(Certificate).find({ where: { partId: world.part.id, status: 'valid' }, order: { serial: 'ASC' } });
  const runWorker = async () => {
    worker ??= await startWorker();
  };
  const finished = (id: string) =>
    eventually(async () => ((await runOf(id)).status === 'done' ? runOf(id) : undefined), 90_000, `run ${id} to finish`);

  it('issues one certificate to each eligible trainee and none to the others, in name order, each holder emailed a link', async () => {
    const names = ['Žanis Ābele', 'Anna Bērziņa', 'Ēriks Cīrulis', 'Dace Dūmiņa', 'Anna Zariņa', 'Līga Ozola'];
    const world = await completedCohort(t.dataSource, names.length, { names });
    // One already holds hers (issued by hand), one has not completed, one withdrew after completing.
    const service = t.app.get(CertificatesService);
    const byHand = await service.issue(actorOf(admin), { enrolmentId: world.enrolments[5].id });
    const unfinished = await enrol(t.dataSource, world.cohort, await createTrainee(t.dataSource, { name: 'Nepabeidzis Jānis' }));
    // Stored as the platform keeps every member's: a member without it has the worker's start-up back-fill evaluate
    // the cohort's rule, which would take back the completions the factory set without attendance.
    await markInProgress(t.dataSource, unfinished.id);
    await t.dataSource.query(`UPDATE enrolments SET status = 'withdrawn' WHERE id = $1`, [world.enrolments[4].id]);

    const started = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/api/v1/certificate-runs/${started.body.id}`);
    expect(started.body).toMatchObject({ status: 'queued', total: 4, done: 0, failed: 0, left: 4, percent: 0 });

    await runWorker();
    await finished(started.body.id);

    const progress = await api('get', `/api/v1/certificate-runs/${started.body.id}`);
    expect(progress.body).toMatchObject({
      status: 'done',
      total: 4,
      done: 4,
      issued: 4,
      alreadyHeld: 0,
      failed: 0,
      left: 0,
      percent: 100,
      failures: [],
      startedById: admin.id,
    });
    expect(progress.body.finishedAt).toEqual(expect.any(String));

    const valid = await validOf(world);
    const holders = new Map(world.trainees.map((trainee, i) => [trainee.id, names[i]]));
    // The manual one first (serial 1), then the run's four in the order of their names.
    expect(valid.map((c) => holders.get(c.userId))).toEqual(['Līga Ozola', 'Anna Bērziņa', 'Dace Dūmiņa', 'Ēriks Cīrulis', 'Žanis Ābele']);
    expect(valid[0].id).toBe(byHand.certificate.id);
    const format = (await t.dataSource.getRepository(CertificateTemplate).findOneByOrFail({ programmeId: world.programme.id }))
      .serialFormat;
    expect(valid.map((c) => c.serial)).toEqual(
      [1, 2, 3, 4, 5].map((n) => format.replace('{YYYY}', String(rigaParts(valid[0].issuedAt).year)).replace('{NNNN}', `000${n}`)),
    );
    expect(valid.filter((c) => c.id !== byHand.certificate.id).every((c) => c.issuedById === admin.id)).toBe(true);
    expect(await t.dataSource.getRepository(Certificate).countBy({ userId: In([unfinished.userId, world.trainees[4].id]) })).toBe(0);

    const items = await t.dataSource
      .getRepository(CertificateRunItem)
      .find({ where: { runId: started.body.id }, order: { position: 'ASC' } });
    expect(items.map((i) => [i.status, i.certificateId])).toEqual(valid.slice(1).map((c) => ['issued', c.id]));

    // Each of the four is emailed once, through the outbox, to the real SMTP server.
    const runHolders = valid.slice(1);
    const emails = await eventually(async () => {
      const rows = await t.dataSource.getRepository(OutboxMessage).find({
        where: { template: 'certificate-issued', recipientId: In(runHolders.map((c) => c.userId)) },
      });
      return rows.length === 4 && rows.every((row) => row.status === 'sent') ? rows : undefined;
    }, 30_000);
    expect(new Set(emails.map((e) => e.recipientId)).size).toBe(4);
    const received = smtp.messages.filter((m) => emails.some((e) => e.messageId === m.messageId));
    expect(received).toHaveLength(4);
    for (const certificate of runHolders) {
      const mail = received.find((m) => m.subject === `Izsniegta apliecība ${certificate.serial}`);
      expect(mail?.text).toContain('http://kursors.test/my/certificates');
    }

    const audit = await t.dataSource.getRepository(AuditEvent).find({
      where: { action: 'certificate.issued', entityId: In(runHolders.map((c) => c.id)) },
    });
    expect(audit).toHaveLength(4);
    expect(audit.every((e) => e.actorId === admin.id && e.requestId === `certificate-run:${started.body.id}`)).toBe(true);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'certificate_run.started', entityId: started.body.id })).toBe(1);

    // Nobody is left: starting again is refused with the reason, and nothing is written.
    const again = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CERTIFICATE_RUN_NOTHING_TO_ISSUE' });
    expect(await t.dataSource.getRepository(CertificateRun).countBy({ cohortId: world.cohort.id })).toBe(1);
    const listed = await api('get', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([started.body.id]);
  }, 120_000);

  it('gives nobody two valid certificates however often it is started, at once or one after another, beside single issues', async () => {
    await worker?.close();
    worker = undefined;
    const world = await completedCohort(t.dataSource, 12);
    const starts = await Promise.all(Array.from({ length: 6 }, () => api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`)));
    expect(starts.map((s) => s.status).sort()).toEqual([200, 200, 200, 200, 200, 202]);
    const ids = new Set(starts.map((s) => s.body.id));
    expect(ids.size).toBe(1);
    const [runId] = ids;
    // From the page too: the run already going on, no question asked.
    const fromPage = await postForm(adminAgent, `/cohorts/${world.cohort.id}/certificate-runs`, {});
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.location).toBe(`/cohorts/${world.cohort.id}/certificate-runs/${runId}`);

    // Two workers take the run, and an administrator issues two of its trainees by hand meanwhile.
    const second = await startWorker();
    try {
      await runWorker();
      const service = t.app.get(CertificatesService);
      await Promise.all([
        service.issue(actorOf(admin), { enrolmentId: world.enrolments[3].id }),
        service.issue(actorOf(admin), { enrolmentId: world.enrolments[7].id }),
        api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`),
      ]);
      const run = await finished(runId);
      expect(run.issued + run.held).toBe(12);
      expect(run.failed).toBe(0);
    } finally {
      await second.close();
    }
    const valid = await validOf(world);
    expect(valid).toHaveLength(12);
    expect(new Set(valid.map((c) => c.userId)).size).toBe(12);
    // Consecutive serials, none skipped, none repeated.
    const numbers = valid.map((c) => Number(/(\d+)$/.exec(c.serial)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await t.dataSource.getRepository(CertificateRun).countBy({ cohortId: world.cohort.id })).toBe(1);
    expect(
      await t.dataSource
        .getRepository(OutboxMessage)
        .countBy({ template: 'certificate-issued', recipientId: In(world.trainees.map((u) => u.id)) }),
    ).toBe(12);

    // A later run, after a revocation, issues only to the one who lost theirs.
    await t.app.get(CertificatesService).revoke(actorOf(admin), valid[0].id, { reason: 'issued_in_error', note: 'Izsniegta kļūdas pēc' });
    const later = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(later.status).toBe(202);
    expect(later.body.total).toBe(1);
    expect((await finished(later.body.id)).issued).toBe(1);
    expect(await validOf(world)).toHaveLength(12);
  }, 120_000);

  it('records each trainee it cannot issue to with the reason and goes on with the others', async () => {
    const world = await completedCohort(t.dataSource, 5, { names: ['A Pirmā', 'B Otrā', 'C Trešā', 'D Ceturtā', 'E Piektā'] });
    await worker?.close();
    worker = undefined;
    const started = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(started.status).toBe(202);
    // Before the worker gets to it, the second trainee's completion is taken back.
    await t.dataSource.query(`UPDATE enrolment_completions SET state = 'in_progress', completed_at = NULL WHERE enrolment_id = $1`, [
      world.enrolments[1].id,
    ]);
    await runWorker();
    const run = await finished(started.body.id);
    expect(run).toMatchObject({ total: 5, issued: 4, held: 0, failed: 1 });
    const progress = await api('get', `/api/v1/certificate-runs/${run.id}`);
    expect(progress.body).toMatchObject({ done: 4, failed: 1, left: 0 });
    expect(progress.body.failures).toEqual([
      { enrolmentId: world.enrolments[1].id, userId: world.trainees[1].id, name: 'B Otrā', reason: 'not_completed', detail: null },
    ]);
    expect(await t.dataSource.getRepository(Certificate).countBy({ userId: world.trainees[1].id })).toBe(0);
    expect(await validOf(world)).toHaveLength(4);

    const page = await adminAgent.get(`/cohorts/${world.cohort.id}/certificate-runs/${run.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kam apliecību izsniegt neizdevās');
    expect(page.text).toContain('B Otrā');
    expect(page.text).toContain('Dalībnieks vairs nav pabeidzis daļu');
    expect(page.text).toMatch(/<progress id="run-bar" max="5" value="5">100 %<\/progress>/);
    expect(page.text).toContain('Izsniegtas 4, neizdevās 1, atlikušas 0 no 5.');
    expect(page.text).not.toContain('http-equiv="refresh"');
  }, 120_000);

  it('records a serial already taken for each trainee it stops, taking no number, and issues them all once the format is changed', async () => {
    const first = await completedCohort(t.dataSource, 1);
    const world = await completedCohort(t.dataSource, 3);
    const templates = t.dataSource.getRepository(CertificateTemplate);
    const own = (await templates.findOneByOrFail({ programmeId: world.programme.id })).serialFormat;
    const taken = (await templates.findOneByOrFail({ programmeId: first.programme.id })).serialFormat;
    const existing = await t.app.get(CertificatesService).issue(actorOf(admin), { enrolmentId: first.enrolments[0].id });
    // The administrator gives the second programme the first one's format: its first serial is taken.
    await templates.update({ programmeId: world.programme.id }, { serialFormat: taken });

    const started = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    await runWorker();
    const run = await finished(started.body.id);
    expect(run).toMatchObject({ total: 3, issued: 0, failed: 3 });
    const { body } = await api('get', `/api/v1/certificate-runs/${run.id}`);
    expect(body.failures.map((f: { reason: string; detail: string }) => [f.reason, f.detail])).toEqual(
      Array.from({ length: 3 }, () => ['serial_taken', existing.certificate.serial]),
    );
    expect(await validOf(world)).toHaveLength(0);
    expect(
      await t.dataSource.query('SELECT last_number FROM certificate_serial_counters WHERE programme_id = $1', [world.programme.id]),
    ).toEqual([]);
    const page = await adminAgent.get(`/cohorts/${world.cohort.id}/certificate-runs/${run.id}`);
    expect(page.text).toContain(`Sērijas numurs ${existing.certificate.serial} jau ir citai apliecībai`);

    await templates.update({ programmeId: world.programme.id }, { serialFormat: own });
    const again = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(again.body.total).toBe(3);
    expect((await finished(again.body.id)).issued).toBe(3);
    expect((await validOf(world)).map((c) => c.serial.slice(-4))).toEqual(['0001', '0002', '0003']);
  }, 120_000);

  it('starts from the cohort page after a confirmation naming how many, and shows the progress on a page that can be left and found again', async () => {
    await worker?.close();
    worker = undefined;
    const world = await completedCohort(t.dataSource, 3);
    const cohortPage = await adminAgent.get(`/cohorts/${world.cohort.id}/certificates`);
    expect(cohortPage.text).toContain(`action="/cohorts/${world.cohort.id}/certificate-runs"`);
    expect(cohortPage.text).toContain('Izsniegt apliecības 3 dalībniekiem');

    const question = await postForm(adminAgent, `/cohorts/${world.cohort.id}/certificate-runs`, {});
    expect(question.status).toBe(200);
    expect(question.text).toContain('Izsniegt apliecības 3 dalībniekiem?');
    expect(await t.dataSource.getRepository(CertificateRun).countBy({ cohortId: world.cohort.id })).toBe(0);

    const confirmed = await postForm(adminAgent, `/cohorts/${world.cohort.id}/certificate-runs`, { confirm: 'yes' });
    expect(confirmed.status).toBe(303);
    const run = await t.dataSource.getRepository(CertificateRun).findOneByOrFail({ cohortId: world.cohort.id });
    expect(confirmed.headers.location).toBe(`/cohorts/${world.cohort.id}/certificate-runs/${run.id}`);

    // While it waits for a worker: the bar, the counts, a reload without script, and the way back from the cohort's page.
    const waiting = await adminAgent.get(confirmed.headers.location);
    expect(waiting.text).toContain('Apliecību izsniegšana sākta.');
    expect(waiting.text).toMatch(/<progress id="run-bar" max="3" value="0">0 %<\/progress>/);
    expect(waiting.text).toContain('Izsniegtas 0, neizdevās 0, atlikušas 3 no 3.');
    expect(waiting.text).toContain('<noscript><meta http-equiv="refresh" content="5"></noscript>');
    expect(waiting.text).toContain('/assets/js/certificate-run.js');
    const still = await adminAgent.get(`${confirmed.headers.location}?refresh=off`);
    expect(still.text).not.toContain('http-equiv="refresh"');
    const back = await adminAgent.get(`/cohorts/${world.cohort.id}/certificates`);
    expect(back.text).toContain(`href="/cohorts/${world.cohort.id}/certificate-runs/${run.id}"`);
    expect(back.text).toContain('Notiek izsniegšana: izsniegtas 0, neizdevās 0 no 3.');
    expect(back.text).not.toContain(`action="/cohorts/${world.cohort.id}/certificate-runs"`);

    await runWorker();
    await finished(run.id);
    const done = await adminAgent.get(confirmed.headers.location);
    expect(done.text).toContain('Pabeigta');
    expect(done.text).toMatch(/<progress id="run-bar" max="3" value="3">100 %<\/progress>/);
    expect(done.text).not.toContain('/assets/js/certificate-run.js');
    const after = await adminAgent.get(`/cohorts/${world.cohort.id}/certificates`);
    expect(after.text).toContain('Pēdējā izsniegšana (Pabeigta: izsniegtas 3, neizdevās 0 no 3)');
    expect(after.text).toContain('Pašlaik nevienam dalībniekam apliecība nav jāizsniedz');
  }, 120_000);

  it('lets only administrators start and see runs, and a run is not found under another cohort', async () => {
    const instructor = await createInstructor(t.dataSource);
    const world = await completedCohort(t.dataSource, 1, { instructors: [instructor] });
    const other = await completedCohort(t.dataSource, 1);
    const trainee = world.trainees[0];
    const started = await api('post', `/api/v1/cohorts/${other.cohort.id}/certificate-runs`);
    expect(started.status).toBe(202);

    for (const user of [instructor, trainee]) {
      const { secret } = await createApiToken(t.dataSource, user);
      expect((await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`, secret)).status).toBe(403);
      expect((await api('get', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`, secret)).status).toBe(403);
      expect((await api('get', `/api/v1/certificate-runs/${started.body.id}`, secret)).status).toBe(403);
      const agent = await logIn(t.agent(), user.email);
      expect((await agent.get(`/cohorts/${other.cohort.id}/certificate-runs/${started.body.id}`)).status).toBe(403);
      expect((await postForm(agent, `/cohorts/${world.cohort.id}/certificate-runs`, { confirm: 'yes' })).status).toBe(403);
    }
    // The cohort's instructor sees its certificates, without the run's button.
    const teaching = await logIn(t.agent(), instructor.email);
    const list = await teaching.get(`/cohorts/${world.cohort.id}/certificates`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('certificate-runs');
    expect(await t.dataSource.getRepository(CertificateRun).countBy({ cohortId: world.cohort.id })).toBe(0);

    const elsewhere = await adminAgent.get(`/cohorts/${world.cohort.id}/certificate-runs/${started.body.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.text).toContain('Apliecību izsniegšana nav atrasta.');
    expect((await adminAgent.get(`/cohorts/${other.cohort.id}/certificate-runs/${started.body.id}`)).status).toBe(200);
    expect((await api('get', `/api/v1/certificate-runs/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);
    expect((await api('get', '/api/v1/certificate-runs/not-an-id')).status).toBe(404);
  });

  it('refuses a cohort whose programme has no template, and one that does not exist, writing nothing', async () => {
    const world = await completedCohort(t.dataSource, 2);
    await t.dataSource.getRepository(CertificateTemplate).delete({ programmeId: world.programme.id });
    const refused = await api('post', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CERTIFICATE_NO_TEMPLATE' });
    const missing = await api('post', `/api/v1/cohorts/${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}/certificate-runs`);
    expect(missing.status).toBe(404);
    expect(await t.dataSource.getRepository(CertificateRun).countBy({ cohortId: world.cohort.id })).toBe(0);
    const page = await postForm(adminAgent, `/cohorts/${world.cohort.id}/certificate-runs`, { confirm: 'yes' });
    expect(page.status).toBe(409);
    expect(page.text).toContain('Programmai nav apliecību veidnes');
  });
});
