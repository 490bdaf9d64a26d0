import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createApiToken, createInstructor, createTrainee } from './support/factories';
import { createAssignment, handIn } from './support/grading-factories';
import { linkedIds, logIn, relLink } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

interface Item {
  submissionId: string;
  traineeName: string;
  cohortName: string;
  state: string;
  lateSeconds: number;
}

const hours = (n: number) => new Date(Date.UTC(2012, 10, 1, 8) + n * 3_600_000);

describe('the grading queue', () => {
  let t: TestApp;
  let teacher: User;
  let token: string;
  const ids: Record<string, string> = {};

  const queue = async (query: Record<string, string | number> = {}): Promise<{ items: Item[]; total: number }> => {
    const res = await t
      .http()
      .get('/api/v1/grading/queue')
      .query(query)
      .set({ Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startWebApp();
    teacher = await createInstructor(t.dataSource);
    token = (await createApiToken(t.dataSource, teacher)).secret;
    const programme = await createProgramme(t.dataSource);
    const part = await createPart(t.dataSource, programme);
    const [mine, alsoMine, notMine] = [
      await createCohort(t.dataSource, part, { name: 'Grupa A', instructors: [teacher] }),
      await createCohort(t.dataSource, part, { name: 'Grupa B', instructors: [teacher] }),
      await createCohort(t.dataSource, part, { name: 'Grupa C' }),
    ];
    ids.cohortB = alsoMine.id;
    const essay = await createAssignment(t.dataSource, { cohort: mine }, { title: 'Eseja', dueAt: hours(10) });
    const plan = await createAssignment(t.dataSource, { cohort: alsoMine }, { title: 'Plāns', dueAt: hours(10) });
    const whole = await createAssignment(t.dataSource, { part }, { title: 'Visas daļas darbs', dueAt: hours(10) });
    const people: Record<string, User> = {};
    for (const [name, cohort] of [
      ['Anna', mine],
      ['Bruno', mine],
      ['Cēsis', alsoMine],
      ['Dace', notMine],
      ['Ēriks', notMine],
    ] as const) {
      people[name] = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, people[name]);
    }
    ids.whole = whole.id;
    ids.annaEssay = (await handIn(t.dataSource, null, essay, people.Anna, { text: 'a', submittedAt: hours(3) })).id;
    ids.brunoEssay = (await handIn(t.dataSource, null, essay, people.Bruno, { text: 'b', submittedAt: hours(1) })).id;
    ids.cesisPlan = (await handIn(t.dataSource, null, plan, people['Cēsis'], { text: 'c', submittedAt: hours(12), lateSeconds: 7200 })).id;
    ids.annaWhole = (await handIn(t.dataSource, null, whole, people.Anna, { text: 'd', submittedAt: hours(2) })).id;
    ids.daceWhole = (await handIn(t.dataSource, null, whole, people.Dace, { text: 'e', submittedAt: hours(0) })).id;
    // Bruno's essay is graded already: it goes after everything still to grade.
    await t
      .http()
      .put(`/api/v1/submissions/${ids.brunoEssay}/grade`)
      .set({ Authorization: `Bearer ${token}` })
      .send({ score: 7 })
      .expect(200);
  });
  afterAll(() => t.close());

  it('lists the work of the cohorts taught, still to grade first, then by hand-in time', async () => {
    const { items, total } = await queue();
    expect(items.map((i) => i.submissionId)).toEqual([ids.annaWhole, ids.annaEssay, ids.cesisPlan, ids.brunoEssay]);
    expect(total).toBe(4);
    expect(items.map((i) => i.state)).toEqual(['toGrade', 'toGrade', 'toGrade', 'draft']);
    expect(items[0].cohortName).toBe('Grupa A');
  });

  it('filters by cohort, assignment and lateness, and pages', async () => {
    expect((await queue({ cohort: ids.cohortB })).items.map((i) => i.submissionId)).toEqual([ids.cesisPlan]);
    expect((await queue({ assignment: ids.whole })).items.map((i) => i.submissionId)).toEqual([ids.annaWhole]);
    expect((await queue({ late: 'late' })).items.map((i) => i.submissionId)).toEqual([ids.cesisPlan]);
    expect((await queue({ late: 'onTime' })).total).toBe(3);
    const second = await queue({ pageSize: 2, page: 2 });
    expect(second.items.map((i) => i.submissionId)).toEqual([ids.cesisPlan, ids.brunoEssay]);
    expect(second.total).toBe(4);
    expect(
      (
        await t
          .http()
          .get('/api/v1/grading/queue')
          .query({ late: 'sometimes' })
          .set({ Authorization: `Bearer ${token}` })
      ).status,
    ).toBe(400);
  });

  it('shows the queue page with its filters and a pager, in Latvian', async () => {
    const agent = await logIn(t.agent(), teacher.email);
    const page = await agent.get('/grading');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Darbu vērtēšana</h1>');
    expect(page.text).toContain('Jānovērtē');
    expect(page.text).toContain('nokavēts par 2 stundām');
    expect(page.text).toContain('aria-current="page"');
    expect(linkedIds(page.text, '/grading/submissions')).toEqual([ids.annaWhole, ids.annaEssay, ids.cesisPlan, ids.brunoEssay]);
    const first = await agent.get('/grading').query({ pageSize: 2 });
    const next = await agent.get(relLink(first.text, 'next'));
    expect(next.status).toBe(200);
    expect(next.text).toContain('Bruno');
    const detail = await agent.get(`/grading/submissions/${ids.annaEssay}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Saglabāt melnrakstu');
    expect(detail.text).toContain('Atdot pārstrādāšanai');
  });
});
