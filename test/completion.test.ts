import { DataSource } from 'typeorm';
import { AttendanceService } from '../src/attendance/attendance.service';
import { AssignmentsService } from '../src/assignments/assignments.service';
import { assignmentSchema } from '../src/assignments/assignments.schemas';
import type { Cohort } from '../src/cohorts/cohort.entity';
import { EnrolmentsService } from '../src/cohorts/enrolments.service';
import { CompletionService } from '../src/completion/completion.service';
import { unitOfWork } from '../src/database/unit-of-work';
import { parseWith } from '../src/common/zod-validation.pipe';
import type { CriterionResult } from '../src/completion/enrolment-completion.entity';
import { ExamReleaseService } from '../src/exams/exam-release.service';
import { ExamSheetService } from '../src/exams/exam-sheet.service';
import { examSchema } from '../src/exams/exams.schemas';
import { ExamsService } from '../src/exams/exams.service';
import { GradesService } from '../src/grading/grades.service';
import { GradingReleaseService } from '../src/grading/grading-release.service';
import { returnSchema } from '../src/grading/grades.schemas';
import type { Part } from '../src/programmes/part.entity';
import { PartsService } from '../src/programmes/parts.service';
import { SessionChangesService } from '../src/sessions/session-changes.service';
import type { Session } from '../src/sessions/session.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { actorOf, createAdmin, createInstructor, createTrainee } from './support/factories';
import { createAssignment, handIn } from './support/grading-factories';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

const DAY = 86_400_000;

interface Stored {
  state: string;
  criteria: CriterionResult[];
  completed: boolean;
  completed_at: Date | null;
}

/** The stored completion of the trainee in the cohort, and whether `completed_enrolments` counts it. */
async function completionOf(ds: DataSource, cohort: Cohort, trainee: User): Promise<Stored> {
  const [row] = await ds.query(
    `SELECT ec.state, ec.criteria, ec.completed_at, EXISTS (SELECT 1 FROM completed_enrolments d WHERE d.enrolment_id = e.id) AS completed
       FROM enrolments e LEFT JOIN enrolment_completions ec ON ec.enrolment_id = e.id
      WHERE e.cohort_id = $1 AND e.user_id = $2`,
    [cohort.id, trainee.id],
  );
  return row;
}
const criterion = (stored: Stored, name: CriterionResult['criterion']) => stored.criteria.find((c) => c.criterion === name);

describe('completion, kept up to date by each change that affects it', () => {
  let t: TestApp;
  let admin: User;
  let teacher: User;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    teacher = await createInstructor(t.dataSource);
  });
  afterAll(() => t.close());

  async function scene(rule: Partial<Part>, sessions = 0, trainees = 1) {
    const ds = t.dataSource;
    const part = await createPart(ds, await createProgramme(ds), {
      minAttendancePercent: 0,
      requiresIndependentWork: false,
      requiresFinalExam: false,
      closesWithSeminar: false,
      ...rule,
    });
    const cohort = await createCohort(ds, part, { instructors: [teacher] });
    const people: User[] = [];
    for (let i = 0; i < trainees; i++) {
      const trainee = await createTrainee(ds);
      await enrol(ds, cohort, trainee);
      people.push(trainee);
    }
    const held: Session[] = [];
    for (let i = 0; i < sessions; i++) {
      // No instructors named on the sessions: the cohort's teach them, and no two scenes' sessions clash.
      held.push(await createSession(ds, cohort, { startsAt: new Date(Date.UTC(2012, 8, 10 + i, 6)) }));
    }
    return { part, cohort, trainees: people, sessions: held };
  }

  const mark = (session: Session, marks: [User, string][]) =>
    t.app.get(AttendanceService).mark(actorOf(teacher), session.id, {
      marks: marks.map(([user, status]) => ({ userId: user.id, status: status as 'present' })),
      othersPresent: false,
    });

  describe('attendance', () => {
    it('is met at exactly the minimum, and taken back when a mark changes below it', async () => {
      const { cohort, trainees, sessions } = await scene({ minAttendancePercent: 80 }, 10);
      const [anna] = trainees;
      for (const session of sessions.slice(0, 7)) await mark(session, [[anna, 'present']]);
      let stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('in_progress');
      expect(criterion(stored, 'attendance')).toEqual({
        criterion: 'attendance',
        state: 'pending',
        missing: { count: 1, unit: 'sessions' },
        progress: { done: 7, of: 8 },
      });
      expect(stored.completed).toBe(false);

      // Late counts as attended: 8 of 10 is exactly 80 %.
      await mark(sessions[7], [[anna, 'late']]);
      stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('completed');
      expect(stored.completed).toBe(true);
      expect(stored.completed_at).not.toBeNull();

      // The late mark corrected to excused: excused is not attended.
      await mark(sessions[7], [[anna, 'excused']]);
      stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('in_progress');
      expect(stored.completed).toBe(false);
      expect(stored.completed_at).toBeNull();

      // Two more absences: 7 attended and 3 missed of 10 can no longer reach 8.
      await mark(sessions[8], [[anna, 'absent']]);
      await mark(sessions[9], [[anna, 'absent']]);
      stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('not_possible');
      expect(criterion(stored, 'attendance')?.state).toBe('impossible');
    });

    it('follows a session cancelled and restored', async () => {
      const { cohort, trainees, sessions } = await scene({ minAttendancePercent: 100 }, 3);
      const [anna] = trainees;
      await mark(sessions[0], [[anna, 'present']]);
      await mark(sessions[1], [[anna, 'present']]);
      expect((await completionOf(t.dataSource, cohort, anna)).state).toBe('in_progress');
      const changes = t.app.get(SessionChangesService);
      await changes.cancel(actorOf(teacher), sessions[2].id, { reason: 'Pasniedzējs saslima.' });
      expect((await completionOf(t.dataSource, cohort, anna)).state).toBe('completed');
      await changes.restore(actorOf(teacher), sessions[2].id, { reason: 'Nodarbība notiks.' });
      const stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('in_progress');
      expect(criterion(stored, 'attendance')?.missing).toEqual({ count: 1, unit: 'sessions' });
    });
  });

  describe('independent work', () => {
    async function graded(rule: Partial<Part> = {}) {
      const s = await scene({ requiresIndependentWork: true, ...rule });
      const assignment = await createAssignment(t.dataSource, { cohort: s.cohort });
      const submission = await handIn(t.dataSource, null, assignment, s.trainees[0], { text: 'Projekta pieteikums.' });
      return { ...s, assignment, submission };
    }

    it('is met by a released pass, and taken back when the work is returned for revision', async () => {
      const { cohort, trainees, submission } = await graded();
      const [anna] = trainees;
      const grades = t.app.get(GradesService);
      const release = t.app.get(GradingReleaseService);
      const grade = await grades.save(actorOf(teacher), submission.id, { score: '8', feedback: 'Labi.' });
      // A draft grade counts for nothing.
      expect((await completionOf(t.dataSource, cohort, anna)).completed).toBe(false);
      await release.release(actorOf(teacher), submission.id, grade.revision);
      let stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('completed');
      expect(criterion(stored, 'independent_work')).toMatchObject({ state: 'met', progress: { done: 1, of: 1 } });

      const due = new Date(Date.now() + 7 * DAY);
      const day = due.toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
      await release.returnForRevision(
        actorOf(teacher),
        submission.id,
        parseWith(returnSchema, { dueDate: day, dueTime: '23:59', note: 'Papildiniet budžetu.', confirmShorter: 'on' }),
      );
      stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('in_progress');
      expect(stored.completed).toBe(false);
      expect(criterion(stored, 'independent_work')).toMatchObject({ state: 'pending', missing: { count: 1, unit: 'assignments' } });
    });

    it('counts a failed grade as not passed, and a required assignment added or removed', async () => {
      const { cohort, trainees, submission, assignment } = await graded();
      const [anna] = trainees;
      const grade = await t.app.get(GradesService).save(actorOf(teacher), submission.id, { score: '4', feedback: '' });
      await t.app.get(GradingReleaseService).release(actorOf(teacher), submission.id, grade.revision);
      expect(criterion(await completionOf(t.dataSource, cohort, anna), 'independent_work')?.state).toBe('pending');

      const assignments = t.app.get(AssignmentsService);
      const second = await assignments.create(
        actorOf(teacher),
        { cohortId: cohort.id },
        parseWith(assignmentSchema, {
          title: 'Otrais darbs',
          opensDate: '2012-09-01',
          opensTime: '09:00',
          dueDate: '2012-11-30',
          dueTime: '23:59',
          gradingType: 'pass_fail',
          acceptedTypes: ['pdf'],
        }),
      );
      expect(criterion(await completionOf(t.dataSource, cohort, anna), 'independent_work')).toMatchObject({
        missing: { count: 2, unit: 'assignments' },
        progress: { done: 0, of: 2 },
      });
      await assignments.delete(actorOf(teacher), second.id);
      expect(criterion(await completionOf(t.dataSource, cohort, anna), 'independent_work')?.progress).toEqual({ done: 0, of: 1 });
      expect(assignment.requiredForCompletion).toBe(true);
    });
  });

  describe('the final exam', () => {
    const examInput = (title: string, retakeOfId?: string) =>
      parseWith(examSchema, { title, mode: 'in_person', passMark: 60, passMarkUnit: 'percent', maxPoints: 100, retakeOfId });

    it('failed, then passed at the retake', async () => {
      const { cohort, trainees } = await scene({ requiresFinalExam: true });
      const [anna] = trainees;
      const exams = t.app.get(ExamsService);
      const sheet = t.app.get(ExamSheetService);
      const release = t.app.get(ExamReleaseService);
      const actor = actorOf(teacher);
      const exam = await exams.create(actor, cohort.id, examInput('Gala eksāmens'));
      expect(criterion(await completionOf(t.dataSource, cohort, anna), 'final_exam')).toMatchObject({
        state: 'pending',
        missing: { unit: 'exam' },
      });

      await sheet.save(actor, exam.id, [{ userId: anna.id, outcome: 'score', score: '55', version: 0 }]);
      // Entered, not yet released: awaited.
      expect(criterion(await completionOf(t.dataSource, cohort, anna), 'final_exam')?.missing).toEqual({ count: 1, unit: 'examResult' });
      await release.release(actor, exam.id);
      let stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('not_possible');
      expect(criterion(stored, 'final_exam')?.state).toBe('impossible');

      const retake = await exams.create(actor, cohort.id, examInput('Atkārtots eksāmens', exam.id));
      stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('in_progress');
      expect(criterion(stored, 'final_exam')?.state).toBe('pending');

      const [pending] = await t.dataSource.query('SELECT version FROM exam_results WHERE exam_id = $1 AND user_id = $2', [
        retake.id,
        anna.id,
      ]);
      await sheet.save(actor, retake.id, [{ userId: anna.id, outcome: 'score', score: '72', version: pending.version }]);
      await release.release(actor, retake.id);
      stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.state).toBe('completed');
      expect(stored.completed).toBe(true);
    });

    it('follows a result overridden by hand after release', async () => {
      const { cohort, trainees } = await scene({ requiresFinalExam: true });
      const [anna] = trainees;
      const actor = actorOf(teacher);
      const exam = await t.app.get(ExamsService).create(actor, cohort.id, examInput('Gala eksāmens'));
      await t.app.get(ExamSheetService).save(actor, exam.id, [{ userId: anna.id, outcome: 'score', score: '80', version: 0 }]);
      const release = t.app.get(ExamReleaseService);
      await release.release(actor, exam.id);
      expect((await completionOf(t.dataSource, cohort, anna)).state).toBe('completed');
      const [result] = await t.dataSource.query('SELECT version FROM exam_results WHERE exam_id = $1', [exam.id]);
      await release.override(actor, exam.id, anna.id, {
        status: 'failed',
        score: 40,
        reason: 'Darbā atrasta norakstīšana.',
        version: result.version,
      });
      expect((await completionOf(t.dataSource, cohort, anna)).state).toBe('not_possible');
    });
  });

  describe('two changes at once', () => {
    it('take turns: the second reads what the first committed, so neither result is lost', async () => {
      const { cohort, trainees, sessions } = await scene({ minAttendancePercent: 100, requiresIndependentWork: true }, 1);
      const [anna] = trainees;
      const assignment = await createAssignment(t.dataSource, { cohort });
      const submission = await handIn(t.dataSource, null, assignment, anna, { text: 'Pieteikums.' });
      const grade = await t.app.get(GradesService).save(actorOf(teacher), submission.id, { score: '9', feedback: '' });

      // The first change marks attendance and holds its transaction open after re-evaluating.
      let locked!: () => void;
      const lockHeld = new Promise<void>((resolve) => (locked = resolve));
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      const first = unitOfWork(t.dataSource, async (manager) => {
        await manager.query(`INSERT INTO attendances (session_id, user_id, status) VALUES ($1, $2, 'present')`, [sessions[0].id, anna.id]);
        await t.app.get(CompletionService).reevaluate(manager, { cohortId: cohort.id, userIds: [anna.id] });
        locked();
        await held;
      });
      await lockHeld;
      // The second releases the grade: its re-evaluation waits for the first to commit.
      const second = t.app.get(GradingReleaseService).release(actorOf(teacher), submission.id, grade.revision);
      await eventually(
        async () =>
          (
            await t.dataSource.query(
              `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO enrolment_completions%'`,
            )
          ).length > 0,
        15_000,
        'the release to wait for the attendance change',
      );
      finish();
      await Promise.all([first, second]);
      const stored = await completionOf(t.dataSource, cohort, anna);
      expect(stored.criteria.map((c) => [c.criterion, c.state])).toEqual([
        ['attendance', 'met'],
        ['independent_work', 'met'],
      ]);
      expect(stored.state).toBe('completed');
    });
  });

  describe('enrolment', () => {
    it('gives a new member their completion with every criterion still to meet', async () => {
      const { cohort } = await scene({ minAttendancePercent: 80, requiresFinalExam: true }, 2, 0);
      const ieva = await createTrainee(t.dataSource);
      await t.app.get(EnrolmentsService).enrol(cohort.id, ieva.id, actorOf(admin));
      const stored = await completionOf(t.dataSource, cohort, ieva);
      expect(stored.state).toBe('in_progress');
      expect(stored.criteria).toEqual([
        { criterion: 'attendance', state: 'pending', missing: { count: 2, unit: 'sessions' }, progress: { done: 0, of: 2 } },
        { criterion: 'final_exam', state: 'pending', missing: { count: 0, unit: 'examNotSet' }, progress: { done: 0, of: 1 } },
      ]);
    });

    it('is stored by the worker on its start for a member enrolled before completion was kept', async () => {
      const { cohort, trainees, sessions } = await scene({ minAttendancePercent: 50 }, 2, 2);
      const [early, late] = trainees;
      await mark(sessions[0], [
        [early, 'present'],
        [late, 'absent'],
      ]);
      // As an installation that kept no completion had it: the facts, and no stored result.
      await t.dataSource.query(`DELETE FROM enrolment_completions WHERE enrolment_id IN (SELECT id FROM enrolments WHERE cohort_id = $1)`, [
        cohort.id,
      ]);
      expect((await completionOf(t.dataSource, cohort, early)).state).toBeNull();

      const worker = await startWorker();
      try {
        const stored = await eventually(
          async () => {
            const row = await completionOf(t.dataSource, cohort, early);
            return row.state ? row : null;
          },
          15000,
          'the completion stored',
        );
        expect(stored.state).toBe('completed');
        expect(stored.completed).toBe(true);
        const other = await completionOf(t.dataSource, cohort, late);
        expect(other.state).toBe('in_progress');
        expect(criterion(other, 'attendance')).toMatchObject({ state: 'pending', progress: { done: 0, of: 1 } });
      } finally {
        await worker.close();
      }
    });
  });

  describe('a rule change', () => {
    it('shows in its dry run exactly what applying it then does', async () => {
      const { part, cohort, trainees, sessions } = await scene({ minAttendancePercent: 50 }, 4, 4);
      const [anna, edgars, ieva, juris] = trainees;
      // Anna 4/4, Edgars 3/4, Ieva 2/4 (twice excused), Juris 1 of 3 so far.
      for (const [i, session] of sessions.entries()) {
        await mark(session, [
          [anna, 'present'],
          [edgars, i < 3 ? 'present' : 'absent'],
          [ieva, i < 2 ? 'present' : 'excused'],
          // Juris: present once, absent twice, the last session not marked.
          ...(i < 3 ? [[juris, i < 1 ? 'present' : 'absent'] as [User, string]] : []),
        ]);
      }
      const before = await Promise.all(trainees.map(async (u) => (await completionOf(t.dataSource, cohort, u)).completed));
      expect(before).toEqual([true, true, true, false]);

      const parts = t.app.get(PartsService);
      const input = {
        titleLv: part.titleLv,
        descriptionLv: '',
        descriptionEn: '',
        academicHours: 40,
        minAttendancePercent: 75,
        requiresIndependentWork: false,
        requiresFinalExam: false,
        closesWithSeminar: false,
      };
      const preview = await parts.previewRuleChange(part.id, input);
      expect(preview).not.toBeNull();
      expect(preview!.uncompleted.map((c) => c.userId)).toEqual([ieva.id]);
      expect(preview!.uncompleted[0].name).toBe(ieva.name);
      expect(preview!.completed).toEqual([]);
      // Juris goes from still possible (1 + 1 left of 2) to no longer possible (of 3): not a completion change.
      expect(preview!.otherChanges).toBe(1);
      expect(preview!.evaluated).toBe(4);

      const { completion } = await parts.updateWithCompletion(part.id, input, actorOf(admin));
      expect(completion).toEqual(preview);
      const after = await Promise.all(trainees.map(async (u) => (await completionOf(t.dataSource, cohort, u)).completed));
      expect(after).toEqual([true, true, false, false]);
      const [audit] = await t.dataSource.query(
        `SELECT after FROM audit_events WHERE action = 'part.updated' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [part.id],
      );
      expect(audit.after.completion).toEqual({ uncompleted: [preview!.uncompleted[0].enrolmentId], completed: [] });

      // The same rule again changes nothing and needs no dry run.
      expect(await parts.previewRuleChange(part.id, input)).toBeNull();
    });
  });
});
