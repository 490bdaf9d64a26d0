import request from 'supertest';
import { Cohort } from '../src/cohorts/cohort.entity';
import type { Part } from '../src/programmes/part.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor, createTrainee, createUser } from './support/factories';
import { logIn, postForm } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

describe('cohorts', () => {
  let t: TestApp;
  let part: Part;
  let adminAgent: ReturnType<TestApp['agent']>;
  let instructor: User;

  beforeAll(async () => {
    t = await startWebApp();
    const admin = await createAdmin(t.dataSource);
    adminAgent = await logIn(t.agent(), admin.email);
    part = await createPart(t.dataSource, await createProgramme(t.dataSource, { titleLv: 'Kursu cikla programma' }), {
      titleLv: 'Projektu vadība',
    });
    instructor = await createInstructor(t.dataSource, { name: 'Inese Pasniedzēja' });
  });
  afterAll(() => t.close());

  async function apiAs(user: User) {
    const { secret } = await createApiToken(t.dataSource, user);
    return (method: 'get' | 'post' | 'put', path: string): request.Test => t.http()[method](path).set('Authorization', `Bearer ${secret}`);
  }

  const cohortsNamed = (name: string) => t.dataSource.getRepository(Cohort).countBy({ name });

  it('lets an admin create a cohort of a part with its instructors', async () => {
    const res = await postForm(adminAgent, '/admin/cohorts', {
      partId: part.id,
      name: 'Projektu vadība, 2012. gada rudens',
      startsOn: '2012-09-05',
      endsOn: '2012-12-14',
      capacity: '7',
      instructorIds: instructor.id,
    });
    expect(res.status).toBe(303);
    const id = /^\/admin\/cohorts\/([0-9a-f-]{36})$/.exec(res.headers.location)![1];
    const cohort = await t.dataSource.getRepository(Cohort).findOneOrFail({ where: { id }, relations: { instructors: true } });
    expect(cohort).toMatchObject({ partId: part.id, startsOn: '2012-09-05', endsOn: '2012-12-14', capacity: 7 });
    expect(cohort.instructors.map((u) => u.id)).toEqual([instructor.id]);
    const page = await adminAgent.get(res.headers.location);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Inese Pasniedzēja');
    expect(page.text).toContain('2012. gada 5. septembrī');
    expect(page.text).toContain('0 no 7 vietām');
  });

  it('refuses bad input with a field error for each problem, writing nothing', async () => {
    const trainee = await createTrainee(t.dataSource, { name: 'Pēteris Apmācāmais' });
    const base = { partId: part.id, name: 'Kļūdaina grupa', startsOn: '2012-09-05', endsOn: '2012-12-14', capacity: '10' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endsOn: '2012-09-01' }, 'endsOn', 'Beigu datums nevar būt agrāks par sākuma datumu.'],
      [{ capacity: '0' }, 'capacity', 'Jābūt vismaz 1.'],
      [{ name: 'Ž'.repeat(201) }, 'name', 'Ne vairāk kā 200 rakstzīmes.'],
      [{ instructorIds: '00000000-0000-4000-8000-000000000000' }, 'instructorIds', 'Izvēlētais pasniedzējs nav atrasts.'],
      [{ instructorIds: [instructor.id, trainee.id] }, 'instructorIds', 'Pēteris Apmācāmais nav pasniedzēja lomas.'],
      [{ startsOn: '5.09.2012' }, 'startsOn', 'Ievadiet datumu formā GGGG-MM-DD.'],
    ];
    for (const [change, field, message] of cases) {
      const name = `Kļūdaina grupa ${field}`;
      const res = await postForm(adminAgent, '/admin/cohorts', { ...base, name: change.name ?? name, ...change });
      expect([field, res.status]).toEqual([field, 422]);
      expect(res.text).toContain(message);
      expect(res.text).toContain(`href="#field-${field}"`);
      expect(await cohortsNamed(String(change.name ?? name))).toBe(0);
    }
    const api = await apiAs(await createAdmin(t.dataSource));
    const res = await api('post', '/api/v1/cohorts').send({ ...base, capacity: 0, endsOn: '2012-01-01', instructorIds: [] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
      'capacity:tooSmall.number',
      'endsOn:cohort.endsBeforeStart',
    ]);
    const dates = await api('post', '/api/v1/cohorts').send({ ...base, capacity: 5, endsOn: '2012-01-01' });
    expect(dates.body.errors).toEqual([
      { field: 'endsOn', code: 'cohort.endsBeforeStart', message: 'Beigu datums nevar būt agrāks par sākuma datumu.' },
    ]);
    expect(await cohortsNamed('Kļūdaina grupa')).toBe(0);
  });

  it('lets only admins create or edit cohorts', async () => {
    const cohort = await createCohort(t.dataSource, part, { instructors: [instructor] });
    const body = { name: 'Pārdēvēta grupa', startsOn: '2012-09-05', endsOn: '2012-12-14', capacity: 3, instructorIds: [] };
    for (const user of [instructor, await createTrainee(t.dataSource)]) {
      const api = await apiAs(user);
      expect((await api('post', '/api/v1/cohorts').send({ ...body, partId: part.id })).status).toBe(403);
      expect((await api('put', `/api/v1/cohorts/${cohort.id}`).send(body)).status).toBe(403);
      const agent = await logIn(t.agent(), user.email);
      expect((await postForm(agent, `/admin/cohorts/${cohort.id}`, body)).status).toBe(403);
      expect((await agent.get('/admin/cohorts')).status).toBe(403);
    }
    expect(await cohortsNamed('Pārdēvēta grupa')).toBe(0);
  });

  it('keeps a cohort from shrinking below the places taken', async () => {
    const cohort = await createCohort(t.dataSource, part, { capacity: 3 });
    for (let i = 0; i < 2; i++) await enrol(t.dataSource, cohort, await createTrainee(t.dataSource));
    const res = await postForm(adminAgent, `/admin/cohorts/${cohort.id}`, {
      name: cohort.name,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      capacity: '1',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Grupā jau aizņemtas 2 vietas; vietu skaits nevar būt mazāks.');
    expect((await t.dataSource.getRepository(Cohort).findOneByOrFail({ id: cohort.id })).capacity).toBe(3);
  });

  describe('who sees a cohort and its trainees', () => {
    let mine: Cohort;
    let theirs: Cohort;
    let member: User;
    let stranger: User;

    beforeAll(async () => {
      const other = await createInstructor(t.dataSource, { name: 'Otrs Pasniedzējs' });
      mine = await createCohort(t.dataSource, part, { name: 'Mana grupa', instructors: [instructor] });
      theirs = await createCohort(t.dataSource, part, { name: 'Sveša grupa', instructors: [other] });
      member = await createTrainee(t.dataSource, { name: 'Anna Bērziņa' });
      stranger = await createTrainee(t.dataSource, { name: 'Jānis Svešinieks' });
      await enrol(t.dataSource, mine, member);
      await enrol(t.dataSource, theirs, stranger);
    });

    it('shows an instructor the trainees of the cohorts they teach, and only those', async () => {
      const agent = await logIn(t.agent(), instructor.email);
      const page = await agent.get('/my/cohorts');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Mana grupa');
      expect(page.text).toContain('Anna Bērziņa');
      expect(page.text).not.toContain('Sveša grupa');
      expect(page.text).not.toContain('Jānis Svešinieks');

      const api = await apiAs(instructor);
      const cohorts = await api('get', '/api/v1/me/cohorts');
      const names = cohorts.body.items.map((c: { name: string }) => c.name);
      expect(names).toContain('Mana grupa');
      expect(names).not.toContain('Sveša grupa');
      expect(
        (await api('get', `/api/v1/cohorts/${mine.id}/enrolments`)).body.items.map((e: { trainee: { name: string } }) => e.trainee.name),
      ).toEqual(['Anna Bērziņa']);
    });

    it('answers 404 to an instructor asking for another cohort by id', async () => {
      const api = await apiAs(instructor);
      expect((await api('get', `/api/v1/cohorts/${theirs.id}/enrolments`)).status).toBe(404);
      expect((await api('get', `/api/v1/cohorts/${theirs.id}`)).status).toBe(404);
      const agent = await logIn(t.agent(), instructor.email);
      expect((await agent.get(`/admin/cohorts/${theirs.id}`)).status).toBe(403);
    });

    it('shows a trainee their own cohort but not another, nor anyone’s list of trainees', async () => {
      const api = await apiAs(member);
      expect((await api('get', `/api/v1/cohorts/${mine.id}`)).body).toMatchObject({ id: mine.id, name: 'Mana grupa' });
      expect((await api('get', `/api/v1/cohorts/${theirs.id}`)).status).toBe(404);
      expect((await api('get', `/api/v1/cohorts/${theirs.id}/enrolments`)).status).toBe(404);
      expect((await api('get', `/api/v1/cohorts/${mine.id}/enrolments`)).status).toBe(403);
      expect((await api('get', '/api/v1/me/cohorts')).status).toBe(403);
      const agent = await logIn(t.agent(), member.email);
      expect((await agent.get('/my/cohorts')).status).toBe(403);
    });

    it('lets an admin see every cohort and filter the list by programme', async () => {
      const otherProgramme = await createProgramme(t.dataSource);
      const otherCohort = await createCohort(t.dataSource, await createPart(t.dataSource, otherProgramme), {
        name: 'Citas programmas grupa',
      });
      const page = await adminAgent.get('/admin/cohorts').query({ programmeId: otherProgramme.id });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Citas programmas grupa');
      expect(page.text).not.toContain('Mana grupa');
      const api = await apiAs(await createAdmin(t.dataSource));
      const list = await api('get', '/api/v1/cohorts').query({ partId: part.id, pageSize: 200 });
      const ids = list.body.items.map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect(ids).not.toContain(otherCohort.id);
    });
  });

  it('treats a user with several roles by what they teach, not by being a trainee elsewhere', async () => {
    const both = await createUser(t.dataSource, { roles: ['instructor', 'trainee'] });
    const taught = await createCohort(t.dataSource, part, { instructors: [both] });
    const other = await createCohort(t.dataSource, part);
    const api = await apiAs(both);
    expect((await api('get', `/api/v1/cohorts/${taught.id}/enrolments`)).status).toBe(200);
    expect((await api('get', `/api/v1/cohorts/${other.id}/enrolments`)).status).toBe(404);
  });
});
