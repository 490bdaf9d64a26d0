import { AttendanceService } from '../src/attendance/attendance.service';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { Part } from '../src/programmes/part.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { actorOf, createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { csrfFrom, logIn, postForm } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

/** Completion's pages and API: who sees what, setting by hand, closing and reopening, and a rule change's dry run. */
describe('completion pages and API', () => {
  let t: TestApp;
  let admin: User;
  let teacher: User;
  let stranger: User;
  let part: Part;
  let cohort: Cohort;
  let anna: User;
  let edgars: User;
  let ieva: User;
  let adminToken: string;
  let teacherToken: string;
  let strangerToken: string;
  let annaToken: string;
  let edgarsToken: string;

  beforeAll(async () => {
    t = await startWebApp();
    const ds = t.dataSource;
    admin = await createAdmin(ds);
    teacher = await createInstructor(ds, { name: 'Dace Ozola' });
    stranger = await createInstructor(ds);
    part = await createPart(ds, await createProgramme(ds), {
      titleLv: 'Projektu vadība',
      titleEn: 'Project management',
      minAttendancePercent: 75,
    });
    cohort = await createCohort(ds, part, { name: '1. daļa — 2012. gada rudens', instructors: [teacher] });
    anna = await createTrainee(ds, { name: 'Anna Bērziņa' });
    edgars = await createTrainee(ds, { name: 'Edgars Vanags', language: 'en' });
    ieva = await createTrainee(ds, { name: 'Ieva Skujiņa' });
    for (const trainee of [anna, edgars, ieva]) await enrol(ds, cohort, trainee);
    const attendance = t.app.get(AttendanceService);
    // The schedule first (written straight to the database, as a factory does), then the marks.
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await createSession(ds, cohort, { startsAt: new Date(Date.UTC(2012, 8, 5 + 7 * i, 7)) }));
    for (const [i, session] of sessions.entries()) {
      await attendance.mark(actorOf(teacher), session.id, {
        othersPresent: false,
        marks: [
          { userId: anna.id, status: 'present' },
          ...(i < 2 ? [{ userId: edgars.id, status: 'present' as const }] : []),
          { userId: ieva.id, status: i < 2 ? 'absent' : 'present' },
        ],
      });
    }
    [adminToken, teacherToken, strangerToken, annaToken, edgarsToken] = await Promise.all(
      [admin, teacher, stranger, anna, edgars].map(async (u) => (await createApiToken(ds, u)).secret),
    );
  });
  afterAll(() => t.close());

  const api = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const enrolmentOf = async (user: User): Promise<string> =>
    (await t.dataSource.query('SELECT id FROM enrolments WHERE cohort_id = $1 AND user_id = $2', [cohort.id, user.id]))[0].id;
  const statuses = async () =>
    Object.fromEntries(
      (
        await t.dataSource.query(
          'SELECT u.name, e.status FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 ORDER BY u.name',
          [cohort.id],
        )
      ).map((r: { name: string; status: string }) => [r.name, r.status]),
    );

  describe('the trainee', () => {
    it('sees each criterion met, not yet (what is missing) or no longer possible, with a progress bar, in their language', async () => {
      const lv = await logIn(t.agent(), anna.email);
      const mine = await lv.get('/my/progress');
      expect(mine.status).toBe(200);
      expect(mine.text).toContain('Projektu vadība');
      expect(mine.text).toContain('Apmeklētas nodarbības: 4 (vajadzīgas vismaz 3, 75 %).');
      expect(mine.text).toMatch(/<progress class="criterion-bar" max="3" value="3"/);
      expect(mine.text).toContain('Pabeigts');

      const en = await logIn(t.agent(), edgars.email);
      const page = await en.get('/my/progress');
      expect(page.text).toContain('Project management');
      expect(page.text).toContain('1 more session to attend.');
      expect(page.text).toMatch(/<progress class="criterion-bar" max="3" value="2"/);

      const res = await api(edgarsToken).get('/me/completion');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        cohortId: cohort.id,
        state: 'in_progress',
        completed: false,
        setByHand: null,
        criteria: [
          {
            criterion: 'attendance',
            state: 'pending',
            missing: { count: 1, unit: 'sessions' },
            progress: { done: 2, of: 3 },
            text: '1 more session to attend.',
          },
        ],
      });
    });

    it('reads their own enrolment and nobody else’s', async () => {
      expect((await api(edgarsToken).get(`/enrolments/${await enrolmentOf(edgars)}/completion`)).status).toBe(200);
      expect((await api(edgarsToken).get(`/enrolments/${await enrolmentOf(ieva)}/completion`)).status).toBe(404);
      expect((await api(annaToken).get(`/cohorts/${cohort.id}/completion`)).status).toBe(403);
    });
  });

  describe('staff', () => {
    it("see the cohort's table with each trainee's criteria and overall state, filtered", async () => {
      const agent = await logIn(t.agent(), teacher.email);
      const page = await agent.get(`/cohorts/${cohort.id}/completion`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Pabeiguši 1 no 3; ar roku noteikti: 0.');
      for (const name of ['Anna Bērziņa', 'Edgars Vanags', 'Ieva Skujiņa']) expect(page.text).toContain(name);
      expect(page.text).toContain('Atlikušajās nodarbībās vairs nevar sasniegt 75 % apmeklējumu.');
      // Instructors read, only administrators set by hand and close.
      expect(page.text).not.toContain('/admin/enrolments/');
      expect(page.text).not.toContain('/close"');

      const notPossible = await agent.get(`/cohorts/${cohort.id}/completion?show=not_possible`);
      expect(notPossible.text).toContain('Ieva Skujiņa');
      expect(notPossible.text).not.toContain('Anna Bērziņa');
      const missing = await agent.get(`/cohorts/${cohort.id}/completion?missing=attendance`);
      expect(missing.text).not.toContain('Anna Bērziņa');
      expect(missing.text).toContain('Edgars Vanags');

      const res = await api(teacherToken).get(`/cohorts/${cohort.id}/completion`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ cohortId: cohort.id, closedAt: null, completed: 1, total: 3 });
      expect(res.body.items.map((i: { name: string; state: string }) => [i.name, i.state])).toEqual([
        ['Anna Bērziņa', 'completed'],
        ['Edgars Vanags', 'in_progress'],
        ['Ieva Skujiņa', 'not_possible'],
      ]);
    });

    it("are refused another cohort's completion", async () => {
      expect((await api(strangerToken).get(`/cohorts/${cohort.id}/completion`)).status).toBe(404);
      const agent = await logIn(t.agent(), stranger.email);
      expect((await agent.get(`/cohorts/${cohort.id}/completion`)).status).toBe(404);
      expect((await api(strangerToken).get(`/enrolments/${await enrolmentOf(anna)}/completion`)).status).toBe(404);
    });
  });

  describe('an administrator', () => {
    it('sets a completion by hand with a reason, audited, and clears it', async () => {
      const agent = await logIn(t.agent(), admin.email);
      const enrolment = await enrolmentOf(ieva);
      const form = await agent.get(`/admin/enrolments/${enrolment}/completion`);
      expect(form.status).toBe(200);
      expect(form.text).toContain('Pabeigšana: Ieva Skujiņa');

      const refused = await agent
        .post(`/admin/enrolments/${enrolment}/completion`)
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          state: 'completed',
          reason: '   ',
        });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Norādiet iemeslu: tas ir obligāts.');
      expect((await api(adminToken).get(`/enrolments/${enrolment}/completion`)).body.setByHand).toBeNull();

      const saved = await agent
        .post(`/admin/enrolments/${enrolment}/completion`)
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          state: 'completed',
          reason: 'Apmeklējums atzīmēts papīra žurnālā.',
        });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe(`/cohorts/${cohort.id}/completion`);
      const body = (await api(adminToken).get(`/enrolments/${enrolment}/completion`)).body;
      expect(body).toMatchObject({
        state: 'not_possible',
        completed: true,
        setByHand: { state: 'completed', reason: 'Apmeklējums atzīmēts papīra žurnālā.', byName: admin.name },
      });
      const [counted] = await t.dataSource.query('SELECT set_by_hand FROM completed_enrolments WHERE enrolment_id = $1', [enrolment]);
      expect(counted).toEqual({ set_by_hand: true });
      const [audit] = await t.dataSource.query(
        `SELECT after FROM audit_events WHERE action = 'completion.set_by_hand' AND entity_id = $1`,
        [enrolment],
      );
      expect(audit.after).toMatchObject({ manualState: 'completed', reason: 'Apmeklējums atzīmēts papīra žurnālā.' });

      const cleared = await api(adminToken).post(`/enrolments/${enrolment}/completion/manual`, { state: 'rule', reason: 'Kļūda.' });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ completed: false, setByHand: null, state: 'not_possible' });
      const again = await api(adminToken).post(`/enrolments/${enrolment}/completion/manual`, { state: 'rule', reason: 'Vēlreiz.' });
      expect(again.status).toBe(400);
      expect(again.body.errors[0].field).toBe('state');
      expect((await api(teacherToken).post(`/enrolments/${enrolment}/completion/manual`, { state: 'completed', reason: 'x' })).status).toBe(
        403,
      );
    });

    it('closes a cohort after a confirmation, fixing each enrolment, then reopens it with a reason', async () => {
      const agent = await logIn(t.agent(), admin.email);
      const page = await agent.get(`/cohorts/${cohort.id}/completion`);
      expect(page.text).toContain(`action="/admin/cohorts/${cohort.id}/close"`);
      const ask = await postForm(agent, `/admin/cohorts/${cohort.id}/close`, {}, `/cohorts/${cohort.id}/completion`);
      expect(ask.status).toBe(200);
      expect(ask.text).toContain('Slēgt grupu “1. daļa — 2012. gada rudens”?');
      expect(ask.text).toContain('Dalība tiks fiksēta kā pabeigta: 1, kā nepabeigta: 2.');
      expect(await statuses()).toEqual({ 'Anna Bērziņa': 'enrolled', 'Edgars Vanags': 'enrolled', 'Ieva Skujiņa': 'enrolled' });

      const closed = await postForm(agent, `/admin/cohorts/${cohort.id}/close`, { confirm: 'yes' }, `/cohorts/${cohort.id}/completion`);
      expect(closed.status).toBe(303);
      expect(await statuses()).toEqual({ 'Anna Bērziņa': 'completed', 'Edgars Vanags': 'not_completed', 'Ieva Skujiņa': 'not_completed' });
      const shown = await agent.get(`/cohorts/${cohort.id}/completion`);
      expect(shown.text).toContain('Grupa slēgta');
      expect(shown.text).toContain(`action="/admin/cohorts/${cohort.id}/reopen"`);
      expect((await agent.get(`/admin/cohorts/${cohort.id}`)).text).toMatch(/<h1>[^<]*<span class="badge badge-ok">Slēgta<\/span><\/h1>/);
      expect((await api(adminToken).get(`/cohorts/${cohort.id}`)).body.closedAt).not.toBeNull();

      // Closed: attendance changed afterwards leaves completion as closing fixed it, and nothing is set by hand.
      const [session] = await t.dataSource.query('SELECT id FROM sessions WHERE cohort_id = $1 ORDER BY starts_at DESC LIMIT 1', [
        cohort.id,
      ]);
      await t.app
        .get(AttendanceService)
        .mark(actorOf(teacher), session.id, { othersPresent: false, marks: [{ userId: edgars.id, status: 'present' }] });
      expect((await api(adminToken).get(`/enrolments/${await enrolmentOf(edgars)}/completion`)).body.completed).toBe(false);
      const refused = await api(adminToken).post(`/enrolments/${await enrolmentOf(edgars)}/completion/manual`, {
        state: 'completed',
        reason: 'x',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('COHORT_CLOSED');
      expect((await api(adminToken).post(`/cohorts/${cohort.id}/close`)).status).toBe(409);

      const noReason = await postForm(agent, `/admin/cohorts/${cohort.id}/reopen`, { reason: '' }, `/cohorts/${cohort.id}/completion`);
      expect(noReason.status).toBe(422);
      expect(noReason.text).toContain('Norādiet iemeslu: tas ir obligāts.');
      const reask = await postForm(
        agent,
        `/admin/cohorts/${cohort.id}/reopen`,
        { reason: 'Labots apmeklējums.' },
        `/cohorts/${cohort.id}/completion`,
      );
      expect(reask.status).toBe(200);
      expect(reask.text).toContain('Atvērt grupu “1. daļa — 2012. gada rudens” no jauna?');
      const reopened = await postForm(
        agent,
        `/admin/cohorts/${cohort.id}/reopen`,
        { reason: 'Labots apmeklējums.', confirm: 'yes' },
        `/cohorts/${cohort.id}/completion`,
      );
      expect(reopened.status).toBe(303);
      expect(await statuses()).toEqual({ 'Anna Bērziņa': 'enrolled', 'Edgars Vanags': 'enrolled', 'Ieva Skujiņa': 'enrolled' });
      // Reopened, completion follows the rule again: Edgars's late mark now counts.
      expect((await api(adminToken).get(`/enrolments/${await enrolmentOf(edgars)}/completion`)).body.completed).toBe(true);
      const actions = await t.dataSource.query(
        `SELECT action, after FROM audit_events WHERE entity_id = $1 AND action LIKE 'cohort.%' ORDER BY created_at, id`,
        [cohort.id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['cohort.closed', 'cohort.reopened']);
      expect(actions[1].after).toMatchObject({ reason: 'Labots apmeklējums.', reopened: 3 });

      // Through the API as well.
      const apiClosed = await api(adminToken).post(`/cohorts/${cohort.id}/close`);
      expect(apiClosed.status).toBe(200);
      expect(apiClosed.body.completed.sort()).toEqual([await enrolmentOf(anna), await enrolmentOf(edgars)].sort());
      expect(apiClosed.body.notCompleted).toEqual([await enrolmentOf(ieva)]);
      expect((await api(teacherToken).post(`/cohorts/${cohort.id}/reopen`, { reason: 'x' })).status).toBe(403);
      expect((await api(adminToken).post(`/cohorts/${cohort.id}/reopen`, { reason: 'Atpakaļ.' })).body).toEqual({
        cohortId: cohort.id,
        reopened: 3,
      });
    });

    it("shows a rule change's dry run on the part's edit page first, and saves it only when confirmed", async () => {
      const agent = await logIn(t.agent(), admin.email);
      const form = await agent.get(`/admin/parts/${part.id}/edit`);
      const fields = {
        _csrf: csrfFrom(form.text),
        titleLv: 'Projektu vadība',
        titleEn: 'Project management',
        academicHours: '40',
        minAttendancePercent: '100',
      };
      const dryRun = await agent.post(`/admin/parts/${part.id}`).type('form').send(fields);
      expect(dryRun.status).toBe(200);
      expect(dryRun.text).toContain('Šīs izmaiņas atņemtu pabeigšanu 1 dalībniekam:');
      expect(dryRun.text).toMatch(/<ul class="dry-run-uncompleted"><li>Edgars Vanags /);
      expect(dryRun.text).toContain('Jau izsniegtās apliecības paliek spēkā.');
      const [{ min_attendance_percent: unchanged }] = await t.dataSource.query('SELECT min_attendance_percent FROM parts WHERE id = $1', [
        part.id,
      ]);
      expect(unchanged).toBe(75);

      // A different rule than the one previewed is previewed again, not saved.
      const other = await agent
        .post(`/admin/parts/${part.id}`)
        .type('form')
        .send({ ...fields, minAttendancePercent: '50', ruleConfirmed: '100-000' });
      expect(other.status).toBe(200);
      expect(other.text).toContain('Ko mainīs jaunie nosacījumi');

      const fingerprint = /name="ruleConfirmed" value="([^"]+)"/.exec(dryRun.text)![1];
      const saved = await agent
        .post(`/admin/parts/${part.id}`)
        .type('form')
        .send({ ...fields, ruleConfirmed: fingerprint });
      expect(saved.status).toBe(303);
      expect((await api(adminToken).get(`/enrolments/${await enrolmentOf(edgars)}/completion`)).body.completed).toBe(false);
    });

    it('gets the same dry run through the API, and applying it does the same', async () => {
      const body = { titleLv: 'Projektu vadība', titleEn: 'Project management', academicHours: 40, minAttendancePercent: 75 };
      const dry = await api(adminToken).put(`/parts/${part.id}`, { ...body, dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body.applied).toBe(false);
      expect(dry.body.completionRule.minAttendancePercent).toBe(75);
      expect(dry.body.completionChange.completed.map((c: { name: string }) => c.name)).toEqual(['Edgars Vanags']);
      expect((await api(adminToken).get(`/parts/${part.id}`)).body.completionRule.minAttendancePercent).toBe(100);

      const applied = await api(adminToken).put(`/parts/${part.id}`, body);
      expect(applied.status).toBe(200);
      expect(applied.body.applied).toBe(true);
      expect(applied.body.completionChange).toEqual(dry.body.completionChange);
      const unchanged = await api(adminToken).put(`/parts/${part.id}`, body);
      expect(unchanged.body.completionChange).toBeNull();
    });
  });
});
