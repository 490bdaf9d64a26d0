import { startWebApp, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { csrfFrom, csrfToken, logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { User } from '../src/users/user.entity';

type Agent = ReturnType<TestApp['agent']>;

describe('attendance', () => {
  let t: TestApp;
  let admin: User;
  let teacher: User;
  let trainees: User[];
  let cohort: Cohort;
  let teacherAgent: Agent;
  let teacherToken: string;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    teacher = await createInstructor(t.dataSource);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource), { minAttendancePercent: 75 });
    cohort = await createCohort(t.dataSource, part, { name: 'Projektu speciālisti', instructors: [teacher] });
    trainees = await Promise.all(['Anna Bērziņa', 'Pēteris Ozols', 'Zane Kalniņa'].map((name) => createTrainee(t.dataSource, { name })));
    await Promise.all(trainees.map((u) => enrol(t.dataSource, cohort, u)));
    teacherAgent = t.agent();
    await logIn(teacherAgent, teacher.email);
    teacherToken = await csrfToken(teacherAgent, '/');
  });
  afterAll(() => t.close());

  const mark = (agent: Agent, token: string, sessionId: string, body: Record<string, unknown>) =>
    agent.put(`/api/v1/sessions/${sessionId}/attendance`).set('X-CSRF-Token', token).send(body);

  it('marks everyone present with one action, then the exceptions, on the phone-friendly page', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-05T06:00:00Z'), instructors: [teacher] });
    const page = await teacherAgent.get(`/sessions/${session.id}/attendance`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<legend>Anna Bērziņa');
    expect(page.text).toContain(`name="status[${trainees[0].id}]" value="late"`);
    const all = await teacherAgent
      .post(`/sessions/${session.id}/attendance`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), action: 'allPresent' });
    expect(all.status).toBe(303);
    expect((await teacherAgent.get(all.headers.location)).text).toContain('Saglabātas 3 izmaiņas.');
    const exception = await teacherAgent
      .post(`/sessions/${session.id}/attendance`)
      .type('form')
      .send({ _csrf: teacherToken, action: 'save', [`status[${trainees[1].id}]`]: 'late' });
    expect(exception.status).toBe(303);
    const sheet = await teacherAgent.get(`/api/v1/sessions/${session.id}/attendance`);
    expect(sheet.body.items.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
      ['Anna Bērziņa', 'present'],
      ['Pēteris Ozols', 'late'],
      ['Zane Kalniņa', 'present'],
    ]);
    const audit = await t.dataSource.query(
      `SELECT before, after FROM audit_events WHERE action = 'attendance.marked' AND entity_id = $1 ORDER BY id`,
      [session.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toEqual({ before: { [trainees[1].id]: 'present' }, after: { [trainees[1].id]: 'late' } });
  });

  it('counts only sessions that have taken place and were marked: (present + late) / those, excused not attended', async () => {
    const trainee = await createTrainee(t.dataSource);
    const group = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      instructors: [teacher],
    });
    await enrol(t.dataSource, group, trainee);
    const held = await Promise.all(
      ['2012-09-05', '2012-09-06', '2012-09-07', '2012-09-08'].map((d) =>
        createSession(t.dataSource, group, { startsAt: new Date(`${d}T06:00:00Z`) }),
      ),
    );
    await createSession(t.dataSource, group, { startsAt: new Date('2099-09-09T06:00:00Z') });
    await createSession(t.dataSource, group, { startsAt: new Date('2012-09-10T06:00:00Z'), status: 'cancelled' });
    await createSession(t.dataSource, group, { startsAt: new Date('2012-09-11T06:00:00Z') });
    const statuses = ['present', 'late', 'excused', 'absent'];
    for (const [i, session] of held.entries())
      await mark(teacherAgent, teacherToken, session.id, { marks: [{ userId: trainee.id, status: statuses[i] }] }).expect(200);
    const agent = t.agent();
    await logIn(agent, trainee.email);
    const mine = await agent.get('/api/v1/me/attendance');
    expect(mine.body.enrolments).toEqual([
      expect.objectContaining({ held: 5, recorded: 4, present: 1, late: 1, excused: 1, absent: 1, unmarked: 0, percent: 50 }),
    ]);
    expect(mine.body.sessions).toHaveLength(5);
    const page = await agent.get('/my/attendance');
    expect(page.text).toContain('50 %');
  });

  it("keeps each trainee's counts with their marks however they change, and leaves out a session marked before it starts", async () => {
    const [anna, juris] = await Promise.all(['Anna Liepa', 'Juris Kalns'].map((name) => createTrainee(t.dataSource, { name })));
    const programme = await createProgramme(t.dataSource);
    const group = await createCohort(t.dataSource, await createPart(t.dataSource, programme), {
      instructors: [teacher],
    });
    await Promise.all([anna, juris].map((u) => enrol(t.dataSource, group, u)));
    const [first, second, removed] = await Promise.all(
      ['2012-09-05', '2012-09-06', '2012-09-07'].map((d) => createSession(t.dataSource, group, { startsAt: new Date(`${d}T06:00:00Z`) })),
    );
    // Attendance opens half an hour before the start: this one is marked but has not taken place yet.
    const soon = await createSession(t.dataSource, group, { startsAt: new Date(Date.now() + 10 * 60_000) });
    const marks = (annaStatus: string, jurisStatus: string) => ({
      marks: [
        { userId: anna.id, status: annaStatus },
        { userId: juris.id, status: jurisStatus },
      ],
    });
    await mark(teacherAgent, teacherToken, first.id, marks('present', 'late')).expect(200);
    await mark(teacherAgent, teacherToken, second.id, marks('absent', 'excused')).expect(200);
    await mark(teacherAgent, teacherToken, removed.id, marks('present', 'present')).expect(200);
    await mark(teacherAgent, teacherToken, soon.id, marks('present', 'present')).expect(200);
    await mark(teacherAgent, teacherToken, first.id, { marks: [{ userId: anna.id, status: 'excused' }] }).expect(200);
    await t.dataSource.query(`UPDATE sessions SET status = 'cancelled' WHERE id = $1`, [second.id]);
    await t.dataSource.query(`UPDATE sessions SET status = 'cancelled' WHERE id = $1`, [first.id]);
    await t.dataSource.query(`UPDATE sessions SET status = 'scheduled' WHERE id = $1`, [first.id]);
    await t.dataSource.query('DELETE FROM sessions WHERE id = $1', [removed.id]);

    const kept = await t.dataSource.query(
      `SELECT user_id, present, late, excused, absent FROM attendance_counts WHERE cohort_id = $1 ORDER BY user_id`,
      [group.id],
    );
    const recounted = await t.dataSource.query(
      `SELECT a.user_id, count(*) FILTER (WHERE a.status = 'present')::int AS present, count(*) FILTER (WHERE a.status = 'late')::int AS late,
              count(*) FILTER (WHERE a.status = 'excused')::int AS excused, count(*) FILTER (WHERE a.status = 'absent')::int AS absent
         FROM attendances a JOIN sessions s ON s.id = a.session_id
        WHERE s.cohort_id = $1 AND s.status = 'scheduled' GROUP BY a.user_id ORDER BY a.user_id`,
      [group.id],
    );
    expect(kept).toEqual(recounted);
    expect(
      await t.dataSource.query(
        `SELECT s.id, n.marks FROM sessions s JOIN session_mark_counts n ON n.session_id = s.id WHERE s.cohort_id = $1 ORDER BY s.starts_at`,
        [group.id],
      ),
    ).toEqual([
      { id: first.id, marks: 2 },
      { id: second.id, marks: 2 },
      { id: soon.id, marks: 2 },
    ]);
    const agent = t.agent();
    await logIn(agent, anna.email);
    const mine = await agent.get('/api/v1/me/attendance');
    expect(mine.body.enrolments).toEqual([
      expect.objectContaining({ held: 1, recorded: 1, present: 0, late: 0, excused: 1, absent: 0, unmarked: 0, percent: 0 }),
    ]);

    // The programme goes with its cohort, its sessions, their marks and the counts, whichever of these PostgreSQL
    // removes first: each trainee here has marks at several sessions, so their counts change more than once.
    await t.dataSource.query('DELETE FROM programmes WHERE id = $1', [programme.id]);
    expect(await t.dataSource.query('SELECT * FROM attendance_counts WHERE cohort_id = $1', [group.id])).toEqual([]);
    expect(await t.dataSource.query('SELECT * FROM session_mark_counts WHERE session_id = $1', [first.id])).toEqual([]);
  });

  it('refuses attendance for a session far ahead or cancelled', async () => {
    const ahead = await createSession(t.dataSource, cohort, { startsAt: new Date('2099-01-01T06:00:00Z') });
    const res = await mark(teacherAgent, teacherToken, ahead.id, { othersPresent: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ATTENDANCE_TOO_EARLY');
    const cancelled = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-01T06:00:00Z'), status: 'cancelled' });
    expect((await mark(teacherAgent, teacherToken, cancelled.id, { othersPresent: true })).status).toBe(409);
  });

  it('refuses a mark for someone outside the cohort', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-02T06:00:00Z') });
    const stranger = await createTrainee(t.dataSource);
    const res = await mark(teacherAgent, teacherToken, session.id, { marks: [{ userId: stranger.id, status: 'present' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: `status.${stranger.id}`, message: 'Šis dalībnieks nav šīs grupas sarakstā.' });
  });

  it('answers 404, not 500, when the session is deleted while its attendance is being marked', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-03T06:00:00Z'), instructors: [teacher] });
    const deleter = t.dataSource.createQueryRunner();
    await deleter.connect();
    try {
      await deleter.startTransaction();
      await deleter.query('SELECT id FROM sessions WHERE id = $1 FOR UPDATE', [session.id]);
      // The marking finds the session, then waits for its lock while the other transaction deletes it.
      const marking = mark(teacherAgent, teacherToken, session.id, { othersPresent: true }).then((res) => res);
      await eventually(
        async () =>
          Number(
            (
              await t.dataSource.query(
                `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM sessions WHERE id = $1 FOR SHARE%'`,
              )
            )[0].n,
          ) > 0,
        15000,
        'the marking to wait for the session lock',
      );
      await deleter.query('DELETE FROM sessions WHERE id = $1', [session.id]);
      await deleter.commitTransaction();
      const res = await marking;
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: 'Šāda nodarbība nav atrasta.' });
    } finally {
      await deleter.release();
    }
    expect(await t.dataSource.query('SELECT 1 FROM attendances WHERE session_id = $1', [session.id])).toEqual([]);
  });

  it('warns the trainee once when attendance falls below the minimum, and leaves the admins to their daily digest', async () => {
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource), { minAttendancePercent: 75 });
    const group = await createCohort(t.dataSource, part, { name: 'Projektu speciālisti', instructors: [teacher] });
    const people = await Promise.all(['Anna', 'Zane'].map((name) => createTrainee(t.dataSource, { name })));
    const [annaEnrolment, zaneEnrolment] = await Promise.all(people.map((u) => enrol(t.dataSource, group, u)));
    const [first, second] = await Promise.all(
      ['2012-10-01', '2012-10-02'].map((d) => createSession(t.dataSource, group, { startsAt: new Date(`${d}T06:00:00Z`) })),
    );
    const zane = people[1];
    const warnings = (enrolmentId: string): Promise<{ recipient_id: string; text: string }[]> =>
      t.dataSource.query(`SELECT recipient_id, text FROM outbox_messages WHERE dedup_key LIKE $1 ORDER BY recipient_id`, [
        `attendance-warning:${enrolmentId}:%`,
      ]);
    await mark(teacherAgent, teacherToken, first.id, { marks: [{ userId: zane.id, status: 'absent' }], othersPresent: true }).expect(200);
    const sent = await warnings(zaneEnrolment.id);
    expect(sent.map((w) => w.recipient_id)).toEqual([zane.id]);
    expect(sent[0].text).toContain('Jūsu apmeklējums grupā “Projektu speciālisti”');
    const toAdmin = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE recipient_id = $1 AND template LIKE 'attendance-%'`,
      [admin.id],
    );
    expect(toAdmin[0].n).toBe(0);
    await mark(teacherAgent, teacherToken, second.id, { marks: [{ userId: zane.id, status: 'excused' }], othersPresent: true }).expect(200);
    await mark(teacherAgent, teacherToken, first.id, {
      marks: [
        { userId: zane.id, status: 'late' },
        { userId: zane.id, status: 'absent' },
      ],
    }).expect(200);
    expect(await warnings(zaneEnrolment.id)).toHaveLength(sent.length);
    expect(await warnings(annaEnrolment.id)).toEqual([]);
  });

  it('keeps instructors of other cohorts and trainees away from the sheet and its trainees', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-03T06:00:00Z') });
    const outsider = await createInstructor(t.dataSource);
    const agent = t.agent();
    await logIn(agent, outsider.email);
    const token = await csrfToken(agent, '/');
    expect((await agent.get(`/sessions/${session.id}/attendance`)).status).toBe(404);
    expect((await agent.get(`/api/v1/sessions/${session.id}/attendance`)).status).toBe(404);
    expect((await mark(agent, token, session.id, { othersPresent: true })).status).toBe(404);
    expect((await agent.get(`/cohorts/${cohort.id}/attendance`)).status).toBe(404);
    expect((await agent.get(`/api/v1/cohorts/${cohort.id}/attendance`)).status).toBe(404);

    const trainee = t.agent();
    await logIn(trainee, trainees[0].email);
    expect((await trainee.get(`/sessions/${session.id}/attendance`)).status).toBe(403);
    expect((await trainee.get(`/api/v1/cohorts/${cohort.id}/attendance`)).status).toBe(403);
    const summary = await teacherAgent.get(`/api/v1/cohorts/${cohort.id}/attendance`);
    expect(summary.body.items).toHaveLength(3);
  });
});
