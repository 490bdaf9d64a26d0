import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { In } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import type { Cohort } from '../src/cohorts/cohort.entity';
import { Enrolment } from '../src/cohorts/enrolment.entity';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type { Part } from '../src/programmes/part.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { csrfToken, logIn, postForm } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

describe('enrolment and the waiting list', () => {
  let t: TestApp;
  let part: Part;
  let adminAgent: ReturnType<TestApp['agent']>;
  let api: (method: 'get' | 'post' | 'put', path: string) => request.Test;

  beforeAll(async () => {
    t = await startWebApp();
    const admin = await createAdmin(t.dataSource);
    adminAgent = await logIn(t.agent(), admin.email);
    const { secret } = await createApiToken(t.dataSource, admin);
    api = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${secret}`);
    const programme = await createProgramme(t.dataSource, { titleLv: 'Kursu cikla programma', titleEn: 'Course cycle' });
    part = await createPart(t.dataSource, programme, {
      titleLv: 'Projektu vadība',
      titleEn: 'Project management',
      minAttendancePercent: 75,
      requiresIndependentWork: true,
      requiresFinalExam: true,
    });
  });
  afterAll(() => t.close());

  const enrolmentOf = (cohort: Cohort, user: User) =>
    t.dataSource.getRepository(Enrolment).findOneByOrFail({ cohortId: cohort.id, userId: user.id });
  const statuses = async (cohort: Cohort, users: User[]) => {
    const rows = await t.dataSource.getRepository(Enrolment).findBy({ cohortId: cohort.id });
    return users.map((u) => rows.find((r) => r.userId === u.id)?.status ?? null);
  };
  const emailsTo = (user: User) =>
    t.dataSource.getRepository(OutboxMessage).find({ where: { recipientId: user.id }, order: { createdAt: 'ASC' } });
  const placesTaken = async (cohort: Cohort) =>
    t.dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id, status: In(['enrolled', 'completed', 'not_completed']) });

  it('finds a trainee in the directory, enrols them, and emails them in Latvian', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 1, name: 'Rudens grupa' });
    const department = `Attīstības nodaļa ${randomUUID().slice(0, 8)}`;
    const anna = await createTrainee(t.dataSource, { name: 'Anna Bērziņa', department });
    await createInstructor(t.dataSource, { name: 'Anna Pasniedzēja', department });

    const search = await adminAgent.get(`/admin/cohorts/${cohort.id}`).query({ q: department });
    expect(search.text).toContain('Anna Bērziņa');
    expect(search.text).not.toContain('Anna Pasniedzēja');

    const res = await postForm(adminAgent, `/admin/cohorts/${cohort.id}/enrolments`, { userId: anna.id });
    expect(res.status).toBe(303);
    const enrolment = await enrolmentOf(cohort, anna);
    expect(enrolment).toMatchObject({ status: 'enrolled', waitlistedAt: null });
    expect(enrolment.enrolledAt).toBeInstanceOf(Date);

    const [email] = await emailsTo(anna);
    expect(email).toMatchObject({ template: 'enrolment-enrolled', category: 'update', subject: 'Uzņemšana grupā: Projektu vadība' });
    expect(email.dedupKey).toMatch(new RegExp(`^enrolment:${enrolment.id}:enrolled:\\d+$`));
    expect(email.text).toContain('Jūsu dalība grupā “Rudens grupa” ir apstiprināta.');
    expect(email.text).toContain('2012. gada 5. septembrī – 2012. gada 14. decembrī');

    const page = await adminAgent.get(`/admin/cohorts/${cohort.id}`).query({ q: department });
    expect(page.text).toContain('Jau grupā');
    expect(page.text).toContain('1 no 1 vietas');
  });

  it('puts a trainee on the waiting list when the cohort is full and tells them their place', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 1 });
    await enrol(t.dataSource, cohort, await createTrainee(t.dataSource));
    const [first, second] = [await createTrainee(t.dataSource), await createTrainee(t.dataSource, { language: 'en' })];
    expect((await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: first.id })).body).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    expect((await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: second.id })).body).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    const [lv] = await emailsTo(first);
    expect(lv).toMatchObject({ template: 'enrolment-waitlisted', subject: 'Jūs esat rindā uz vietu: Projektu vadība' });
    expect(lv.text).toContain('Jūsu vieta rindā: 1.');
    const [en] = await emailsTo(second);
    expect(en).toMatchObject({ subject: 'You are on the waiting list: Project management' });
    expect(en.text).toContain('Your place in the queue: 2.');
  });

  it('refuses to enrol someone who is not a trainee, or is already in the cohort, and writes nothing', async () => {
    const cohort = await createCohort(t.dataSource, part);
    const instructor = await createInstructor(t.dataSource, { name: 'Inese Pasniedzēja' });
    const notTrainee = await postForm(adminAgent, `/admin/cohorts/${cohort.id}/enrolments`, { userId: instructor.id });
    expect(notTrainee.status).toBe(422);
    expect(notTrainee.text).toContain('Inese Pasniedzēja nav apmācāmā lomas.');
    const trainee = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, trainee);
    const again = await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: trainee.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_IN_COHORT', errors: [{ field: 'userId', code: 'enrolment.alreadyInCohort' }] });
    const unknown = await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(await t.dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id })).toBe(1);
    expect(await emailsTo(instructor)).toEqual([]);
  });

  it('withdraws with a reason and gives the freed place to the earliest on the waiting list', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 2 });
    const [a, b, w1, w2] = await Promise.all([1, 2, 3, 4].map(() => createTrainee(t.dataSource)));
    const aEnrolment = await enrol(t.dataSource, cohort, a);
    await enrol(t.dataSource, cohort, b);
    await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: w1.id });
    await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: w2.id });

    const form = `/admin/cohorts/${cohort.id}/enrolments/${aEnrolment.id}/withdraw`;
    const noReason = await postForm(adminAgent, form, { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('Norādiet iemeslu: tas ir obligāts.');
    expect(await statuses(cohort, [a, w1])).toEqual(['enrolled', 'waitlisted']);

    const done = await postForm(adminAgent, form, { reason: 'Pārcelts darbā uz citu nodaļu' });
    expect(done.status).toBe(303);
    expect(await statuses(cohort, [a, b, w1, w2])).toEqual(['withdrawn', 'enrolled', 'enrolled', 'waitlisted']);
    expect(await enrolmentOf(cohort, a)).toMatchObject({ withdrawalReason: 'Pārcelts darbā uz citu nodaļu' });
    const promotedEmail = (await emailsTo(w1)).find((m) => m.template === 'enrolment-promoted');
    expect(promotedEmail?.subject).toBe('Atbrīvojās vieta: jūsu dalība apstiprināta — Projektu vadība');
    expect(
      await t.dataSource.getRepository(AuditEvent).countBy({ action: 'enrolment.promoted', entityId: (await enrolmentOf(cohort, w1)).id }),
    ).toBe(1);

    const page = await adminAgent.get(`/admin/cohorts/${cohort.id}`);
    expect(page.text).toContain('Pārcelts darbā uz citu nodaļu');
    expect(page.text).toContain('Rindā 1 apmācāmais, uzņemšanas secībā');

    const again = await api('post', `/api/v1/enrolments/${aEnrolment.id}/withdraw`).send({ reason: 'Vēlreiz' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOT_WITHDRAWABLE');
  });

  it('withdrawing someone who was only waiting promotes nobody', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 1 });
    const [holder, w1, w2] = await Promise.all([1, 2, 3].map(() => createTrainee(t.dataSource)));
    await enrol(t.dataSource, cohort, holder);
    await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: w1.id });
    await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: w2.id });
    const res = await api('post', `/api/v1/enrolments/${(await enrolmentOf(cohort, w1)).id}/withdraw`).send({ reason: 'Atteicās' });
    expect(res.body.promoted).toEqual([]);
    expect(await statuses(cohort, [holder, w1, w2])).toEqual(['enrolled', 'withdrawn', 'waitlisted']);
  });

  it('promotes from the waiting list in order when the capacity grows', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 1 });
    await enrol(t.dataSource, cohort, await createTrainee(t.dataSource));
    const waiting = [];
    for (let i = 0; i < 4; i++) {
      const trainee = await createTrainee(t.dataSource);
      await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: trainee.id });
      waiting.push(trainee);
    }
    const res = await api('put', `/api/v1/cohorts/${cohort.id}`).send({
      name: cohort.name,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      capacity: 3,
      instructorIds: [],
    });
    expect(res.status).toBe(200);
    expect(res.body.promoted.map((e: { trainee: { id: string } }) => e.trainee.id)).toEqual([waiting[0].id, waiting[1].id]);
    expect(await statuses(cohort, waiting)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    expect(res.body).toMatchObject({ capacity: 3, taken: 3, waiting: 2 });
  });

  it('promotes exactly two, in order, when two enrolled trainees withdraw at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const cohort = await createCohort(t.dataSource, part, { capacity: 3 });
      const holders = await Promise.all([1, 2, 3].map(() => createTrainee(t.dataSource)));
      const holderEnrolments = [];
      for (const h of holders) holderEnrolments.push(await enrol(t.dataSource, cohort, h));
      const waiting = [];
      for (let i = 0; i < 4; i++) {
        const trainee = await createTrainee(t.dataSource);
        await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: trainee.id });
        waiting.push(trainee);
      }
      const results = await Promise.all(
        [holderEnrolments[0], holderEnrolments[1]].map((e) =>
          api('post', `/api/v1/enrolments/${e.id}/withdraw`).send({ reason: 'Slimība' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const promoted = results.flatMap((r) => r.body.promoted.map((e: { trainee: { id: string } }) => e.trainee.id));
      expect(promoted.sort()).toEqual([waiting[0].id, waiting[1].id].sort());
      expect(await statuses(cohort, waiting)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
      expect(await placesTaken(cohort)).toBe(3);
    }
  });

  it('never over-fills a cohort when many are enrolled at once', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 3 });
    const trainees = await Promise.all(Array.from({ length: 8 }, () => createTrainee(t.dataSource)));
    const results = await Promise.all(
      trainees.map((trainee) => api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: trainee.id })),
    );
    expect(results.map((r) => r.status)).toEqual(trainees.map(() => 201));
    expect(results.filter((r) => r.body.status === 'enrolled')).toHaveLength(3);
    expect(
      results
        .filter((r) => r.body.status === 'waitlisted')
        .map((r) => r.body.position)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(await placesTaken(cohort)).toBe(3);
  });

  describe('from a CSV file', () => {
    async function importCsv(cohort: Cohort, csv: string | Buffer) {
      const token = await csrfToken(adminAgent, `/admin/cohorts/${cohort.id}`);
      return adminAgent
        .post(`/admin/cohorts/${cohort.id}/enrolments/import`)
        .field('_csrf', token)
        .attach('file', Buffer.from(csv), 'dalibnieki.csv');
    }

    it('rejects a file with bad rows with a report of each, and enrols nobody', async () => {
      const cohort = await createCohort(t.dataSource, part, { capacity: 10 });
      const [good, enrolled] = [await createTrainee(t.dataSource), await createTrainee(t.dataSource)];
      const instructor = await createInstructor(t.dataSource, { name: 'Jānis Pasniedzējs' });
      await enrol(t.dataSource, cohort, enrolled);
      const csv = [
        'email,status',
        `${good.email},enrolled`,
        'nezinams@daugavpils.lv,',
        `${instructor.email},`,
        `${good.email.toUpperCase()},`,
        `${enrolled.email},`,
        'nav-epasts,',
        `${(await createTrainee(t.dataSource)).email},pabeigts`,
      ].join('\n');
      const res = await importCsv(cohort, csv);
      expect(res.status).toBe(422);
      expect(res.text).toContain('Fails netika importēts: kļūdainas 6 rindas.');
      for (const message of [
        'Lietotājs ar šādu e-pastu nav atrasts.',
        'Jānis Pasniedzējs nav apmācāmā lomas.',
        'Šis e-pasts failā jau ir 2. rindā.',
        'Šis apmācāmais jau ir grupā vai tās rindā.',
        'Nederīga e-pasta adrese.',
        'Nezināms statuss. Atļautās vērtības: enrolled, waitlisted, completed, not_completed.',
      ]) {
        expect(res.text).toContain(message);
      }
      expect(res.text).toContain('<caption>Pārskats pa rindām</caption>');
      // The one good row was not enrolled either, and its line says so.
      const goodRow = res.text.slice(res.text.indexOf(`>${good.email}<`), res.text.indexOf('</tr>', res.text.indexOf(`>${good.email}<`)));
      expect(goodRow).toContain('Nav uzņemts: rinda ir pareiza (būtu “Dalība apstiprināta”), bet citās rindās ir kļūdas.');
      expect(res.text).not.toContain('badge-ok');
      expect(await t.dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id })).toBe(1);
      expect(await emailsTo(good)).toEqual([]);

      const viaApi = await api('post', `/api/v1/cohorts/${cohort.id}/enrolments/import`).send({ csv });
      expect(viaApi.status).toBe(422);
      expect(viaApi.body.code).toBe('IMPORT_REJECTED');
      expect(viaApi.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
        'rows.3 enrolment.unknownEmail',
        'rows.4 enrolment.notTrainee',
        'rows.5 enrolment.duplicateInFile',
        'rows.6 enrolment.alreadyInCohort',
        'rows.7 enrolment.invalidEmail',
        'rows.8 enrolment.invalidStatus',
      ]);
      expect(await t.dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id })).toBe(1);
    });

    it('refuses to enrol anyone into a closed programme, one by one or by file, and writes nothing', async () => {
      const closed = await createProgramme(t.dataSource, { titleLv: 'Noslēgtā programma', status: 'closed' });
      const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, closed));
      const trainee = await createTrainee(t.dataSource);

      const single = await api('post', `/api/v1/cohorts/${cohort.id}/enrolments`).send({ userId: trainee.id });
      expect(single.status).toBe(409);
      expect(single.body).toMatchObject({ code: 'PROGRAMME_CLOSED' });
      const form = await postForm(adminAgent, `/admin/cohorts/${cohort.id}/enrolments`, { userId: trainee.id });
      expect(form.text).toContain('Programma „Noslēgtā programma” ir noslēgta');
      const file = await importCsv(cohort, `email\n${trainee.email}\n`);
      expect(file.text).toContain('Programma „Noslēgtā programma” ir noslēgta');

      expect(await t.dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id })).toBe(0);
      expect(await emailsTo(trainee)).toEqual([]);
    });

    it('refuses a file without the email column, naming the problem', async () => {
      const cohort = await createCohort(t.dataSource, part);
      const res = await importCsv(cohort, 'epasts\nanna@daugavpils.lv\n');
      expect(res.status).toBe(422);
      expect(res.text).toContain('Trūkst kolonnu: email.');
    });

    it('enrols a clean file in order, filling the places and then the waiting list, with a BOM and semicolons', async () => {
      const cohort = await createCohort(t.dataSource, part, { capacity: 2 });
      const trainees = await Promise.all([1, 2, 3, 4].map(() => createTrainee(t.dataSource)));
      const withdrawn = await createTrainee(t.dataSource);
      await enrol(t.dataSource, cohort, withdrawn, 'withdrawn');
      const csv = `\uFEFFEmail;Status\r\n${trainees[0].email};completed\r\n${trainees[1].email};\r\n${trainees[2].email};ENROLLED\r\n${trainees[3].email};waitlisted\r\n${withdrawn.email};waitlisted\r\n`;
      const res = await importCsv(cohort, csv);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Apstrādātas 5 rindas.');
      expect(await statuses(cohort, [...trainees, withdrawn])).toEqual(['completed', 'enrolled', 'waitlisted', 'waitlisted', 'waitlisted']);
      const listed = await api('get', `/api/v1/cohorts/${cohort.id}/enrolments`);
      const queue = listed.body.items
        .filter((e: { status: string }) => e.status === 'waitlisted')
        .map((e: { trainee: { id: string }; position: number }) => [e.trainee.id, e.position]);
      expect(queue).toEqual([
        [trainees[2].id, 1],
        [trainees[3].id, 2],
        [withdrawn.id, 3],
      ]);
      expect((await emailsTo(trainees[0])).map((m) => m.template)).toEqual([]);
      expect((await emailsTo(trainees[1])).map((m) => m.subject)).toEqual(['Uzņemšana grupā: Projektu vadība']);
      expect((await emailsTo(withdrawn)).map((m) => m.template)).toEqual(['enrolment-waitlisted']);
      expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'cohort.enrolments_imported', entityId: cohort.id })).toBe(1);
    });
  });

  it('shows the trainee their enrolments with status, programme, part and the completion rule in words', async () => {
    const trainee = await createTrainee(t.dataSource);
    const full = await createCohort(t.dataSource, part, { capacity: 1, name: 'Pilnā grupa' });
    await enrol(t.dataSource, full, await createTrainee(t.dataSource));
    const open = await createCohort(t.dataSource, part, { name: 'Atvērtā grupa' });
    await api('post', `/api/v1/cohorts/${open.id}/enrolments`).send({ userId: trainee.id });
    await api('post', `/api/v1/cohorts/${full.id}/enrolments`).send({ userId: trainee.id });
    const agent = await logIn(t.agent(), trainee.email);
    const page = await agent.get('/my/programme');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kursu cikla programma');
    expect(page.text).toContain('1. Projektu vadība');
    expect(page.text).toContain('Dalība apstiprināta');
    expect(page.text).toContain('Rindā uz vietu');
    expect(page.text).toContain('1. vieta rindā');
    expect(page.text).toContain('Jāapmeklē vismaz 75 % nodarbību.');
    expect(page.text).toContain('Jāiesniedz un jānokārto patstāvīgais darbs.');
    expect(page.text).toContain('Jānokārto gala eksāmens.');
    expect(page.text).toContain(
      '<p class="funding">Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.</p>',
    );

    const { secret } = await createApiToken(t.dataSource, trainee);
    const mine = await t.http().get('/api/v1/me/enrolments').set('Authorization', `Bearer ${secret}`).set('Accept-Language', 'en');
    expect(mine.status).toBe(200);
    const byCohort = Object.fromEntries(mine.body.items.map((e: { cohort: { name: string } }) => [e.cohort.name, e]));
    expect(byCohort['Atvērtā grupa']).toMatchObject({ status: 'enrolled', part: { number: 1, title: 'Projektu vadība' } });
    expect(byCohort['Pilnā grupa']).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(byCohort['Atvērtā grupa'].part.completionRule).toEqual([
      'Jāapmeklē vismaz 75 % nodarbību.',
      'Jāiesniedz un jānokārto patstāvīgais darbs.',
      'Jānokārto gala eksāmens.',
    ]);
  });
});
