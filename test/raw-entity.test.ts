import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Assignment } from '../src/assignments/assignment.entity';
import { Extension } from '../src/assignments/extension.entity';
import { Grade } from '../src/grading/grade.entity';
import { SubmissionFile } from '../src/submissions/submission-file.entity';
import { SubmissionVersion } from '../src/submissions/submission-version.entity';
import { Submission } from '../src/submissions/submission.entity';
import { RawEntity } from '../src/database/raw-entity';
import { Session } from '../src/sessions/session.entity';
import { newStorageKey } from '../src/storage/storage-keys';
import { User } from '../src/users/user.entity';
import { startWebApp, type TestApp } from './support/app';
import { createInstructor, createTrainee } from './support/factories';
import { createCohort, createPart, createProgramme, createSession } from './support/schedule-factories';

/**
 * The hot paths read entities with hand-written SQL (RawEntity). What they read must be the entity TypeORM would
 * give for the same row: every column, foreign keys beside their relations included, with the same types.
 */
describe('entities read by hand-written SQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  async function expectSameAsTypeorm<T extends ObjectLiteral & { id: string }>(target: EntityTarget<T>, table: string, id: string) {
    const raw = new RawEntity(t.dataSource, target);
    const [row] = (await t.dataSource.query(`SELECT ${raw.select('x', 'x_')} FROM ${table} x WHERE x.id = $1`, [id])) as Record<
      string,
      unknown
    >[];
    const byHand = raw.from(row, 'x_');
    const byTypeorm = await t.dataSource.getRepository(target).findOneByOrFail({ id } as never);
    expect(byHand).toEqual(byTypeorm);
    expect(byHand).toBeInstanceOf(byTypeorm.constructor);
  }

  it('gives a trainee, a session, an assignment and a whole submission as TypeORM does', async () => {
    const ds = t.dataSource;
    const instructor = await createInstructor(ds);
    const trainee = await createTrainee(ds, { name: 'Dalībniece Ilze' });
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part, { instructors: [instructor] });
    const session = await createSession(ds, cohort);
    const assignment = await ds.getRepository(Assignment).save(
      ds.getRepository(Assignment).create({
        cohortId: cohort.id,
        title: 'Projekta pieteikums',
        brief: '',
        opensAt: new Date('2026-11-01T08:00:00Z'),
        dueAt: new Date('2026-11-30T21:59:00Z'),
        cutoffAt: new Date('2026-12-02T21:59:00Z'),
        maxFiles: 3,
        maxFileSizeMb: 20,
        acceptedTypes: ['pdf'],
        gradingType: 'points',
        maxPoints: '10',
        passMark: '6',
      }),
    );
    const submission = await ds
      .getRepository(Submission)
      .save({ assignmentId: assignment.id, userId: trainee.id, submittedVersion: 1, submittedAt: new Date('2026-11-29T10:00:00Z') });
    const version = await ds
      .getRepository(SubmissionVersion)
      .save({ submissionId: submission.id, number: 1, text: 'Teksts', submittedAt: new Date('2026-11-29T10:00:00Z') });
    const file = await ds.getRepository(SubmissionFile).save({
      versionId: version.id,
      storageKey: newStorageKey('submission'),
      fileName: 'Pieteikums.pdf',
      mimeType: 'application/pdf',
      size: String(20 * 1024 * 1024 * 1024),
      sha256: 'c'.repeat(64),
    });
    const extension = await ds.getRepository(Extension).save({
      assignmentId: assignment.id,
      userId: trainee.id,
      dueAt: new Date('2026-12-05T21:59:00Z'),
      cutoffAt: new Date('2026-12-06T21:59:00Z'),
      reason: 'Slimība',
      grantedById: instructor.id,
    });
    const grade = await ds
      .getRepository(Grade)
      .save({ submissionId: submission.id, versionNumber: 1, score: '7.50', passed: true, feedback: 'Labi', status: 'draft' });

    await expectSameAsTypeorm(User, 'users', trainee.id);
    await expectSameAsTypeorm(Assignment, 'assignments', assignment.id);
    await expectSameAsTypeorm(Session, 'sessions', session.id);
    await expectSameAsTypeorm(Submission, 'submissions', submission.id);
    await expectSameAsTypeorm(SubmissionVersion, 'submission_versions', version.id);
    await expectSameAsTypeorm(SubmissionFile, 'submission_files', file.id);
    await expectSameAsTypeorm(Extension, 'extensions', extension.id);
    await expectSameAsTypeorm(Grade, 'grades', grade.id);
  });
});
