import { randomUUID } from 'node:crypto';
import { AttendanceService } from '../../src/attendance/attendance.service';
import { CertificatesService } from '../../src/certificates/certificates.service';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import { Enrolment } from '../../src/cohorts/enrolment.entity';
import { Clock } from '../../src/common/clock';
import { CompletionService } from '../../src/completion/completion.service';
import { unitOfWork } from '../../src/database/unit-of-work';
import { ExamAttempt } from '../../src/exams/exam-attempt.entity';
import { ExamResult } from '../../src/exams/exam-result.entity';
import type { Exam } from '../../src/exams/exam.entity';
import { Grade } from '../../src/grading/grade.entity';
import { rigaDateTimeInputs, rigaParts, rigaTime } from '../../src/i18n/dates';
import { OutboxMessage } from '../../src/notifications/outbox-message.entity';
import { OutboxService } from '../../src/notifications/outbox.service';
import { Indicator } from '../../src/programmes/indicator.entity';
import type { Programme } from '../../src/programmes/programme.entity';
import type { Session } from '../../src/sessions/session.entity';
import { Submission } from '../../src/submissions/submission.entity';
import type { Assignment } from '../../src/assignments/assignment.entity';
import type { User } from '../../src/users/user.entity';
import type { TestApp } from './app';
import { completedCohort } from './certificate-factories';
import { markCompleted } from './completion-factories';
import { createInPersonExam, createOnlineExam } from './exam-factories';
import { bankQuestion, submittedAttempt } from './exam-marking-factories';
import { actorOf, createAdmin, createInstructor, createTrainee, createUser } from './factories';
import { createAssignment, handIn } from './grading-factories';
import { createCohort, createPart, createProgramme, createSession, enrol } from './schedule-factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A Riga calendar date `days` from the day of `at`. */
export function rigaDay(at: Date, days = 0): string {
  return rigaDateTimeInputs(new Date(at.getTime() + days * DAY))[0];
}

/** Today at noon in Riga: the clock the home pages are read at, so "today" never crosses midnight mid-test. */
export function rigaNoon(): Date {
  const p = rigaParts(new Date());
  return rigaTime(p.year, p.month, p.day, 12);
}

export interface DashboardWorld {
  now: Date;
  programme: Programme;
  /** Inese teaches it; Anna, Edgars and Wanda (withdrawn) are in it. */
  cohort: Cohort;
  /** Juris teaches it; Ilze (admin and instructor) too. */
  other: Cohort;
  inese: User;
  juris: User;
  ilze: User;
  anna: User;
  edgars: User;
  admin: User;
  sessions: { taken: Session; untaken: Session; today: Session; next: Session; sitting: Session; othersUntaken: Session };
  work: { toDo: Assignment; handedIn: Assignment; graded: Assignment };
  exams: { missed: Exam; upcoming: Exam; retake: Exam };
  /** The cohort of completed trainees: one never issued, one issued, one issued then revoked. */
  completed: Cohort;
}

/**
 * One running cohort seen from every side, around today's noon in Riga: its sessions (one marked, one held without
 * marks, one today, one ahead, an exam sitting next week), work to do, handed in and graded, an exam missed with an
 * essay to mark, an exam ahead, a retake set for someone else, a withdrawn trainee below the minimum; another cohort
 * taught by someone else; a finished cohort with certificates to issue; failed and uncertain emails.
 */
export async function dashboardWorld(t: TestApp): Promise<DashboardWorld> {
  const ds = t.dataSource;
  const now = rigaNoon();
  t.app.get(Clock).set(now);
  const tag = randomUUID().slice(0, 4);
  const inese = await createInstructor(ds, { name: `Inese Pasniedzēja ${tag}` });
  const juris = await createInstructor(ds, { name: `Juris Pasniedzējs ${tag}` });
  const ilze = await createUser(ds, { roles: ['admin', 'instructor'], name: `Ilze Administratore ${tag}` });
  const admin = await createAdmin(ds, { name: `Administrators ${tag}` });
  const anna = await createTrainee(ds, { name: `Anna Bērziņa ${tag}` });
  const edgars = await createTrainee(ds, { name: `Edgars Vanags ${tag}` });
  const wanda = await createTrainee(ds, { name: `Vanda Ozola ${tag}` });

  const programme = await createProgramme(ds, { titleLv: `Daugavpils pašvaldības kursi ${tag}` });
  const part = await createPart(ds, programme, {
    titleLv: 'Projektu vadība',
    minAttendancePercent: 75,
    requiresIndependentWork: true,
    requiresFinalExam: true,
  });
  const running = { startsOn: rigaDay(now, -30), endsOn: rigaDay(now, 60) };
  const cohort = await createCohort(ds, part, { name: `1. daļa ${tag}`, instructors: [inese], ...running });
  const other = await createCohort(ds, part, { name: `Cita grupa ${tag}`, instructors: [juris, ilze], ...running });
  await enrol(ds, cohort, anna);
  await enrol(ds, cohort, edgars);
  const wandaEnrolment = await enrol(ds, cohort, wanda);
  await enrol(ds, other, await createTrainee(ds));

  const at = (days: number, hour: number) => {
    const p = rigaParts(new Date(now.getTime() + days * DAY));
    return rigaTime(p.year, p.month, p.day, hour);
  };
  const sessions = {
    taken: await createSession(ds, cohort, { title: `Ievadnodarbība ${tag}`, startsAt: at(-10, 9) }),
    untaken: await createSession(ds, cohort, { title: `Budžeta plānošana ${tag}`, startsAt: at(-3, 9) }),
    today: await createSession(ds, cohort, { title: `Riska vadība ${tag}`, startsAt: at(0, 14) }),
    next: await createSession(ds, cohort, { title: `Komunikācija ${tag}`, startsAt: at(2, 9) }),
    sitting: await createSession(ds, cohort, {
      kind: 'exam_sitting',
      title: `Eksāmens ${tag}`,
      startsAt: at(7, 10),
      address: 'Saules iela 1, Daugavpils',
      room: '210',
    }),
    othersUntaken: await createSession(ds, other, { title: `Citas grupas nodarbība ${tag}`, startsAt: at(-2, 9) }),
  };
  await t.app.get(AttendanceService).mark(actorOf(inese), sessions.taken.id, {
    othersPresent: false,
    marks: [
      { userId: anna.id, status: 'present' },
      { userId: edgars.id, status: 'absent' },
      { userId: wanda.id, status: 'absent' },
    ],
  });
  await ds.getRepository(Enrolment).update({ id: wandaEnrolment.id }, { status: 'withdrawn', withdrawnAt: now });

  const work = {
    toDo: await createAssignment(ds, { cohort }, { title: `Projekta pieteikums ${tag}`, dueAt: new Date(now.getTime() + 5 * DAY) }),
    handedIn: await createAssignment(ds, { cohort }, { title: `Komunikācijas plāns ${tag}`, dueAt: new Date(now.getTime() - 9 * DAY) }),
    graded: await createAssignment(ds, { cohort }, { title: `Riska analīze ${tag}`, dueAt: new Date(now.getTime() - 5 * DAY) }),
  };
  // An assignment of the whole part, closed for Anna, handed in by Edgars: his instructor grades it in his cohort.
  const ofPart = await createAssignment(ds, { part }, { title: `Daļas darbs ${tag}`, dueAt: new Date(now.getTime() - 2 * DAY) });
  await handIn(ds, null, ofPart, edgars, { submittedAt: new Date(now.getTime() - 3 * DAY) });
  await handIn(ds, null, work.handedIn, anna, { submittedAt: new Date(now.getTime() - 10 * DAY) });
  await handIn(ds, null, work.handedIn, edgars, { submittedAt: new Date(now.getTime() - 2 * DAY) });
  const graded = await handIn(ds, null, work.graded, anna, { submittedAt: new Date(now.getTime() - 6 * DAY) });
  await ds.getRepository(Grade).save({
    submissionId: graded.id,
    versionNumber: 1,
    score: '8.50',
    passed: true,
    status: 'released',
    releasedAt: new Date(now.getTime() - DAY),
  });
  await ds.getRepository(Submission).update({ id: graded.id }, { gradedVersion: 1 });

  const essay = await bankQuestion(ds, cohort, `Projekta cikls ${tag}`, 10, { kind: 'essay', guidance: 'Jānosauc visi posmi.' });
  const missed = await createOnlineExam(ds, cohort, [essay.question.id], {
    title: `Starppārbaudījums ${tag}`,
    opensAt: new Date(now.getTime() - 12 * DAY),
    closesAt: new Date(now.getTime() - 11 * DAY),
    maxPoints: '10.00',
  });
  const attempt = await submittedAttempt(t, missed, edgars, [essay], [{ kind: 'essay', text: 'Projekta cikla posmi ir …' }]);
  await ds.getRepository(ExamAttempt).update({ id: attempt.id }, { submittedAt: new Date(now.getTime() - 11 * DAY) });
  const upcoming = await createOnlineExam(ds, cohort, [essay.question.id], {
    title: `Noslēguma eksāmens ${tag}`,
    sessionId: sessions.sitting.id,
    opensAt: at(7, 10),
    closesAt: at(7, 13),
  });
  const retake = await createInPersonExam(ds, cohort, { title: `Atkārtots eksāmens ${tag}`, retakeOfId: missed.id });
  await ds.getRepository(ExamResult).insert({ examId: retake.id, userId: edgars.id, status: 'pending' });

  await unitOfWork(ds, (manager) => t.app.get(CompletionService).reevaluate(manager, { cohortId: cohort.id }));

  // A finished programme: Anna holds its certificate; of three others who completed, one was never issued one.
  const finished = await completedCohort(ds, 3);
  const annaThere = await enrol(ds, finished.cohort, anna);
  await markCompleted(ds, annaThere.id);
  await ds.query('UPDATE cohorts SET closed_at = $2 WHERE id = $1', [finished.cohort.id, new Date(now.getTime() - 30 * DAY)]);
  const certificates = t.app.get(CertificatesService);
  await certificates.issue(actorOf(admin), { enrolmentId: annaThere.id });
  await certificates.issue(actorOf(admin), { enrolmentId: finished.enrolments[0].id });
  const revoked = await certificates.issue(actorOf(admin), { enrolmentId: finished.enrolments[1].id });
  await certificates.revoke(actorOf(admin), revoked.certificate.id, { reason: 'other', note: 'Izsniegta kļūdas pēc' });

  await ds.getRepository(Indicator).save([
    { programmeId: programme.id, nameLv: `Pabeiguši ${tag}`, metric: 'trainees_completed', target: 10, position: 0 },
    { programmeId: programme.id, nameLv: `Notikušas nodarbības ${tag}`, metric: 'sessions_held', target: 1, position: 1 },
  ]);

  const outbox = t.app.get(OutboxService);
  for (const status of ['failed', 'uncertain'] as const) {
    const message = await outbox.send({
      to: { email: admin.email, id: admin.id, language: 'lv' },
      template: 'notice',
      category: 'update',
      data: { title: 'Neizdevies e-pasts', name: admin.name, lines: [] },
      dedupKey: `test-home:${status}:${admin.id}`,
    });
    await ds.getRepository(OutboxMessage).update({ id: message!.id }, { status });
  }
  return {
    now,
    programme,
    cohort,
    other,
    inese,
    juris,
    ilze,
    anna,
    edgars,
    admin,
    sessions,
    work,
    exams: { missed, upcoming, retake },
    completed: finished.cohort,
  };
}
