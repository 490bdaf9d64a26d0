import type { Page } from 'playwright-core';
import { In } from 'typeorm';
import type { Assignment } from '../../src/assignments/assignment.entity';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import { Grade } from '../../src/grading/grade.entity';
import type { Submission } from '../../src/submissions/submission.entity';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { personActor } from '../../src/common/actor';
import { AuditService } from '../../src/audit/audit.service';
import { PasswordTokensService } from '../../src/users/password-tokens.service';
import { unitOfWork } from '../../src/database/unit-of-work';
import { rigaDateTimeInputs } from '../../src/i18n/dates';
import { OutboxMessage } from '../../src/notifications/outbox-message.entity';
import { User } from '../../src/users/user.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createAdmin, createInstructor, createTrainee, createUser } from '../support/factories';
import { createAssignment, handIn } from '../support/grading-factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** Presses the filter form's button, as a person would, and waits for the filtered list. */
async function filter(page: Page, action: string): Promise<URLSearchParams> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === action && url.search !== ''),
    page.locator(`main form[role=search][action="${action}"]`).getByRole('button', { name: 'Atlasīt' }).click(),
  ]);
  await page.waitForLoadState('load');
  return new URL(page.url()).searchParams;
}

/** The text of the first cell of every row of the page's table. */
async function firstCells(page: Page): Promise<string[]> {
  return (await page.locator('main table tbody tr td:first-child').allInnerTexts()).map((text) => text.trim());
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
}

/** The filter forms above the administrator's lists, each filled in and submitted, and the list then checked. */
describe('list filters submitted in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let admin: User;
  const tag = `F${Date.now()}`;

  beforeAll(async () => {
    t = await serveWebApp();
    admin = await createAdmin(t.dataSource, { name: `Ilze Atlasītāja ${tag}` });
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, admin.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('filters the users by a search, a role and a status, on a phone', async () => {
    await createTrainee(t.dataSource, { name: `Anna ${tag}` });
    await createInstructor(t.dataSource, { name: `Bruno ${tag}` });
    await createTrainee(t.dataSource, { name: `Cilda ${tag}` });
    await createUser(t.dataSource, { roles: ['trainee'], name: `Dace ${tag}`, password: null });
    await createUser(t.dataSource, { roles: ['trainee'], name: `Edgars ${tag}`, disabled: true });

    await b.page.setViewportSize(PHONE);
    try {
      await visit(b.page, '/admin/users');
      await b.page.getByLabel('Meklēt').fill(tag);
      await b.page.selectOption('#field-role', 'trainee');
      await b.page.selectOption('#field-status', 'active');
      const query = await filter(b.page, '/admin/users');
      expect([query.get('q'), query.get('role'), query.get('status')]).toEqual([tag, 'trainee', 'active']);
      expect(await firstCells(b.page)).toEqual([`Anna ${tag}`, `Cilda ${tag}`]);
      // The form keeps what was chosen.
      expect([
        await b.page.inputValue('#field-q'),
        await b.page.inputValue('#field-role'),
        await b.page.inputValue('#field-status'),
      ]).toEqual([tag, 'trainee', 'active']);
      await expectAccessible(b.page, 'forms-lists-users-phone');
      await expectNoSidewaysScroll(b.page);
    } finally {
      await b.page.setViewportSize(DESKTOP);
    }

    await b.page.selectOption('#field-role', '');
    await b.page.selectOption('#field-status', 'disabled');
    await filter(b.page, '/admin/users');
    expect(await firstCells(b.page)).toEqual([`Edgars ${tag}`]);
    await b.page.selectOption('#field-status', 'invited');
    await filter(b.page, '/admin/users');
    expect(await firstCells(b.page)).toEqual([`Dace ${tag}`]);
  });

  it('filters the audit log by actor, action, kind of record and days', async () => {
    const actor = await createAdmin(t.dataSource, { name: `Auditētā ${tag}` });
    const audit = t.app.get(AuditService);
    const person = await createTrainee(t.dataSource, { name: `Pēteris ${tag}` });
    await audit.record({ actor: personActor(actor), action: 'user.disabled', entityType: 'user', entityId: person.id });
    await audit.record({ actor: personActor(actor), action: 'user.enabled', entityType: 'user', entityId: person.id });
    await audit.record({ actor: personActor(admin), action: 'user.disabled', entityType: 'user', entityId: person.id });
    const [today] = rigaDateTimeInputs(new Date());

    await visit(b.page, '/admin/audit');
    await b.page.getByLabel('Veicējs').fill(actor.email);
    await b.page.getByLabel('Darbība').selectOption({ label: 'Lietotājs atspējots' });
    await b.page.getByLabel('Ieraksta veids').selectOption('user');
    await b.page.getByLabel('No datuma').fill(today);
    await b.page.getByLabel('Līdz datumam (ieskaitot)').fill(today);
    const query = await filter(b.page, '/admin/audit');
    expect([query.get('actor'), query.get('action'), query.get('entityType'), query.get('from'), query.get('to')]).toEqual([
      actor.email,
      'user.disabled',
      'user',
      today,
      today,
    ]);
    const rows = b.page.locator('main table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(`Auditētā ${tag}`);
    expect(await rows.first().innerText()).toContain('Lietotājs atspējots');
    await expectAccessible(b.page, 'forms-lists-audit');

    // A day before anything happened finds nothing, and says so.
    await b.page.getByLabel('Līdz datumam (ieskaitot)').fill('2012-01-01');
    await b.page.getByLabel('No datuma').fill('2012-01-01');
    await filter(b.page, '/admin/audit');
    await b.page.getByText('Atlasei neatbilst neviens notikums.').waitFor();
  });

  it('filters the outbox by status and recipient, and sends a failed email again', async () => {
    const tokens = t.app.get(PasswordTokensService);
    const invite = async (name: string) => {
      const user = await createUser(t.dataSource, { password: null, name });
      await unitOfWork(t.dataSource, (manager) => tokens.issue(manager, user, 'invitation'));
      const { id } = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ recipientId: user.id, template: 'invitation' });
      return { user, id };
    };
    const failed = await invite(`Neveiksmīgā ${tag}`);
    const waiting = await invite(`Gaidošā ${tag}`);
    await t.dataSource
      .getRepository(OutboxMessage)
      .update({ id: failed.id }, { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' });

    await visit(b.page, '/admin/outbox');
    await b.page.selectOption('#field-status', 'failed');
    await b.page.getByLabel('Saņēmēja e-pasts').fill(failed.user.email);
    const query = await filter(b.page, '/admin/outbox');
    expect([query.get('status'), query.get('q')]).toEqual(['failed', failed.user.email]);
    const rows = b.page.locator('main table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(failed.user.email);
    await expectAccessible(b.page, 'forms-lists-outbox');

    await b.page.getByLabel('Saņēmēja e-pasts').fill(waiting.user.email);
    await filter(b.page, '/admin/outbox');
    await b.page.getByText('Nav neviena e-pasta, kas atbilst atlasei.').waitFor();
    expect(await b.page.locator('main table').count()).toBe(0);

    await visit(b.page, `/admin/outbox/${failed.id}`);
    await expectAccessible(b.page, 'forms-outbox-failed');
    const [response] = await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/admin/outbox/${failed.id}/resend`),
      b.page.locator('main').getByRole('button', { name: 'Sūtīt vēlreiz' }).click(),
    ]);
    expect(response.status()).toBe(303);
    await b.page.getByText('E-pasts atkal ievietots sūtīšanas rindā.').waitFor();
    expect(new URL(b.page.url()).pathname).toBe(`/admin/outbox/${failed.id}`);
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: failed.id });
    // Back in the queue (only the web process runs here, so nobody has sent it yet), and the resend is on record.
    expect([row.status, row.attempts, row.lastError]).toEqual(['pending', 0, null]);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'outbox.resent', entityId: failed.id, actorId: admin.id })).toBe(
      1,
    );
    expect(await b.page.locator('main').getByRole('button', { name: 'Sūtīt vēlreiz' }).count()).toBe(0);
  });

  it('filters the cohorts by programme', async () => {
    const first = await createProgramme(t.dataSource, { titleLv: `Pirmā programma ${tag}` });
    const second = await createProgramme(t.dataSource, { titleLv: `Otrā programma ${tag}` });
    await createCohort(t.dataSource, await createPart(t.dataSource, first), { name: `Pirmās grupa ${tag}` });
    await createCohort(t.dataSource, await createPart(t.dataSource, second), { name: `Otrās grupa ${tag}` });
    await visit(b.page, '/admin/cohorts');
    await b.page.selectOption('#field-programmeId', { label: `Otrā programma ${tag}` });
    const query = await filter(b.page, '/admin/cohorts');
    expect(query.get('programmeId')).toBe(second.id);
    expect(await firstCells(b.page)).toEqual([`Otrās grupa ${tag}`]);
    expect(await b.page.inputValue('#field-programmeId')).toBe(second.id);
    await expectAccessible(b.page, 'forms-lists-cohorts');
  });
});

/** The grading queue's filter, and releasing grades one by one and all at once. */
describe('the grading queue filter and releasing grades in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let ids: { cohort: string; essay: string; report: string };
  let trainees: User[];
  let instructorId: string;

  beforeAll(async () => {
    t = await serveWebApp();
    const instructor = await createInstructor(t.dataSource, { name: 'Inese Vērtētāja' });
    instructorId = instructor.id;
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Vērtēšanas grupa',
      instructors: [instructor],
    });
    trainees = [];
    for (const name of ['Anna Agrā', 'Jānis Vēlais', 'Līga Laicīgā']) {
      const trainee = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, trainee);
      trainees.push(trainee);
    }
    const essay = await createAssignment(t.dataSource, { cohort }, { title: 'Eseja par projektu' });
    const report = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta atskaite' });
    await handIn(t.dataSource, null, essay, trainees[0], { text: 'Eseja.' });
    await handIn(t.dataSource, null, essay, trainees[1], { text: 'Eseja, vēlu.', lateSeconds: 7200 });
    await handIn(t.dataSource, null, report, trainees[2], { text: 'Atskaite.' });
    ids = { cohort: cohort.id, essay: essay.id, report: report.id };
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const traineeCells = async (page: Page) => (await page.locator('main table tbody tr td:first-child a').allInnerTexts()).sort();

  it('filters the queue by cohort, assignment and lateness', async () => {
    await visit(b.page, '/grading');
    await b.page.selectOption('#field-cohort', ids.cohort);
    await b.page.selectOption('#field-assignment', ids.essay);
    let query = await filter(b.page, '/grading');
    expect([query.get('cohort'), query.get('assignment')]).toEqual([ids.cohort, ids.essay]);
    expect(await traineeCells(b.page)).toEqual(['Anna Agrā', 'Jānis Vēlais']);
    await expectAccessible(b.page, 'forms-lists-grading-queue');

    await b.page.selectOption('#field-late', 'late');
    query = await filter(b.page, '/grading');
    expect(query.get('late')).toBe('late');
    expect(await traineeCells(b.page)).toEqual(['Jānis Vēlais']);

    await b.page.selectOption('#field-late', 'onTime');
    await b.page.selectOption('#field-assignment', '');
    await filter(b.page, '/grading');
    expect(await traineeCells(b.page)).toEqual(['Anna Agrā', 'Līga Laicīgā']);
  });

  /** A draft grade of new work on a new assignment, as a grader would have saved it. */
  async function draftGrades(title: string, who: User[]): Promise<{ assignment: Assignment; submissions: Submission[] }> {
    const assignment = await createAssignment(t.dataSource, { cohort: { id: ids.cohort } as Cohort }, { title });
    const submissions: Submission[] = [];
    for (const trainee of who) {
      const submission = await handIn(t.dataSource, null, assignment, trainee, { text: `${title}: ${trainee.name}` });
      await t.dataSource.getRepository(Grade).save({
        submissionId: submission.id,
        versionNumber: 1,
        score: '7',
        passed: true,
        feedback: 'Labi.',
        status: 'draft',
        gradedById: instructorId,
      });
      submissions.push(submission);
    }
    return { assignment, submissions };
  }

  it("releases one grade from its grading page, and the trainee's email carries an unsubscribe link that works", async () => {
    const { submissions } = await draftGrades('Riska analīze', [trainees[0]]);
    const path = `/grading/submissions/${submissions[0].id}`;
    await visit(b.page, path);
    await expectAccessible(b.page, 'forms-grading-release-one');
    const [response] = await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `${path}/release`),
      b.page.locator(`main form[action="${path}/release"]`).getByRole('button', { name: 'Publicēt vērtējumu' }).click(),
    ]);
    expect(response.status()).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Vērtējums publicēts; dalībnieks saņems e-pastu.').waitFor();
    const grade = await t.dataSource.getRepository(Grade).findOneByOrFail({ submissionId: submissions[0].id });
    expect([grade.status, grade.releasedAt]).toEqual(['released', expect.any(Date)]);

    // The email about it, opened by the trainee on a phone, without logging in.
    const email = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ recipientId: trainees[0].id, template: 'grade-released' });
    const link = new URL(String(email.data.unsubscribeUrl));
    const phone = await openBrowser(t.baseUrl);
    try {
      await phone.page.setViewportSize(PHONE);
      await visit(phone.page, link.pathname);
      await phone.page.getByText('Vai vēlaties vairs nesaņemt paziņojumus par izmaiņām').waitFor();
      await expectAccessible(phone.page, 'forms-unsubscribe-phone');
      await expectNoSidewaysScroll(phone.page);
      // Only asking changes nothing: a link scanner may open it.
      expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: trainees[0].id })).notifyUpdates).toBe(true);
      const [answer] = await Promise.all([
        phone.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === link.pathname),
        phone.page.locator('main').getByRole('button', { name: 'Jā, atteikties' }).click(),
      ]);
      expect(answer.status()).toBe(200);
      await phone.page.waitForLoadState('load');
      await phone.page.getByText('Jūs vairs nesaņemsiet paziņojumus par izmaiņām pa e-pastu.').waitFor();
      await expectAccessible(phone.page, 'forms-unsubscribed-phone');
    } finally {
      await phone.close();
    }
    const person = await t.dataSource.getRepository(User).findOneByOrFail({ id: trainees[0].id });
    expect([person.notifyUpdates, person.notifyReminders]).toEqual([false, true]);
  });

  it('releases every ready grade of an assignment from the filtered queue', async () => {
    const { assignment, submissions } = await draftGrades('Budžeta plāns', [trainees[1], trainees[2]]);
    await visit(b.page, '/grading');
    await b.page.selectOption('#field-assignment', assignment.id);
    await filter(b.page, '/grading');
    expect(await traineeCells(b.page)).toEqual(['Jānis Vēlais', 'Līga Laicīgā']);
    const action = `/grading/assignments/${assignment.id}/release`;
    const [response] = await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
      b.page.locator(`main form[action="${action}"]`).getByRole('button', { name: 'Publicēt visus gatavos vērtējumus' }).click(),
    ]);
    expect(response.status()).toBe(303);
    await b.page.getByText('Publicēti 2 vērtējumi.').waitFor();
    expect(new URL(b.page.url()).searchParams.get('assignment')).toBe(assignment.id);
    await expectAccessible(b.page, 'forms-grading-released-all');
    const grades = await t.dataSource.getRepository(Grade).findBy({ submissionId: In(submissions.map((s) => s.id)) });
    expect(grades.map((g) => g.status)).toEqual(['released', 'released']);
  });
});
