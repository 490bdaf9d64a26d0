import { Grade } from '../src/grading/grade.entity';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { createAssignment, handIn } from './support/grading-factories';
import { logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the home page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  async function course() {
    const teacher = await createInstructor(t.dataSource, { name: 'Inese Pasniedzēja' });
    const trainee = await createTrainee(t.dataSource, { name: 'Anna Bērziņa' });
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(new Date());
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Sākumlapas grupa',
      instructors: [teacher],
      startsOn: '2026-01-01',
      endsOn: today > '2098-12-31' ? today : '2099-12-31',
    });
    await enrol(t.dataSource, cohort, trainee);
    await createSession(t.dataSource, cohort, {
      title: 'Pagājusī nodarbība',
      startsAt: new Date(Date.now() - 30 * DAY),
      instructors: [teacher],
    });
    await createSession(t.dataSource, cohort, {
      title: 'Budžeta plānošana',
      startsAt: new Date(Date.now() + 2 * DAY),
      instructors: [teacher],
    });
    const due = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta pieteikums', dueAt: new Date(Date.now() + 5 * DAY) });
    const graded = await createAssignment(t.dataSource, { cohort }, { title: 'Riska analīze', dueAt: new Date(Date.now() - 5 * DAY) });
    const submission = await handIn(t.dataSource, null, graded, trainee);
    await t.dataSource
      .getRepository(Grade)
      .save({ submissionId: submission.id, versionNumber: 1, score: '8.50', passed: true, status: 'released', releasedAt: new Date() });
    const waiting = await createAssignment(t.dataSource, { cohort }, { title: 'Komunikācijas plāns', dueAt: new Date(Date.now() - DAY) });
    await handIn(t.dataSource, null, waiting, trainee);
    return { teacher, trainee, cohort, due };
  }

  it('shows a trainee the next sessions, the work due and the grades released, and no placeholder', async () => {
    const { trainee, due } = await course();
    const page = (await (await logIn(t.agent(), trainee.email)).get('/')).text;
    expect(page).not.toContain('Šeit būs');
    expect(page).toContain('<h2 id="home-sessions">Nākamās nodarbības</h2>');
    expect(page).toContain('Budžeta plānošana');
    expect(page).not.toContain('Pagājusī nodarbība');
    expect(page).toContain(`<a href="/assignments/${due.id}">Projekta pieteikums</a> · Sākumlapas grupa · termiņš`);
    expect(page).not.toMatch(/<a href="\/assignments\/[^"]+">Komunikācijas plāns<\/a>/);
    expect(page).toMatch(/<a href="\/assignments\/[^"]+">Riska analīze<\/a>: 8.5 no 10/);
  });

  it('shows an instructor the next sessions and how much work waits to be graded', async () => {
    const { teacher } = await course();
    const page = (await (await logIn(t.agent(), teacher.email)).get('/')).text;
    expect(page).not.toContain('Šeit būs');
    expect(page).toContain('Budžeta plānošana');
    expect(page).toContain('Vērtējumu gaida 2 darbi. <a href="/grading">');
  });

  it('gives an admin a short overview: cohorts running and emails that failed, with links', async () => {
    await course();
    const admin = await createAdmin(t.dataSource);
    const agent = await logIn(t.agent(), admin.email);
    const running = /<a href="\/admin\/cohorts">Šobrīd notiek (\d+) grupa/.exec((await agent.get('/')).text);
    expect(Number(running?.[1])).toBeGreaterThan(0);

    const message = await t.app.get(OutboxService).send({
      to: { email: admin.email, id: admin.id, language: 'lv' },
      template: 'notice',
      category: 'update',
      data: { title: 'Neizdevies e-pasts', name: admin.name, lines: [] },
      dedupKey: `test-home:${admin.id}`,
    });
    await t.dataSource.getRepository(OutboxMessage).update({ id: message!.id }, { status: 'failed' });
    const failed = await t.dataSource.getRepository(OutboxMessage).countBy({ status: 'failed' });
    const page = (await agent.get('/')).text;
    expect(page).toMatch(
      new RegExp(`<a href="/admin/outbox\\?status=failed"><strong>${failed} e-past(s nav nosūtīts|i nav nosūtīti)</strong></a>`),
    );
  });
});
