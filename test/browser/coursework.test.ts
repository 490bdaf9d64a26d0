import { rmSync } from 'node:fs';
import { Clock } from '../../src/common/clock';
import { Assignment } from '../../src/assignments/assignment.entity';
import { Grade } from '../../src/grading/grade.entity';
import { SubmissionsService } from '../../src/submissions/submissions.service';
import { rigaTime } from '../../src/i18n/dates';
import type { User } from '../../src/users/user.entity';
import {
  expectAccessible,
  logInAs,
  openBrowser,
  screenshot,
  serveWebApp,
  visit,
  type ServedApp,
  type TestBrowser,
} from '../support/browser';
import { actorOf, createInstructor, createTrainee } from '../support/factories';
import { createAssignment, handIn } from '../support/grading-factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
const PHONE = { width: 375, height: 667 };

/** The coursework pages of a trainee and an instructor, on a desktop and a phone screen. */
describe('coursework pages in Chromium meet WCAG 2.1 AA (axe-core)', () => {
  let t: ServedApp;
  let trainee: User;
  let instructor: User;
  let paths: { trainee: string[]; instructor: string[] };

  beforeAll(async () => {
    t = await serveWebApp();
    t.app.get(Clock).set(rigaTime(2012, 11, 27, 10, 0));
    const ds = t.dataSource;
    const part = await createPart(ds, await createProgramme(ds), { titleLv: 'Projektu vadība' });
    instructor = await createInstructor(ds, { name: 'Pasniedzēja Anna' });
    const cohort = await createCohort(ds, part, { name: 'Rudens grupa', instructors: [instructor] });
    trainee = await createTrainee(ds, { name: 'Dalībniece Līga' });
    await enrol(ds, cohort, trainee);
    const repo = ds.getRepository(Assignment);
    const assignment = await repo.save(
      repo.create({
        cohortId: cohort.id,
        title: 'Projekta pieteikums',
        brief: '**Uzdevums**: sagatavojiet pieteikumu.\n\n- budžets\n- laika plāns\n\n[Vadlīnijas](https://daugavpils.lv)',
        opensAt: rigaTime(2012, 10, 15, 10, 0),
        dueAt: rigaTime(2012, 11, 30, 23, 59),
        cutoffAt: rigaTime(2012, 12, 2, 23, 59),
        gradingType: 'points',
        maxPoints: '10',
        passMark: '6',
      }),
    );
    const work = await t.app
      .get(SubmissionsService)
      .submit(actorOf(trainee), assignment.id, { text: 'Pirmā versija ar garu tekstu, kas jāaplauž arī telefona ekrānā.' });
    // An earlier assignment, graded and released: the trainee's list shows its score.
    const graded = await createAssignment(ds, { cohort }, { title: 'Riska reģistrs', dueAt: rigaTime(2012, 11, 20, 23, 59) });
    const gradedWork = await handIn(ds, null, graded, trainee, { text: 'Riska reģistrs ar 12 riskiem.' });
    await ds.getRepository(Grade).save({
      submissionId: gradedWork.id,
      versionNumber: 1,
      score: '8.5',
      passed: true,
      feedback: 'Labi.',
      status: 'released',
      releasedAt: rigaTime(2012, 11, 25, 12, 0),
      gradedById: instructor.id,
    });
    paths = {
      trainee: ['/my/assignments', `/assignments/${assignment.id}`],
      instructor: [
        `/cohorts/${cohort.id}/assignments`,
        `/cohorts/${cohort.id}/assignments/new`,
        `/assignments/${assignment.id}`,
        `/assignments/${assignment.id}/edit`,
        `/assignments/${assignment.id}/trainees`,
        `/submissions/${work.submission!.id}`,
      ],
    };
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  for (const role of ['trainee', 'instructor'] as const) {
    describe(`as ${role}`, () => {
      let b: TestBrowser;

      beforeAll(async () => {
        b = await openBrowser(t.baseUrl);
        await logInAs(b.page, (role === 'trainee' ? trainee : instructor).email);
      });
      afterAll(async () => {
        await b?.close();
      });

      it('finds every coursework page accessible, and none wider than a phone screen', async () => {
        for (const [i, path] of paths[role].entries()) {
          await b.page.setViewportSize({ width: 1280, height: 900 });
          await visit(b.page, path);
          const name = `coursework-${role}-${i + 1}-${path
            .split('/')
            .filter((p) => !/^[0-9a-f-]{36}$/.test(p))
            .join('_')}`;
          await expectAccessible(b.page, name);
          if (path === '/my/assignments') await b.page.getByText('Vērtējums: 8,5 no 10 punktiem, ieskaitīts').waitFor();
          await b.page.setViewportSize(PHONE);
          await visit(b.page, path);
          await screenshot(b.page, `${name}-phone`);
          const width = Number(await b.page.evaluate('document.documentElement.scrollWidth'));
          expect([path, width <= PHONE.width]).toEqual([path, true]);
        }
      });
    });
  }

  it('shows a refused form again with its errors accessible', async () => {
    const b = await openBrowser(t.baseUrl);
    try {
      await logInAs(b.page, instructor.email);
      await visit(b.page, paths.instructor[1]);
      await b.page.fill('#field-title', '');
      await Promise.all([b.page.waitForLoadState('load'), b.page.click('main form button[type=submit]')]);
      expect(await b.page.textContent('.error-summary')).toContain('Jābūt vismaz 1 rakstzīmei.');
      await expectAccessible(b.page, 'coursework-instructor-form-errors');
    } finally {
      await b.close();
    }
  });
});
