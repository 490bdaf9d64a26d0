import { createHash } from 'node:crypto';
import { IsNull } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { CertificateTemplate } from '../src/certificates/certificate-template.entity';
import { CertificatesService } from '../src/certificates/certificates.service';
import { readPdfSeal } from '../src/certificates/pdf-seal';
import { groupCode } from '../src/certificates/verification-code';
import { systemActor } from '../src/common/actor';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type { User } from '../src/users/user.entity';
import type { TestApp } from './support/app';
import { completedCohort, issuedCertificate, startCertificateApp } from './support/certificate-factories';
import { markCompleted } from './support/completion-factories';
import { actorOf, createApiToken, createInstructor, createTrainee } from './support/factories';
import { apiClient, type ApiCall, bytes, logIn, postForm } from './support/http';
import { createPart, enrol, createCohort } from './support/schedule-factories';
import { pdfQrCodes, pdfText } from './support/pdf-tools';
import { useTemporaryUploadDir } from './support/uploads';

useTemporaryUploadDir();

describe('issuing certificates', () => {
  let t: TestApp;
  let service: CertificatesService;
  let admin: User;
  let adminAgent: ReturnType<TestApp['agent']>;
  let adminApi: ApiCall;

  beforeAll(async () => ({ t, service, admin, adminAgent, adminApi } = await startCertificateApp()));
  afterAll(() => t.close());

  const formatOf = async (programmeId: string) =>
    (await t.dataSource.getRepository(CertificateTemplate).findOneByOrFail({ programmeId })).serialFormat;
  const serialFor = (format: string, n: number) => format.replace('{YYYY}', '2012').replace('{NNNN}', String(n).padStart(4, '0'));

  it('issues a completed trainee’s certificate from the cohort page: the next serial, the PDF stored once, the holder emailed a link', async () => {
    const world = await completedCohort(t.dataSource, 1, { names: ['Ģirts Žūriņš-Ķēniņš'] });
    const [trainee] = world.trainees;
    const list = await adminAgent.get(`/cohorts/${world.cohort.id}/certificates`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Ģirts Žūriņš-Ķēniņš');
    expect(list.text).toContain(`action="/enrolments/${world.enrolments[0].id}/certificate"`);

    const issued = await postForm(adminAgent, `/enrolments/${world.enrolments[0].id}/certificate`, {});
    expect(issued.status).toBe(303);
    const certificate = await t.dataSource.getRepository(Certificate).findOneByOrFail({ userId: trainee.id });
    expect(issued.headers.location).toBe(`/certificates/${certificate.id}`);
    expect(certificate).toMatchObject({
      serial: serialFor(await formatOf(world.programme.id), 1),
      holderName: 'Ģirts Žūriņš-Ķēniņš',
      language: 'lv',
      partId: world.part.id,
      enrolmentIds: [world.enrolments[0].id],
      academicHours: 40,
      issuerName: 'Daugavpils pilsētas dome',
      status: 'valid',
      issuedById: admin.id,
    });
    expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const page = await adminAgent.get(issued.headers.location);
    expect(page.text).toContain(`Apliecība ${certificate.serial} izsniegta; dalībniekam nosūtīts e-pasts.`);

    const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ dedupKey: `certificate-issued:${certificate.id}` });
    expect(email).toMatchObject({
      recipientId: trainee.id,
      template: 'certificate-issued',
      subject: `Izsniegta apliecība ${certificate.serial}`,
    });
    expect(email.text).toContain('http://kursors.test/my/certificates');
    expect(email.text).toContain(`http://kursors.test/verify/${certificate.verificationCode.match(/.{4}/g)!.join('-')}`);

    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ entityId: certificate.id, action: 'certificate.issued' });
    expect(audit.actorId).toBe(admin.id);

    // The holder downloads it: the same bytes every time, named by the serial, and it reads back with the Latvian name.
    const holder = await logIn(t.agent(), trainee.email);
    const first = await bytes(holder.get(`/certificates/${certificate.id}/download`));
    const second = await bytes(holder.get(`/certificates/${certificate.id}/download`));
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toContain(`${certificate.serial.replace('/', '-')}.pdf`);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    expect((first.body as Buffer).length).toBe(certificate.fileSize);
    expect(
      createHash('sha256')
        .update(first.body as Buffer)
        .digest('hex'),
    ).toBe(certificate.sha256);
    // It reads back with the Latvian name and the serial, its QR code gives the verification link, and it is sealed.
    const pdf = first.body as Buffer;
    const text = pdfText(pdf);
    expect(text).toContain('Ģirts Žūriņš-Ķēniņš');
    expect(text).toContain(certificate.serial);
    expect(pdfQrCodes(pdf)).toEqual([`http://kursors.test/verify/${groupCode(certificate.verificationCode)}`]);
    expect(readPdfSeal(pdf).status).toBe('valid');

    const mine = await holder.get('/my/certificates');
    expect(mine.text).toContain('Mani apliecinājumi');
    expect(mine.text).toContain(certificate.serial);
  });

  it('issues in English when the trainee’s language is English', async () => {
    const { certificate } = await issuedCertificate({ t, service, admin }, { names: ['Anna Smith'], language: 'en' });
    expect(certificate).toMatchObject({
      language: 'en',
      programmeTitle: 'Course cycle for Daugavpils municipal staff',
      partTitle: 'Managing different kinds of projects',
      issuerName: 'Daugavpils City Council',
    });
    const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ dedupKey: `certificate-issued:${certificate.id}` });
    expect(email.subject).toBe(`Certificate ${certificate.serial} issued`);
  });

  it('returns the certificate already held when issued again, from the page, the API or a job', async () => {
    const world = await completedCohort(t.dataSource);
    const enrolmentId = world.enrolments[0].id;
    const created = await adminApi('post', `/api/v1/enrolments/${enrolmentId}/certificate`);
    expect(created.status).toBe(201);
    const again = await adminApi('post', `/api/v1/enrolments/${enrolmentId}/certificate`);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    const fromJob = await service.issue(systemActor('job-1'), { enrolmentId });
    expect(fromJob).toMatchObject({ created: false, certificate: { id: created.body.id } });
    const fromPage = await postForm(adminAgent, `/enrolments/${enrolmentId}/certificate`, {});
    expect(fromPage.headers.location).toBe(`/certificates/${created.body.id}`);
    expect((await adminAgent.get(fromPage.headers.location)).text).toContain('Dalībniekam jau ir derīga apliecība');
    expect(await t.dataSource.getRepository(Certificate).countBy({ userId: world.trainees[0].id })).toBe(1);
    expect(
      await t.dataSource.getRepository(OutboxMessage).countBy({ recipientId: world.trainees[0].id, template: 'certificate-issued' }),
    ).toBe(1);
  });

  it('gives 50 certificates issued at once 50 consecutive serials, with no gap and no repeat', async () => {
    const world = await completedCohort(t.dataSource, 50);
    const outcomes = await Promise.all(world.enrolments.map((e) => service.issue(systemActor(`bulk:${e.id}`), { enrolmentId: e.id })));
    expect(outcomes.every((o) => o.created)).toBe(true);
    const format = await formatOf(world.programme.id);
    const serials = outcomes.map((o) => o.certificate.serial).sort();
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => serialFor(format, i + 1)));
    expect(new Set(outcomes.map((o) => o.certificate.verificationCode)).size).toBe(50);
    // Started again for everyone, all at once: nobody gets a second one and no number is used.
    const again = await Promise.all(world.enrolments.map((e) => service.issue(systemActor(), { enrolmentId: e.id })));
    expect(again.some((o) => o.created)).toBe(false);
    const [counter] = await t.dataSource.query(`SELECT last_number FROM certificate_serial_counters WHERE programme_id = $1`, [
      world.programme.id,
    ]);
    expect(counter.last_number).toBe(50);
  }, 120_000);

  it('leaves no gap when an issue is rolled back', async () => {
    const first = await completedCohort(t.dataSource);
    const second = await completedCohort(t.dataSource, 2);
    const format = await formatOf(first.programme.id);
    await service.issue(actorOf(admin), { enrolmentId: first.enrolments[0].id });
    // The second programme's format was set to the first's by mistake: its first serial is taken, the issue refused.
    await t.dataSource.getRepository(CertificateTemplate).update({ programmeId: second.programme.id }, { serialFormat: format });
    const refused = await adminApi('post', `/api/v1/enrolments/${second.enrolments[0].id}/certificate`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CERTIFICATE_SERIAL_TAKEN');
    expect(await t.dataSource.getRepository(Certificate).countBy({ programmeId: second.programme.id })).toBe(0);

    const fixed = format.replace(/^T/, 'U');
    await t.dataSource.getRepository(CertificateTemplate).update({ programmeId: second.programme.id }, { serialFormat: fixed });
    const a = await service.issue(actorOf(admin), { enrolmentId: second.enrolments[0].id });
    const b = await service.issue(actorOf(admin), { enrolmentId: second.enrolments[1].id });
    expect([a.certificate.serial, b.certificate.serial]).toEqual([serialFor(fixed, 1), serialFor(fixed, 2)]);
  });

  it('refuses a trainee who has not completed, and a programme without a template, taking no number', async () => {
    const world = await completedCohort(t.dataSource);
    const late = await createTrainee(t.dataSource);
    const lateEnrolment = await enrol(t.dataSource, world.cohort, late);
    const notDone = await adminApi('post', `/api/v1/enrolments/${lateEnrolment.id}/certificate`);
    expect(notDone.status).toBe(409);
    expect(notDone.body.code).toBe('CERTIFICATE_NOT_COMPLETED');
    expect((await adminApi('post', `/api/v1/enrolments/${crypto.randomUUID()}/certificate`)).status).toBe(404);

    await t.dataSource.getRepository(CertificateTemplate).delete({ programmeId: world.programme.id });
    const noTemplate = await postForm(adminAgent, `/enrolments/${world.enrolments[0].id}/certificate`, {});
    expect(noTemplate.status).toBe(409);
    expect(noTemplate.text).toContain('Programmai nav apliecību veidnes');
    const counters = await t.dataSource.query(`SELECT * FROM certificate_serial_counters WHERE programme_id = $1`, [world.programme.id]);
    expect(counters).toEqual([]);
  });

  it('issues the programme’s certificate to someone who completed every part, with the hours of all parts', async () => {
    const world = await completedCohort(t.dataSource, 1, { names: ['Līga Ozoliņa'] });
    const [trainee] = world.trainees;
    const part2 = await createPart(t.dataSource, world.programme, { titleLv: 'Projektu vadība', academicHours: 60 });
    const cohort2 = await createCohort(t.dataSource, part2, { startsOn: '2012-09-05', endsOn: '2012-12-14' });
    const enrolment2 = await enrol(t.dataSource, cohort2, trainee);
    const path = `/api/v1/programmes/${world.programme.id}/certificates`;
    expect((await adminApi('post', path).send({ userId: trainee.id })).body.code).toBe('CERTIFICATE_NOT_COMPLETED');
    expect((await adminApi('get', path)).body.items).toEqual([]);

    await markCompleted(t.dataSource, enrolment2.id);
    expect((await adminApi('get', path)).body.items).toEqual([{ userId: trainee.id, name: 'Līga Ozoliņa', certificate: null }]);
    const page = await adminAgent.get(`/admin/programmes/${world.programme.id}/certificates`);
    expect(page.text).toContain('Līga Ozoliņa');
    const issued = await postForm(adminAgent, `/admin/programmes/${world.programme.id}/certificates`, { userId: trainee.id });
    expect(issued.status).toBe(303);
    const certificate = await t.dataSource
      .getRepository(Certificate)
      .findOneByOrFail({ userId: trainee.id, programmeId: world.programme.id, partId: IsNull() });
    expect(certificate).toMatchObject({ partId: null, partTitle: null, academicHours: 100 });
    expect(certificate.enrolmentIds.sort()).toEqual([world.enrolments[0].id, enrolment2.id].sort());
    // A part certificate and the programme certificate are held side by side.
    await service.issue(actorOf(admin), { enrolmentId: enrolment2.id });
    expect(await t.dataSource.getRepository(Certificate).countBy({ userId: trainee.id, status: 'valid' })).toBe(2);
  });

  it('lets only administrators issue and revoke, and only the holder and administrators see a certificate', async () => {
    const instructor = await createInstructor(t.dataSource);
    const { world, certificate } = await issuedCertificate({ t, service, admin }, { count: 2, instructors: [instructor] });
    const [holder, other] = await Promise.all(world.trainees.map((u) => logIn(t.agent(), u.email)));
    const teacher = await logIn(t.agent(), instructor.email);
    const { secret: instructorToken } = await createApiToken(t.dataSource, instructor);
    const asInstructor = (path: string) => apiClient(t, instructorToken)('post', path);

    expect((await asInstructor(`/api/v1/enrolments/${world.enrolments[1].id}/certificate`)).status).toBe(403);
    expect((await asInstructor(`/api/v1/certificates/${certificate.id}/revoke`).send({ reason: 'other', note: 'x' })).status).toBe(403);
    await expect(service.issue(actorOf(instructor), { enrolmentId: world.enrolments[1].id })).rejects.toMatchObject({ status: 403 });
    await expect(service.revoke(actorOf(instructor), certificate.id, { reason: 'other', note: 'x' })).rejects.toMatchObject({
      status: 403,
    });
    expect(await t.dataSource.getRepository(Certificate).countBy({ userId: world.trainees[1].id })).toBe(0);

    // The cohort's instructor sees its list, without actions; another trainee cannot open or download the certificate.
    const list = await teacher.get(`/cohorts/${world.cohort.id}/certificates`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(certificate.serial);
    expect(list.text).not.toContain('/certificate"');
    expect(
      (await logIn(t.agent(), (await createInstructor(t.dataSource)).email).then((a) => a.get(`/cohorts/${world.cohort.id}/certificates`)))
        .status,
    ).toBe(404);
    expect((await other.get(`/certificates/${certificate.id}/download`)).status).toBe(404);
    expect((await other.get(`/certificates/${certificate.id}`)).status).toBe(404);
    expect((await teacher.get(`/certificates/${certificate.id}/download`)).status).toBe(404);
    expect((await holder.get(`/certificates/${certificate.id}`)).status).toBe(200);
    expect((await holder.get(`/api/v1/certificates/${certificate.id}`)).body).toMatchObject({
      serial: certificate.serial,
      status: 'valid',
    });
    expect((await other.get('/api/v1/me/certificates')).body).toMatchObject({ items: [], total: 0 });
  });
});
