import { startWebApp, TestApp } from './support/app';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { csrfToken, linkedIds, logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { User } from '../src/users/user.entity';

type Agent = ReturnType<TestApp['agent']>;

/** Rooms are shared by every test run on the database, so each run books its own street. */
const street = `Saules iela ${Math.random().toString(36).slice(2, 8)}`;

describe('the class schedule', () => {
  let t: TestApp;
  let admin: User;
  let teacher: User;
  let otherTeacher: User;
  let cohort: Cohort;
  let adminAgent: Agent;
  let adminToken: string;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    teacher = await createInstructor(t.dataSource, { name: 'Inese Pasniedzēja' });
    otherTeacher = await createInstructor(t.dataSource, { name: 'Jānis Lektors' });
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource));
    cohort = await createCohort(t.dataSource, part, { name: 'Projektu vadība, 1. grupa', instructors: [teacher] });
    adminAgent = t.agent();
    await logIn(adminAgent, admin.email);
    adminToken = await csrfToken(adminAgent, '/');
  });
  afterAll(() => t.close());

  const api = (agent: Agent, token: string) => ({
    create: (cohortId: string, body: Record<string, unknown>) =>
      agent.post(`/api/v1/cohorts/${cohortId}/sessions`).set('X-CSRF-Token', token).send(body),
    move: (id: string, body: Record<string, unknown>) => agent.post(`/api/v1/sessions/${id}/move`).set('X-CSRF-Token', token).send(body),
    cancel: (id: string, body: Record<string, unknown>) =>
      agent.post(`/api/v1/sessions/${id}/cancel`).set('X-CSRF-Token', token).send(body),
  });

  const classAt = (startDate: string, startTime: string, endTime: string, extra: Record<string, unknown> = {}) => ({
    kind: 'class',
    title: `Projekta pieteikums ${Math.random().toString(36).slice(2, 7)}`,
    startDate,
    startTime,
    endTime,
    address: `${street}, Daugavpils`,
    ...extra,
  });

  it("schedules a session through the form in Riga time, taught by the cohort's instructors by default", async () => {
    const res = await adminAgent
      .post(`/cohorts/${cohort.id}/sessions`)
      .type('form')
      .send({ _csrf: adminToken, ...classAt('2012-09-05', '09:00', '12:15', { room: '201. telpa' }) });
    expect(res.status).toBe(303);
    const id = res.headers.location.split('/').pop();
    const view = await adminAgent.get(`/api/v1/sessions/${id}`);
    expect(view.body).toMatchObject({
      startsAt: '2012-09-05T06:00:00.000Z',
      endsAt: '2012-09-05T09:15:00.000Z',
      status: 'scheduled',
      sequence: 0,
      instructors: [{ id: teacher.id, name: teacher.name }],
    });
    const page = await adminAgent.get(`/sessions/${id}`);
    expect(page.text).toContain('2012. gada 5. septembrī plkst. 09:00');
  });

  it('shows every bad field in Latvian and saves nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM sessions WHERE cohort_id = $1', [cohort.id]);
    const res = await adminAgent.post(`/cohorts/${cohort.id}/sessions`).type('form').send({
      _csrf: adminToken,
      kind: 'class',
      title: '',
      startDate: '2012-09-06',
      startTime: '12:00',
      endTime: '10:00',
      onlineUrl: 'http://zoom.example/j/1',
    });
    expect(res.status).toBe(422);
    // The summary speaks plainly; the field names the code uses are not for people.
    expect(res.text).toContain('Lūdzu, izlabojiet kļūdas zemāk norādītajos laukos.');
    expect(res.text).not.toMatch(/error-summary-title">[^<]*(endTime|onlineUrl)/);
    expect(res.text).toContain('Beigām jābūt vēlāk par sākumu.');
    expect(res.text).toContain('Ievadiet drošu adresi, kas sākas ar https://.');
    expect(res.text).toContain('Jābūt vismaz 1 rakstzīmei.');
    // Each line of the summary names its field as the form labels it.
    const summary = res.text.slice(
      res.text.indexOf('class="error-summary"'),
      res.text.indexOf('</ul>', res.text.indexOf('class="error-summary"')),
    );
    expect(summary).toContain('<a href="#field-title"><span class="error-summary-field">Nosaukums:</span> Jābūt vismaz 1 rakstzīmei.</a>');
    expect(summary).toContain('<span class="error-summary-field">Beigu laiks:</span> Beigām jābūt vēlāk par sākumu.');
    expect(summary).toContain('<span class="error-summary-field">Tiešsaistes saite:</span> Ievadiet drošu adresi');
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM sessions WHERE cohort_id = $1', [cohort.id]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses an instructor booked twice at overlapping times, naming the clash', async () => {
    const other = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Vadītāju grupa',
    });
    const first = await api(adminAgent, adminToken).create(
      other.id,
      classAt('2012-09-12', '10:00', '12:00', { title: 'Riska vadība', instructorIds: [teacher.id], address: 'Rīgas iela 2' }),
    );
    expect(first.status).toBe(201);
    const clash = await api(adminAgent, adminToken).create(cohort.id, classAt('2012-09-12', '11:00', '13:00'));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SESSION_INSTRUCTOR_CLASH');
    expect(clash.body.message).toBe(
      'Pasniedzējs Inese Pasniedzēja tajā laikā jau vada nodarbību “Riska vadība” (Vadītāju grupa) 12.09.2012 10:00–12:00.',
    );
    expect(clash.body.errors[0].field).toBe('instructorIds');
    const backToBack = await api(adminAgent, adminToken).create(cohort.id, classAt('2012-09-12', '12:00', '14:00'));
    expect(backToBack.status).toBe(201);
  });

  it('refuses the same room at the same address whatever the spelling, and lets cancelled sessions go', async () => {
    const body = { instructorIds: [otherTeacher.id], address: street, room: 'Lielā zāle' };
    const first = await api(adminAgent, adminToken).create(
      cohort.id,
      classAt('2012-09-13', '09:00', '11:00', { ...body, title: 'Iepirkumi' }),
    );
    expect(first.status).toBe(201);
    const second = await api(adminAgent, adminToken).create(
      cohort.id,
      classAt('2012-09-13', '10:30', '12:00', { address: ` ${street.toUpperCase().replace(' ', '  ')}`, room: 'LIELĀ ZĀLE' }),
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('SESSION_ROOM_CLASH');
    expect(second.body.message).toContain('“Iepirkumi”');
    expect(second.body.message).toContain('13.09.2012 09:00–11:00');
    await api(adminAgent, adminToken).cancel(first.body.id, { reason: 'Lektors saslima' });
    const third = await api(adminAgent, adminToken).create(
      cohort.id,
      classAt('2012-09-13', '10:30', '12:00', { address: street, room: 'Lielā zāle', instructorIds: [otherTeacher.id] }),
    );
    expect(third.status).toBe(201);
  });

  it('lets only one of two simultaneous bookings of the same instructor through', async () => {
    const statuses = await Promise.all(
      [0, 1].map(() =>
        api(adminAgent, adminToken).create(
          cohort.id,
          classAt('2012-09-20', '09:00', '12:00', { instructorIds: [otherTeacher.id], address: 'Online', room: undefined }),
        ),
      ),
    ).then((all) => all.map((r) => r.status).sort());
    expect(statuses).toEqual([201, 409]);
  });

  it('moves a session with a reason, keeping its history and raising its sequence', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-01T06:00:00Z'), instructors: [teacher] });
    const noReason = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-02',
      startTime: '09:00',
      endTime: '12:00',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason' });
    const moved = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-02',
      startTime: '10:00',
      endTime: '13:00',
      reason: 'Telpa aizņemta',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2012-10-02T07:00:00.000Z', sequence: 1, status: 'scheduled' });
    expect(moved.body.history).toEqual([
      expect.objectContaining({
        kind: 'moved',
        oldStartsAt: '2012-10-01T06:00:00.000Z',
        newStartsAt: '2012-10-02T07:00:00.000Z',
        reason: 'Telpa aizņemta',
        changedById: admin.id,
      }),
    ]);
    const page = await adminAgent.get(`/sessions/${session.id}`);
    expect(page.text).toContain('Telpa aizņemta');
    expect(page.text).toContain('01.10.2012 09:00–12:00');
    const audit = await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [session.id]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('session.moved');
  });

  it('keeps the length of a session moved by its start alone, through the API and the form', async () => {
    const session = await createSession(t.dataSource, cohort, {
      startsAt: new Date('2012-10-08T06:00:00Z'),
      endsAt: new Date('2012-10-08T09:15:00Z'),
    });
    const byApi = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-09',
      startTime: '13:00',
      reason: 'Telpa aizņemta',
    });
    expect(byApi.status).toBe(200);
    expect((await adminAgent.get(`/api/v1/sessions/${session.id}`)).body).toMatchObject({
      startsAt: '2012-10-09T10:00:00.000Z',
      endsAt: '2012-10-09T13:15:00.000Z',
    });

    const form = await adminAgent.get(`/sessions/${session.id}/move`);
    expect(form.text).toContain('nodarbība ilgs tikpat, cik līdz šim (3 stundas un 15 minūtes)');
    expect(form.text).toMatch(/name="endTime" type="time" value=""/);
    const byForm = await adminAgent
      .post(`/sessions/${session.id}/move`)
      .type('form')
      .send({ _csrf: adminToken, startDate: '2012-10-10', startTime: '08:30', endDate: '', endTime: '', reason: 'Lektors aizkavējas' });
    expect(byForm.status).toBe(303);
    expect((await adminAgent.get(`/api/v1/sessions/${session.id}`)).body).toMatchObject({
      startsAt: '2012-10-10T05:30:00.000Z',
      endsAt: '2012-10-10T08:45:00.000Z',
    });

    // A new end is taken as given; an end date without an end time is explained.
    const longer = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-10',
      startTime: '08:30',
      endTime: '12:00',
      reason: 'Pagarināta',
    });
    expect((await adminAgent.get(`/api/v1/sessions/${session.id}`)).body.endsAt).toBe('2012-10-10T09:00:00.000Z');
    expect(longer.status).toBe(200);
    const halfEnd = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-11',
      startTime: '08:30',
      endDate: '2012-10-12',
      reason: 'x',
    });
    expect(halfEnd.body.errors).toEqual([expect.objectContaining({ field: 'endTime', code: 'session.endTimeWithDate' })]);
  });

  it('cancels a session with a reason and keeps the record', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-03T06:00:00Z') });
    const res = await adminAgent.get(`/sessions/${session.id}/cancel`);
    expect(res.status).toBe(200);
    const done = await adminAgent.post(`/sessions/${session.id}/cancel`).type('form').send({ _csrf: adminToken, reason: 'Svētku diena' });
    expect(done.status).toBe(303);
    const view = await adminAgent.get(`/api/v1/sessions/${session.id}`);
    expect(view.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Svētku diena', sequence: 1 });
    expect(view.body.history[0]).toMatchObject({ kind: 'cancelled', newStartsAt: null, reason: 'Svētku diena' });
    const again = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-04',
      startTime: '09:00',
      endTime: '12:00',
      reason: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('says that a reason is required when cancelling, moving or restoring without one, in Latvian and English', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-05T06:00:00Z') });
    const page = await adminAgent.post(`/sessions/${session.id}/cancel`).type('form').send({ _csrf: adminToken, reason: '   ' });
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="error-reason"[^>]*>.*Norādiet iemeslu: tas ir obligāts\./s);
    expect(page.text).not.toContain('rakstzīm');
    const englishAgent = t.agent();
    await logIn(englishAgent, (await createAdmin(t.dataSource, { language: 'en' })).email);
    const english = await api(englishAgent, await csrfToken(englishAgent, '/')).cancel(session.id, {});
    expect(english.status).toBe(400);
    expect(english.body.errors).toEqual([{ field: 'reason', code: 'reasonRequired', message: 'A reason is required: say why.' }]);
    const moved = await api(adminAgent, adminToken).move(session.id, {
      startDate: '2012-10-06',
      startTime: '09:00',
      endTime: '12:00',
      reason: '',
    });
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'reasonRequired' })]);
    expect((await adminAgent.get(`/api/v1/sessions/${session.id}`)).body.status).toBe('scheduled');
  });

  it('shows a session that has ended as held, and a cancelled one as cancelled, on pages, in the API and in the calendar', async () => {
    const hour = 3_600_000;
    const past = await createSession(t.dataSource, cohort, {
      title: 'Noturēta nodarbība',
      startsAt: new Date(Date.now() - 3 * hour),
      endsAt: new Date(Date.now() - hour),
    });
    const called = await createSession(t.dataSource, cohort, {
      title: 'Atcelta nodarbība',
      startsAt: new Date(Date.now() - 3 * hour),
      endsAt: new Date(Date.now() - hour),
    });
    expect((await api(adminAgent, adminToken).cancel(called.id, { reason: 'Telpa slēgta' })).status).toBe(200);
    const coming = await createSession(t.dataSource, cohort, {
      title: 'Nākamā nodarbība',
      startsAt: new Date(Date.now() + hour),
      endsAt: new Date(Date.now() + 3 * hour),
    });

    const states = { [past.id]: 'held', [called.id]: 'cancelled', [coming.id]: 'planned' };
    for (const [id, state] of Object.entries(states)) {
      expect((await adminAgent.get(`/api/v1/sessions/${id}`)).body).toMatchObject({ id, state });
    }
    const schedule = (await adminAgent.get(`/cohorts/${cohort.id}/sessions`).query({ pageSize: 100 })).text;
    const cell = (id: string) =>
      new RegExp(`href="/sessions/${id}"[\\s\\S]*?<td data-label="Statuss">([\\s\\S]*?)</td>`).exec(schedule)?.[1].trim();
    expect(cell(past.id)).toBe('<span class="badge badge-ok">Notikusi</span>');
    expect(cell(called.id)).toBe('<span class="badge badge-danger">Atcelta</span>');
    expect(cell(coming.id)).toBe('Ieplānota');
    expect((await adminAgent.get(`/sessions/${past.id}`)).text).toContain(
      '<dt>Statuss</dt><dd><span class="badge badge-ok">Notikusi</span></dd>',
    );

    expect((await adminAgent.get(`/sessions/${past.id}/ics`)).text).toContain('STATUS:CONFIRMED');
    expect((await adminAgent.get(`/sessions/${called.id}/ics`)).text).toContain('STATUS:CANCELLED');
  });

  it("lets the cohort's instructor manage its sessions, but no instructor of another cohort", async () => {
    const agent = t.agent();
    await logIn(agent, teacher.email);
    const token = await csrfToken(agent, '/');
    const mine = await api(agent, token).create(cohort.id, classAt('2012-11-05', '09:00', '10:00'));
    expect(mine.status).toBe(201);

    const outsider = t.agent();
    await logIn(outsider, otherTeacher.email);
    const outsiderToken = await csrfToken(outsider, '/');
    expect((await api(outsider, outsiderToken).create(cohort.id, classAt('2012-11-06', '09:00', '10:00'))).status).toBe(404);
    expect((await outsider.get(`/sessions/${mine.body.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/sessions/${mine.body.id}`)).status).toBe(404);
    expect((await outsider.get(`/cohorts/${cohort.id}/sessions`)).status).toBe(404);
    expect(
      (
        await api(outsider, outsiderToken).move(mine.body.id, {
          startDate: '2012-11-07',
          startTime: '09:00',
          endTime: '10:00',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it("shows a trainee their own cohort's sessions, but not another cohort's, by id or as a file", async () => {
    const trainee = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, trainee);
    const other = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)));
    const foreign = await createSession(t.dataSource, other);
    const own = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-11-20T07:00:00Z') });
    const agent = t.agent();
    await logIn(agent, trainee.email);
    expect((await agent.get(`/sessions/${own.id}`)).status).toBe(200);
    expect((await agent.get(`/sessions/${own.id}/ics`)).status).toBe(200);
    expect((await agent.get(`/sessions/${foreign.id}`)).status).toBe(404);
    expect((await agent.get(`/api/v1/sessions/${foreign.id}`)).status).toBe(404);
    expect((await agent.get(`/sessions/${foreign.id}/ics`)).status).toBe(404);
    expect((await agent.get(`/api/v1/cohorts/${other.id}/sessions`)).status).toBe(404);
    expect((await agent.get('/sessions/not-a-uuid')).status).toBe(404);
    const token = await csrfToken(agent, '/');
    expect((await api(agent, token).cancel(own.id, { reason: 'x' })).status).toBe(403);
  });

  it("lists a trainee's sessions not yet over, nearest first, and none of a cohort they left", async () => {
    const trainee = await createTrainee(t.dataSource);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource));
    const current = await createCohort(t.dataSource, part, { name: 'Pašreizējā grupa' });
    const left = await createCohort(t.dataSource, part, { name: 'Pamestā grupa' });
    await enrol(t.dataSource, current, trainee);
    await enrol(t.dataSource, left, trainee, 'withdrawn');
    const later = await createSession(t.dataSource, current, { title: 'Vēlāk', startsAt: new Date('2099-05-02T06:00:00Z') });
    const sooner = await createSession(t.dataSource, current, { title: 'Drīzāk', startsAt: new Date('2099-05-01T06:00:00Z') });
    await createSession(t.dataSource, current, { title: 'Pagātnē', startsAt: new Date('2012-05-01T06:00:00Z') });
    await createSession(t.dataSource, left, { title: 'Pamestā', startsAt: new Date('2099-04-01T06:00:00Z') });
    const agent = t.agent();
    await logIn(agent, trainee.email);
    const res = await agent.get('/api/v1/me/sessions?pageSize=1');
    expect(res.body).toMatchObject({ total: 2, items: [{ id: sooner.id, cohortName: 'Pašreizējā grupa' }] });
    const page = await agent.get('/my/sessions');
    expect(page.status).toBe(200);
    expect(linkedIds(page.text, '/sessions')).toEqual([sooner.id, later.id]);
    expect(page.text).toContain('Drīzāk');
    expect(page.text).toContain('Vēlāk');
    expect(page.text).not.toContain('Pamestā');
    expect(page.text).not.toContain('Pagātnē');
  });
});
