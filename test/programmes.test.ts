import request from 'supertest';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Indicator } from '../src/programmes/indicator.entity';
import { Part } from '../src/programmes/part.entity';
import { Programme } from '../src/programmes/programme.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { markCompleted } from './support/completion-factories';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { pngBytes } from './support/files';
import { csrfToken, logIn, postForm } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

const FUNDING =
  'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.';

function programmeForm(overrides: Record<string, unknown> = {}) {
  return {
    titleLv: 'Daugavpils pašvaldības darbinieku kursu cikla programma',
    titleEn: 'Course cycle for Daugavpils municipal staff',
    descriptionLv: 'Projektu vadība un projektu vadības specifika dažāda veida projektos.',
    status: 'active',
    projectTitle: 'Daugavpils pašvaldības kapacitātes stiprināšana',
    agreementNumber: '1DP/1.5.2.2.3/11/APIA/SIF/110/71',
    funder: 'Eiropas Sociālais fonds',
    cofinancingPercent: '100',
    partners: 'Latgales plānošanas reģions',
    fundingStatement: FUNDING,
    reminderOffsetsHours: '24',
    studyVisitOffsetsHours: '72, 24',
    ...overrides,
  };
}

describe('programmes, parts and indicators', () => {
  let t: TestApp;
  let admin: User;
  let adminAgent: ReturnType<TestApp['agent']>;
  let adminApi: (method: 'get' | 'post' | 'put' | 'delete', path: string) => request.Test;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    adminAgent = await logIn(t.agent(), admin.email);
    const { secret } = await createApiToken(t.dataSource, admin);
    adminApi = (method, path) => t.http()[method](path).set('Authorization', `Bearer ${secret}`);
  });
  afterAll(() => t.close());

  const programmesTitled = (titleLv: string) => t.dataSource.getRepository(Programme).countBy({ titleLv });

  it('lets an admin create a programme of a funded project and shows its funding statement in the footer', async () => {
    const title = `Kursu cikls ${Date.now()}`;
    const created = await postForm(adminAgent, '/admin/programmes', programmeForm({ titleLv: title }));
    expect(created.status).toBe(303);
    const page = await adminAgent.get(created.headers.location);
    expect(page.status).toBe(200);
    expect(page.text).toContain(title);
    expect(page.text).toContain('1DP/1.5.2.2.3/11/APIA/SIF/110/71');
    expect(page.text).toContain('Latgales plānošanas reģions');
    expect(page.text).toContain(`<p class="funding">${FUNDING}</p>`);
    const saved = await t.dataSource.getRepository(Programme).findOneByOrFail({ titleLv: title });
    expect(saved).toMatchObject({
      status: 'active',
      cofinancingPercent: '100.00',
      partners: ['Latgales plānošanas reģions'],
      studyVisitOffsetsHours: [72, 24],
    });
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'programme.created', entityId: saved.id })).toBe(1);
  });

  it('shows the footer statement of the programme being viewed instead of the default', async () => {
    const programme = await createProgramme(t.dataSource, { fundingStatement: 'Par informācijas saturu atbild Rēzeknes pilsētas dome.' });
    const page = await adminAgent.get(`/admin/programmes/${programme.id}`);
    expect(page.text).toContain('<p class="funding">Par informācijas saturu atbild Rēzeknes pilsētas dome.</p>');
    expect(page.text).not.toContain(FUNDING);
  });

  it('refuses an over-long title and a bad percentage with field errors in Latvian, writing nothing', async () => {
    const title = 'Ā'.repeat(301);
    const res = await postForm(adminAgent, '/admin/programmes', programmeForm({ titleLv: title, cofinancingPercent: '120' }));
    expect(res.status).toBe(422);
    expect(res.text).toContain('Ne vairāk kā 300 rakstzīmes.');
    expect(res.text).toContain('Jābūt ne vairāk kā 100.');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('value="1DP/1.5.2.2.3/11/APIA/SIF/110/71"');
    expect(await programmesTitled(title)).toBe(0);
  });

  it('answers bad API input with each field named in English for an English user', async () => {
    const english = await createAdmin(t.dataSource, { language: 'en' });
    const { secret } = await createApiToken(t.dataSource, english);
    const res = await t
      .http()
      .post('/api/v1/programmes')
      .set('Authorization', `Bearer ${secret}`)
      .send({ ...programmeForm(), titleLv: '', funder: undefined, status: 'open' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(fields).toMatchObject({ titleLv: 'Must be at least 1 character.', funder: 'This field is required.' });
    expect(fields.status).toMatch(/^Choose one of: draft, active, closed/);
  });

  it('lets only admins create or edit programmes', async () => {
    const programme = await createProgramme(t.dataSource);
    for (const user of [await createInstructor(t.dataSource), await createTrainee(t.dataSource)]) {
      const agent = await logIn(t.agent(), user.email);
      expect((await postForm(agent, '/admin/programmes', programmeForm({ titleLv: 'Neatļauta programma' }))).status).toBe(403);
      expect((await postForm(agent, `/admin/programmes/${programme.id}`, programmeForm({ titleLv: 'Neatļauta programma' }))).status).toBe(
        403,
      );
      const { secret } = await createApiToken(t.dataSource, user);
      expect((await t.http().post('/api/v1/programmes').set('Authorization', `Bearer ${secret}`).send(programmeForm())).status).toBe(403);
      expect(
        (await t.http().put(`/api/v1/programmes/${programme.id}`).set('Authorization', `Bearer ${secret}`).send(programmeForm())).status,
      ).toBe(403);
    }
    expect(await programmesTitled('Neatļauta programma')).toBe(0);
    expect((await t.dataSource.getRepository(Programme).findOneByOrFail({ id: programme.id })).titleLv).toBe(programme.titleLv);
  });

  it('edits a programme through the API and keeps the change in the audit log', async () => {
    const programme = await createProgramme(t.dataSource);
    const res = await adminApi('put', `/api/v1/programmes/${programme.id}`).send({
      ...programmeForm(),
      titleLv: 'Projektu vadība',
      status: 'closed',
      partners: ['Latgales plānošanas reģions', 'Valmieras pašvaldība'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      titleLv: 'Projektu vadība',
      status: 'closed',
      project: { partners: ['Latgales plānošanas reģions', 'Valmieras pašvaldība'], cofinancingPercent: 100 },
    });
    const event = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'programme.updated', entityId: programme.id });
    expect(event.before).toMatchObject({ status: 'active' });
    expect(event.after).toMatchObject({ status: 'closed' });
  });

  it('adds numbered parts with their completion rule, refuses a number in use, and reorders them', async () => {
    const programme = await createProgramme(t.dataSource);
    const first = await postForm(adminAgent, `/admin/programmes/${programme.id}/parts`, {
      number: '',
      titleLv: 'Projektu vadība',
      academicHours: '80',
      minAttendancePercent: '75',
      requiresIndependentWork: 'on',
      requiresFinalExam: 'on',
    });
    expect(first.status).toBe(303);
    const second = await adminApi('post', `/api/v1/programmes/${programme.id}/parts`).send({
      titleLv: 'Projektu vadības specifika dažāda veida projektos',
      academicHours: 40,
      minAttendancePercent: 80,
      requiresIndependentWork: false,
      requiresFinalExam: false,
      closesWithSeminar: true,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      number: 2,
      completionRule: { closesWithSeminar: true, description: ['Jāapmeklē vismaz 80 % nodarbību.', 'Daļa noslēdzas ar semināru.'] },
    });

    const taken = await postForm(adminAgent, `/admin/programmes/${programme.id}/parts`, {
      number: '1',
      titleLv: 'Dublikāts',
      academicHours: '8',
      minAttendancePercent: '0',
    });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('Šajā programmā jau ir daļa ar numuru 1.');
    expect(await t.dataSource.getRepository(Part).countBy({ programmeId: programme.id })).toBe(2);

    const page = await adminAgent.get(`/admin/programmes/${programme.id}`);
    expect(page.text).toContain('Jāapmeklē vismaz 75 % nodarbību.');
    expect(page.text).toContain('Jānokārto gala eksāmens.');

    const parts = await t.dataSource.getRepository(Part).find({ where: { programmeId: programme.id }, order: { number: 'ASC' } });
    const wrong = await adminApi('put', `/api/v1/programmes/${programme.id}/parts/order`).send({ partIds: [parts[1].id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'partIds', code: 'programme.partOrder' });

    const moved = await postForm(adminAgent, `/admin/parts/${parts[1].id}/move`, { direction: 'up' });
    expect(moved.status).toBe(303);
    const after = await t.dataSource.getRepository(Part).find({ where: { programmeId: programme.id }, order: { number: 'ASC' } });
    expect(after.map((p) => p.titleLv)).toEqual(['Projektu vadības specifika dažāda veida projektos', 'Projektu vadība']);

    const back = await adminApi('put', `/api/v1/programmes/${programme.id}/parts/order`).send({ partIds: [parts[0].id, parts[1].id] });
    expect(back.status).toBe(200);
    expect(back.body.items.map((p: { id: string; number: number }) => [p.id, p.number])).toEqual([
      [parts[0].id, 1],
      [parts[1].id, 2],
    ]);
  });

  it('derives indicator values from enrolments, sessions and materials', async () => {
    const programme = await createProgramme(t.dataSource);
    const part = await createPart(t.dataSource, programme);
    const cohort = await createCohort(t.dataSource, part);
    const created = await adminApi('post', `/api/v1/programmes/${programme.id}/indicators`).send({
      nameLv: 'Apmācīti darbinieki',
      metric: 'trainees_completed',
      target: 20,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ value: 0, target: 20, reached: false });
    await adminApi('post', `/api/v1/programmes/${programme.id}/indicators`).send({
      nameLv: 'Uzņemti darbinieki',
      metric: 'trainees_enrolled',
      target: 2,
    });
    await adminApi('post', `/api/v1/programmes/${programme.id}/indicators`).send({
      nameLv: 'Notikušās nodarbības',
      metric: 'sessions_held',
      target: 10,
    });
    await adminApi('post', `/api/v1/programmes/${programme.id}/indicators`).send({
      nameLv: 'Pieredzes braucieni',
      metric: 'study_visits_held',
      target: 2,
    });
    await adminApi('post', `/api/v1/programmes/${programme.id}/indicators`).send({
      nameLv: 'Apliecinājumi',
      metric: 'certificates_issued',
      target: 20,
    });
    await adminApi('post', `/api/v1/programmes/${programme.id}/indicators`).send({
      nameLv: 'Metodiskie materiāli',
      metric: 'materials_published',
      target: 3,
    });

    const values = async () => {
      const res = await adminApi('get', `/api/v1/programmes/${programme.id}/indicators`);
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.items.map((i: { metric: string; value: number }) => [i.metric, i.value]));
    };
    expect(await values()).toEqual({
      trainees_completed: 0,
      trainees_enrolled: 0,
      sessions_held: 0,
      study_visits_held: 0,
      certificates_issued: 0,
      materials_published: 0,
    });

    const [anna, janis, liga] = await Promise.all([createTrainee(t.dataSource), createTrainee(t.dataSource), createTrainee(t.dataSource)]);
    const annaEnrolment = await enrol(t.dataSource, cohort, anna);
    await enrol(t.dataSource, cohort, janis);
    await enrol(t.dataSource, cohort, liga, 'waitlisted');
    expect(await values()).toMatchObject({ trainees_enrolled: 2, trainees_completed: 0 });

    // Completion is `completed_enrolments`, not the enrolment's status alone.
    await t.dataSource.query(`UPDATE enrolments SET status = 'completed' WHERE id = $1`, [annaEnrolment.id]);
    expect(await values()).toMatchObject({ trainees_completed: 0 });
    await markCompleted(t.dataSource, annaEnrolment.id);
    await t.dataSource.query(
      `INSERT INTO sessions (cohort_id, kind, title, starts_at, ends_at, status) VALUES
         ($1, 'class', 'Ievads', now() - interval '3 days', now() - interval '3 days' + interval '2 hours', 'scheduled'),
         ($1, 'study_visit', 'Rēzekne', now() - interval '2 days', now() - interval '1 day', 'scheduled'),
         ($1, 'class', 'Atcelta', now() - interval '2 days', now() - interval '2 days' + interval '2 hours', 'cancelled'),
         ($1, 'class', 'Nākotnē', now() + interval '2 days', now() + interval '2 days' + interval '2 hours', 'scheduled')`,
      [cohort.id],
    );
    await t.dataSource.query(
      `INSERT INTO materials (part_id, cohort_id, title, storage_key, file_name, mime_type, size, sha256) VALUES
         ($1, NULL, 'Metodiskais materiāls', $3, 'a.pdf', 'application/pdf', 10, repeat('a', 64)),
         (NULL, $2, 'Foto', $4, 'b.pdf', 'application/pdf', 10, repeat('b', 64))`,
      [part.id, cohort.id, `material-${programme.id.replace(/-/g, '')}`, `material-${cohort.id.replace(/-/g, '')}`],
    );
    expect(await values()).toEqual({
      trainees_completed: 1,
      trainees_enrolled: 2,
      sessions_held: 2,
      study_visits_held: 1,
      certificates_issued: 0,
      materials_published: 2,
    });

    const page = await adminAgent.get(`/admin/programmes/${programme.id}`);
    expect(page.text).toContain('Apmācīti darbinieki');
    expect(page.text).toContain('Apmācāmie, kas pabeiguši mācības');
    expect(page.text).toContain('<strong>1</strong> (5 %)');
    expect(page.text).toContain('<strong>2</strong> (100 %)');
    expect(page.text).toContain('<span class="badge badge-ok">Sasniegts</span>');
    expect(page.text).toContain('<span class="badge badge-danger">Apdraudēts</span>');
    expect(page.text).toContain(`href="/admin/programmes/${programme.id}/reports"`);
  });

  it('edits and deletes indicators; an unknown metric is a field error', async () => {
    const programme = await createProgramme(t.dataSource);
    const bad = await postForm(adminAgent, `/admin/programmes/${programme.id}/indicators`, {
      nameLv: 'Rādītājs',
      metric: 'happiness',
      target: '5',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Izvēlieties vienu no:');
    expect(await t.dataSource.getRepository(Indicator).countBy({ programmeId: programme.id })).toBe(0);

    expect(
      (
        await postForm(adminAgent, `/admin/programmes/${programme.id}/indicators`, {
          nameLv: 'Semināri',
          nameEn: '',
          metric: 'seminars_held',
          target: '1',
          position: '',
        })
      ).status,
    ).toBe(303);
    const indicator = await t.dataSource.getRepository(Indicator).findOneByOrFail({ programmeId: programme.id });
    const edited = await postForm(adminAgent, `/admin/programmes/${programme.id}/indicators/${indicator.id}`, {
      nameLv: 'Informatīvie semināri',
      metric: 'seminars_held',
      target: '2',
    });
    expect(edited.status).toBe(303);
    expect(await t.dataSource.getRepository(Indicator).findOneByOrFail({ id: indicator.id })).toMatchObject({
      nameLv: 'Informatīvie semināri',
      target: 2,
    });

    const other = await createProgramme(t.dataSource);
    expect((await postForm(adminAgent, `/admin/programmes/${other.id}/indicators/${indicator.id}/delete`, {})).status).toBe(404);
    expect((await adminApi('delete', `/api/v1/indicators/${indicator.id}`)).status).toBe(204);
    expect(await t.dataSource.getRepository(Indicator).countBy({ programmeId: programme.id })).toBe(0);
  });

  it('asks before deleting an indicator from its page, and deletes it only when confirmed', async () => {
    const programme = await createProgramme(t.dataSource);
    const indicators = t.dataSource.getRepository(Indicator);
    const indicator = await indicators.save(
      indicators.create({
        programmeId: programme.id,
        nameLv: 'Apmācīti darbinieki',
        metric: 'trainees_completed',
        target: 27,
        position: 1,
      }),
    );
    const path = `/admin/programmes/${programme.id}/indicators/${indicator.id}/delete`;
    const asked = await postForm(adminAgent, path, {});
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Dzēst rādītāju “Apmācīti darbinieki”?');
    expect(asked.text).toContain('To nevarēs atsaukt.');
    expect(asked.text).toMatch(new RegExp(`<form method="post" action="${path}">`));
    expect(asked.text).toContain(`href="/admin/programmes/${programme.id}#indicators">Nē, atgriezties</a>`);
    expect(await indicators.countBy({ id: indicator.id })).toBe(1);

    const done = await postForm(adminAgent, path, { confirm: 'yes' });
    expect([done.status, done.headers.location]).toEqual([303, `/admin/programmes/${programme.id}#indicators`]);
    expect(await indicators.countBy({ id: indicator.id })).toBe(0);
  });

  it('shows a programme to those taking part in it and hides it from others, by id too', async () => {
    const programme = await createProgramme(t.dataSource);
    const part = await createPart(t.dataSource, programme, { minAttendancePercent: 75 });
    const instructor = await createInstructor(t.dataSource);
    const cohort = await createCohort(t.dataSource, part, { instructors: [instructor] });
    const [member, outsider] = await Promise.all([createTrainee(t.dataSource), createTrainee(t.dataSource)]);
    await enrol(t.dataSource, cohort, member);
    const as = async (user: User, path: string) => {
      const { secret } = await createApiToken(t.dataSource, user);
      return t.http().get(path).set('Authorization', `Bearer ${secret}`);
    };
    expect((await as(member, `/api/v1/programmes/${programme.id}`)).body).toMatchObject({
      id: programme.id,
      parts: [{ id: part.id, completionRule: { minAttendancePercent: 75 } }],
    });
    expect((await as(instructor, `/api/v1/parts/${part.id}`)).status).toBe(200);
    expect((await as(outsider, `/api/v1/programmes/${programme.id}`)).status).toBe(404);
    expect((await as(outsider, `/api/v1/parts/${part.id}`)).status).toBe(404);
    expect((await as(member, `/api/v1/programmes/${programme.id}/indicators`)).status).toBe(403);
  });

  it('puts an uploaded logo in the footer of the programme and lets only its viewers load it', async () => {
    const programme = await createProgramme(t.dataSource, { funder: 'Eiropas Sociālais fonds' });
    const token = await csrfToken(adminAgent, `/admin/programmes/${programme.id}`);
    const refused = await adminAgent
      .post(`/admin/programmes/${programme.id}/logo`)
      .field('_csrf', token)
      .attach('logo', Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg');
    expect(refused.status).toBe(415);
    expect((await t.dataSource.getRepository(Programme).findOneByOrFail({ id: programme.id })).logoKey).toBeNull();

    const uploaded = await adminAgent
      .post(`/admin/programmes/${programme.id}/logo`)
      .field('_csrf', token)
      .attach('logo', pngBytes(), 'esf.png');
    expect(uploaded.status).toBe(303);
    const page = await adminAgent.get(`/admin/programmes/${programme.id}`);
    expect(page.text).toContain(`<img class="funding-logo" src="/programmes/${programme.id}/logo" alt="Eiropas Sociālais fonds">`);
    const image = await adminAgent.get(`/programmes/${programme.id}/logo`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');

    const outsider = await logIn(t.agent(), (await createTrainee(t.dataSource)).email);
    expect((await outsider.get(`/programmes/${programme.id}/logo`)).status).toBe(404);

    expect((await adminApi('delete', `/api/v1/programmes/${programme.id}/logo`)).status).toBe(204);
    expect((await adminAgent.get(`/programmes/${programme.id}/logo`)).status).toBe(404);
  });
});
